package io.labgrader.report;

import io.labgrader.grading.CriterionResult;
import io.labgrader.grading.GradeResult;
import io.labgrader.grading.Outcome;
import io.labgrader.rubric.LocalizedText.Language;
import io.labgrader.rubric.Messages;

import java.io.PrintStream;

/**
 * The result as a student reads it in a terminal: one row per criterion with a mark and the points, the message
 * (and for a failure the hint) indented underneath, and the total. ANSI colours only when the caller asks; the
 * caller knows whether there is a terminal and whether NO_COLOR is set. Message text never carries escape
 * sequences or control characters to the terminal.
 */
public final class ConsoleReport {

    private static final String RESET = "\u001B[0m";
    private static final String BOLD = "\u001B[1m";
    private static final String DIM = "\u001B[2m";
    private static final String RED = "\u001B[31m";
    private static final String GREEN = "\u001B[32m";
    private static final String YELLOW = "\u001B[33m";
    private static final String MAGENTA = "\u001B[35m";

    /** Widest title column before titles are cut with "…". */
    private static final int MAX_TITLE_WIDTH = 60;
    private static final String INDENT = "     ";

    /** Prints the report in what the stream's console can show (see {@link ConsoleEncoding#of}). */
    public void print(GradeResult result, Language language, PrintStream out, boolean colour) {
        out.print(render(result, language, colour, ConsoleEncoding.of(out)).replace("\n", System.lineSeparator()));
        out.flush();
    }

    /** The report with {@code \n} line ends, for a console that shows every character. */
    public String render(GradeResult result, Language language, boolean colour) {
        return render(result, language, colour, ConsoleEncoding.UNICODE);
    }

    /**
     * The report with {@code \n} line ends, in characters the console has: ASCII marks where it lacks ✔ ✘ ⊘, and
     * each cell fitted before the columns are measured, so that "ue" for "ü" keeps the table aligned.
     */
    public String render(GradeResult result, Language language, boolean colour, ConsoleEncoding console) {
        int idWidth = 0;
        int titleWidth = 0;
        int pointsWidth = 1;
        int maxWidth = 1;
        for (CriterionResult c : result.criteria()) {
            idWidth = Math.max(idWidth, ReportText.width(console.fit(SafeText.oneLine(c.id()))));
            titleWidth = Math.max(titleWidth, ReportText.width(console.fit(title(c, language))));
            pointsWidth = Math.max(pointsWidth, Integer.toString(c.points()).length());
            maxWidth = Math.max(maxWidth, Integer.toString(c.maxPoints()).length());
        }

        StringBuilder out = new StringBuilder();
        out.append(style(console.fit(ReportText.text(result.rubricTitle(), language)), BOLD, colour)).append('\n');
        for (CriterionResult c : result.criteria()) {
            out.append("  ").append(style(console.mark(c.outcome()), colourOf(c.outcome()), colour))
                    .append("  ").append(pad(console.fit(SafeText.oneLine(c.id())), idWidth))
                    .append("  ").append(pad(console.fit(title(c, language)), titleWidth))
                    .append("  ").append(leftPad(Integer.toString(c.points()), pointsWidth))
                    .append(" / ").append(leftPad(Integer.toString(c.maxPoints()), maxWidth))
                    .append('\n');
            // a passed criterion shows only a note, if it has one ("installed, but did not answer")
            indented(out, console.fit(ReportText.text(c.message(), language)), null, colour);
            if (c.outcome() == Outcome.PASSED) {
                continue;
            }
            if (c.outcome() == Outcome.FAILED) {
                indented(out, console.fit(ReportText.text(c.hint(), language)), Messages.CORE.get(language, "report.hint"), colour);
            }
        }
        String total = (Messages.CORE.get(language, "report.score")) + result.score() + " / " + result.maxScore();
        out.append(style(total, BOLD, colour)).append('\n');
        for (LabSections.Shown shown : LabSections.of(result)) {
            out.append(shown.section().console(shown.data(), language, console::fit, text -> style(text, BOLD, colour)));
        }
        return out.toString();
    }

    private static void indented(StringBuilder out, String text, String label, boolean colour) {
        if (text.isBlank()) {
            return;
        }
        String[] lines = text.split("\n");
        String hanging = label == null ? "" : " ".repeat(label.length());
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].stripTrailing();
            if (line.isEmpty()) {
                continue;
            }
            String prefix = label == null ? "" : i == 0 ? label : hanging;
            out.append(INDENT).append(label == null ? prefix + line : style(prefix + line, DIM, colour)).append('\n');
        }
    }

    private static String title(CriterionResult c, Language language) {
        return ReportText.truncate(SafeText.oneLine(ReportText.text(c.title(), language)), MAX_TITLE_WIDTH);
    }

    /** The outcome's sign as a UTF-8 console shows it; the Moodle feedback and the HTML overview use the same. */
    public static String mark(Outcome outcome) {
        return ConsoleEncoding.UNICODE.mark(outcome);
    }

    private static String colourOf(Outcome outcome) {
        return switch (outcome) {
            case PASSED -> GREEN;
            case FAILED -> RED;
            case BLOCKED -> YELLOW;
            case NOT_GRADABLE -> MAGENTA;
        };
    }

    private static String style(String text, String code, boolean colour) {
        return colour && !text.isEmpty() ? code + text + RESET : text;
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - ReportText.width(text)));
    }

    private static String leftPad(String text, int width) {
        return " ".repeat(Math.max(0, width - text.length())) + text;
    }
}
