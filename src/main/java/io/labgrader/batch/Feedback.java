package io.labgrader.batch;

import io.labgrader.grading.CriterionResult;
import io.labgrader.grading.GradeResult;
import io.labgrader.grading.Outcome;
import io.labgrader.report.ConsoleReport;
import io.labgrader.report.ReportText;
import io.labgrader.report.SafeText;
import io.labgrader.rubric.LocalizedText.Language;
import io.labgrader.rubric.Messages;
import org.jsoup.nodes.Entities;

/**
 * The feedback a student reads in the gradebook (Moodle's "Feedback comments", which Moodle shows as HTML): the
 * score, then every criterion that did not pass with its message and, for a failure, the hint. A fixed frame of
 * tags around text that Jsoup escapes, so whatever a student's machine said stays text. (Built as a string rather
 * than a DOM: it is made for every student while grading.)
 */
final class Feedback {

    private Feedback() {
    }

    static String html(GradeResult result, Language language) {
        StringBuilder html = new StringBuilder(1024);
        String percent = ReportText.number(ReportText.percent(result.score(), result.maxScore()), language);
        html.append("<p><strong>").append(escape(SafeText.oneLine(result.rubricTitle().in(language)) + ": " + result.score()
                + " / " + result.maxScore() + " (" + percent + " %)")).append("</strong></p>");
        boolean list = false;
        for (CriterionResult c : result.criteria()) {
            if (c.outcome() == Outcome.PASSED) {
                continue;
            }
            if (!list) {
                html.append("<ul>");
                list = true;
            }
            html.append("<li><strong>").append(escape(ConsoleReport.mark(c.outcome()) + " " + SafeText.oneLine(c.title().in(language))
                    + " (" + c.points() + " / " + c.maxPoints() + ")")).append("</strong>");
            String message = SafeText.oneLine(c.message().in(language));
            if (!message.isEmpty()) {
                html.append(escape(": " + message));
            }
            String hint = c.outcome() == Outcome.FAILED && c.hint() != null ? SafeText.oneLine(c.hint().in(language)) : "";
            if (!hint.isEmpty()) {
                html.append(" <em>").append(escape(Messages.CORE.get(language, "report.hint") + hint)).append("</em>");
            }
            html.append("</li>");
        }
        if (list) {
            html.append("</ul>");
        }
        return html.toString();
    }

    private static String escape(String text) {
        return Entities.escape(text);
    }
}
