package io.labgrader.batch;

import io.labgrader.report.SafeText;
import io.labgrader.rubric.LocalizedText.Language;
import org.jsoup.nodes.Element;

/**
 * The overview's Moodle section: what Moodle receives and, by name and reason, every submission it receives no grade
 * for (no worksheet row, more than one, or no participant id for gradebook.csv). Built with Jsoup's DOM, so names are
 * text, never markup.
 */
final class MoodleSection {

    private MoodleSection() {
    }

    static void append(Element body, MoodleSummary m, Language language) {
        boolean de = language == Language.DE;
        body.appendElement("h2").text("Moodle");
        String what = m.hasWorksheet()
                ? (de ? "Bewertungstabelle " + m.worksheet() + ": " + m.filled() + " von " + m.rows() + " Zeilen ausgefüllt."
                : "Grading worksheet " + m.worksheet() + ": " + m.filled() + " of " + m.rows() + " rows filled in.")
                : (de ? GradebookCsv.FILE_NAME + ": " + m.importable() + " Zeilen, die Moodle zuordnen kann."
                : GradebookCsv.FILE_NAME + ": " + m.importable() + " rows Moodle can match.");
        body.appendElement("p").addClass("note").id("moodle-summary").text(SafeText.oneLine(what));
        if (m.problems().isEmpty()) {
            return;
        }
        body.appendElement("p").addClass("note").text(de ? "Für diese Abgaben erhält Moodle keine Bewertung:"
                : "Moodle receives no grade for these submissions:");
        Element table = body.appendElement("table").id("moodle-unmatched");
        Element head = table.appendElement("thead").appendElement("tr");
        head.appendElement("th").text(de ? "Name" : "Student");
        head.appendElement("th").text(de ? "Grund" : "Reason");
        Element rows = table.appendElement("tbody");
        for (BatchResult.Problem p : m.problems()) {
            Element row = rows.appendElement("tr");
            row.appendElement("td").text(SafeText.oneLine(p.student()));
            row.appendElement("td").text(SafeText.oneLine(p.reason()));
        }
    }
}
