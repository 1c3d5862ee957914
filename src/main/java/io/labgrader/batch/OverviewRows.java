package io.labgrader.batch;

import io.labgrader.grading.Outcome;
import io.labgrader.report.ConsoleReport;
import io.labgrader.report.ReportText;
import io.labgrader.report.SafeText;
import io.labgrader.rubric.Criterion;
import io.labgrader.rubric.LocalizedText.Language;
import io.labgrader.rubric.Messages;
import io.labgrader.rubric.Rubric;
import org.jsoup.nodes.Element;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The rows of overview.html's three tables, one student at a time: the student table (score, each criterion's
 * outcome, flags, links to the reports), the flags and the submissions that could not be graded. Students' text is
 * set as Jsoup text or attribute value, so it is escaped; {@link OverviewHtml} writes each row as it is built.
 */
final class OverviewRows {

    private final Rubric rubric;
    private final Language language;

    OverviewRows(Rubric rubric, Language language) {
        this.rubric = rubric;
        this.language = language;
    }

    Element studentRow(StudentResult s) {
        List<Criterion> criteria = rubric.criteria();
        Submission who = s.submission();
        Element row = new Element("tr").id("student-" + (who.index() + 1))
                .addClass(s.gradable() ? "graded" : "not-gradable").attr("data-student", who.key());
        row.appendElement("td").addClass("num").text(Integer.toString(who.index() + 1));
        Element name = row.appendElement("td").addClass("student");
        name.appendElement("span").addClass("name").text(SafeText.oneLine(who.name()));
        if (who.fromMoodle()) {
            name.appendText(" ");
            name.appendElement("span").addClass("participant muted").text("(" + who.participantId() + ")");
        }
        name.appendElement("div").addClass("source").text(SafeText.oneLine(s.evidence()));
        if (s.gradable()) {
            row.appendElement("td").addClass("num score").attr("data-score", Integer.toString(s.score()))
                    .attr("data-max", Integer.toString(s.maxScore())).text(s.score() + " / " + s.maxScore());
            row.appendElement("td").addClass("num percent").text(number(s.percent()) + " %");
            for (int i = 0; i < criteria.size(); i++) {
                Outcome o = i < s.outcomes().size() ? s.outcomes().get(i) : Outcome.NOT_GRADABLE;
                String note = i < s.notes().size() ? s.notes().get(i) : "";
                row.appendElement("td").addClass("mark " + o.name()).attr("data-outcome", o.name())
                        .attr("title", criteria.get(i).id() + ": " + outcomeWord(o) + (note.isEmpty() ? "" : " — " + note))
                        .text(ConsoleReport.mark(o));
            }
        } else {
            row.appendElement("td").addClass("num score").text(t("overview.notGradable2"));
            row.appendElement("td").addClass("num percent").text("–");
            row.appendElement("td").addClass("reason").attr("colspan", Integer.toString(criteria.size())).text(s.reason());
        }
        Element flagCell = row.appendElement("td").addClass("flags");
        for (Flag.Kind kind : Flag.Kind.values()) {
            List<String> details = s.flags().stream().filter(f -> f.kind() == kind)
                    .map(f -> SafeText.oneLine(f.detail().in(language))).toList();
            if (!details.isEmpty()) {
                flagCell.appendElement("span").addClass("flag " + kind.id()).attr("data-flag", kind.id())
                        .attr("data-count", Integer.toString(details.size())).attr("title", String.join("\n", details))
                        .text(kind.label(language) + (details.size() > 1 ? " ×" + details.size() : ""));
            }
        }
        Element links = row.appendElement("td").addClass("links");
        String base = BatchGrader.STUDENTS + "/" + encode(who.folder()) + "/";
        links.appendElement("a").attr("href", base + "report.md").attr("data-report", "md").text("md");
        links.appendElement("a").attr("href", base + "report.json").attr("data-report", "json").text("json");
        links.appendElement("a").attr("href", base + "TEST-labgrader.xml").attr("data-report", "junit").text("JUnit");
        links.appendElement("a").attr("href", base + "results.json").attr("data-report", "gradescope").text("Gradescope");
        return row;
    }

    List<Element> flagRows(StudentResult s) {
        List<Element> rows = new java.util.ArrayList<>();
        for (Flag f : s.flags()) {
            Element row = new Element("tr").attr("data-flag", f.kind().id()).attr("data-student", s.submission().key());
            row.appendElement("td").appendElement("a").attr("href", "#student-" + (s.submission().index() + 1))
                    .text(SafeText.oneLine(s.submission().label()));
            row.appendElement("td").appendElement("span").addClass("flag " + f.kind().id()).text(f.kind().label(language));
            row.appendElement("td").text(SafeText.oneLine(f.detail().in(language)));
            rows.add(row);
        }
        return rows;
    }

    Element notGradableRow(StudentResult s) {
        Element row = new Element("tr").attr("data-student", s.submission().key());
        row.appendElement("td").appendElement("a").attr("href", "#student-" + (s.submission().index() + 1))
                .text(SafeText.oneLine(s.submission().label()));
        row.appendElement("td").text(String.join(", ", s.submission().sources().stream().map(SafeText::oneLine).toList()));
        row.appendElement("td").text(s.reason());
        return row;
    }

    private String outcomeWord(Outcome o) {
        return switch (o) {
            case PASSED -> t("overview.passed2");
            case FAILED -> t("overview.failed2");
            case BLOCKED -> t("overview.blocked2");
            case NOT_GRADABLE -> t("overview.notGradable2");
        };
    }

    private String number(BigDecimal value) {
        return ReportText.number(value, language);
    }

    private String t(String key, Object... args) {
        return Messages.CORE.get(language, key, args);
    }

    /** A path segment for an href: UTF-8, percent-encoded, spaces as %20. */
    static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
