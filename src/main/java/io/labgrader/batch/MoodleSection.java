package io.labgrader.batch;

import io.labgrader.report.SafeText;
import io.labgrader.rubric.LocalizedText.Language;
import io.labgrader.rubric.Messages;
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
        body.appendElement("h2").text("Moodle");
        String what = m.hasWorksheet()
                ? Messages.CORE.get(language, "moodle.worksheetFilled", m.worksheet(), m.filled(), m.rows())
                : Messages.CORE.get(language, "moodle.gradebookRows", GradebookCsv.FILE_NAME, m.importable());
        body.appendElement("p").addClass("note").id("moodle-summary").text(SafeText.oneLine(what));
        if (m.problems().isEmpty()) {
            return;
        }
        body.appendElement("p").addClass("note").text(Messages.CORE.get(language, "moodle.noGradeFor"));
        Element table = body.appendElement("table").id("moodle-unmatched");
        Element head = table.appendElement("thead").appendElement("tr");
        head.appendElement("th").text(Messages.CORE.get(language, "overview.student"));
        head.appendElement("th").text(Messages.CORE.get(language, "overview.reason"));
        Element rows = table.appendElement("tbody");
        for (BatchResult.Problem p : m.problems()) {
            Element row = rows.appendElement("tr");
            row.appendElement("td").text(SafeText.oneLine(p.student()));
            row.appendElement("td").text(SafeText.oneLine(p.reason()));
        }
    }
}
