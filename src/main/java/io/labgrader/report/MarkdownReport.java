package io.labgrader.report;

import io.labgrader.grading.CriterionResult;
import io.labgrader.grading.GradeResult;
import io.labgrader.grading.Outcome;
import io.labgrader.rubric.LocalizedText.Language;
import io.labgrader.rubric.Messages;
import org.jsoup.nodes.Entities;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * report.md for a GitLab job summary or merge request: a heading with the score, a table of all criteria, then
 * message and hint of every criterion that did not pass. All text is escaped for Markdown and HTML, so nothing a
 * student's machine said can add links, markup or table columns.
 */
public final class MarkdownReport implements ReportFormat {

    public static final String FILE_NAME = "report.md";

    /** Characters with a meaning in inline Markdown or in a table row. */
    private static final String MARKDOWN_SPECIAL = "\\`*_[]|#~";
    /** Digits that, followed by "." or ")", would start an ordered list. */
    private static final Pattern ORDERED_LIST_START = Pattern.compile("^\\d{1,9}(?=[.)])");

    @Override
    public String fileName() {
        return FILE_NAME;
    }

    @Override
    public void write(GradeResult result, Language language, OutputStream out) throws IOException {
        out.write(render(result, language).getBytes(StandardCharsets.UTF_8));
    }

    public String render(GradeResult result, Language language) {
        StringBuilder md = new StringBuilder();
        md.append("## ").append(escape(ReportText.text(result.rubricTitle(), language))).append(" — ")
                .append(ReportText.scoreLine(result, language)).append("\n\n");
        md.append(mark(Outcome.PASSED)).append(' ').append(result.count(Outcome.PASSED))
                .append(Messages.CORE.get(language, "report.passed"))
                .append(" · ").append(mark(Outcome.FAILED)).append(' ').append(result.count(Outcome.FAILED))
                .append(Messages.CORE.get(language, "report.failed"))
                .append(" · ").append(mark(Outcome.BLOCKED)).append(' ').append(result.count(Outcome.BLOCKED))
                .append(Messages.CORE.get(language, "report.blocked"))
                .append(" · ").append(mark(Outcome.NOT_GRADABLE)).append(' ').append(result.count(Outcome.NOT_GRADABLE))
                .append(Messages.CORE.get(language, "report.notGradable")).append("\n\n");

        md.append(Messages.CORE.get(language, "report.criterionTitlePoints"));
        md.append("|:-:|---|---|--:|\n");
        for (CriterionResult c : result.criteria()) {
            md.append("| ").append(mark(c.outcome()))
                    .append(" | ").append(escape(c.id()))
                    .append(" | ").append(escape(ReportText.text(c.title(), language)))
                    .append(" | ").append(c.points()).append(" / ").append(c.maxPoints())
                    .append(" |\n");
        }

        LabSections.of(result).forEach(shown -> md.append(shown.section().markdown(shown.data(), language)));

        List<CriterionResult> notPassed = result.criteria().stream().filter(c -> c.outcome() != Outcome.PASSED).toList();
        if (!notPassed.isEmpty()) {
            md.append("\n### ").append(Messages.CORE.get(language, "report.notPassed")).append('\n');
            for (CriterionResult c : notPassed) {
                md.append("\n#### ").append(mark(c.outcome())).append(' ').append(escape(c.id())).append(" · ")
                        .append(escape(ReportText.text(c.title(), language))).append('\n');
                String message = escape(ReportText.text(c.message(), language));
                if (!message.isEmpty()) {
                    md.append('\n').append(message).append('\n');
                }
                String hint = escape(ReportText.text(c.hint(), language));
                if (!hint.isEmpty()) {
                    md.append('\n').append(Messages.CORE.get(language, "report.hintBold")).append(hint).append('\n');
                }
            }
        }
        return md.toString();
    }

    static String mark(Outcome outcome) {
        return switch (outcome) {
            case PASSED -> "✅";
            case FAILED -> "❌";
            case BLOCKED -> "⛔";
            case NOT_GRADABLE -> "⚠️";
        };
    }

    /**
     * Text for one line of Markdown: control characters and escape sequences removed, line breaks as spaces,
     * Markdown punctuation backslash-escaped, then HTML-escaped by jsoup ({@code < > & " '}).
     */
    public static String escape(String text) {
        String line = SafeText.oneLine(text);
        StringBuilder out = new StringBuilder(line.length() + 16);
        int from = 0;
        Matcher ordered = ORDERED_LIST_START.matcher(line);
        if (!line.isEmpty() && "-+=".indexOf(line.charAt(0)) >= 0) {
            out.append('\\');                          // would start a list or underline a heading
        } else if (ordered.find()) {
            from = ordered.end();
            out.append(line, 0, from).append('\\');    // "1." or "1)" would start an ordered list
        }
        for (int i = from; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (MARKDOWN_SPECIAL.indexOf(ch) >= 0) {
                out.append('\\');
            }
            out.append(ch);
        }
        return Entities.escape(out.toString());
    }
}
