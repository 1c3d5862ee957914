package io.labgrader.report;

import io.labgrader.grading.CriterionResult;
import io.labgrader.grading.GradeResult;
import io.labgrader.rubric.LocalizedText;
import io.labgrader.rubric.LocalizedText.Language;
import io.labgrader.rubric.Messages;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Report wording shared by the report writers and the class reports: score lines, percentages and numbers as each
 * language writes them, outcome labels, a rubric text in the chosen language, terminal column widths. Making students'
 * text safe is {@link SafeText}'s job; the texts here go through it.
 */
public final class ReportText {

    private ReportText() {
    }

    /** The cleaned text in the language, trailing whitespace removed. */
    static String text(LocalizedText text, Language language) {
        return text == null ? "" : SafeText.clean(text.in(language)).strip();
    }

    /**
     * The criterion's name as the grading suites' display names spell it, "id · title [N P.]" or
     * "id · title [N pts]" (see {@code io.labgrader.grading.RubricDisplayNames}), so that this XML and Surefire's
     * agree.
     */
    static String displayName(CriterionResult c, Language language) {
        return io.labgrader.grading.RubricDisplayNames.format(SafeText.oneLine(c.id()), SafeText.oneLine(text(c.title(), language)),
                c.maxPoints(), language);
    }

    /**
     * How a criterion that was not judged is marked wherever a consumer knows only pass and fail (Gradescope, JUnit
     * XML): "[BLOCKED]", "[NOT GRADABLE]" (German "[BLOCKIERT]", "[NICHT BEWERTBAR]"); "[FAILED]", "[PASSED]" for the others.
     */
    static String outcomeLabel(io.labgrader.grading.Outcome outcome, Language language) {
        return switch (outcome) {
            case BLOCKED -> Messages.CORE.get(language, "report.outcome.blocked");
            case NOT_GRADABLE -> Messages.CORE.get(language, "report.outcome.notGradable");
            case FAILED -> Messages.CORE.get(language, "report.outcome.failed");
            case PASSED -> Messages.CORE.get(language, "report.outcome.passed");
        };
    }

    /** Score as a percentage of the maximum, rounded half-up to one decimal; 0 when nothing could be scored. */
    static BigDecimal percent(GradeResult result) {
        return percent(result.score(), result.maxScore());
    }

    /** A score as a percentage of the maximum, rounded half-up to one decimal; 0 when nothing could be scored. */
    public static BigDecimal percent(int score, int max) {
        if (max <= 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal p = BigDecimal.valueOf(score * 100L)
                .divide(BigDecimal.valueOf(max), 1, RoundingMode.HALF_UP).stripTrailingZeros();
        return p.scale() < 0 ? p.setScale(0, RoundingMode.UNNECESSARY) : p;
    }

    /** "55", "72.5"; with the language's decimal separator ("72,5" in German). */
    public static String number(BigDecimal value, Language language) {
        return value.toPlainString().replace('.', java.text.DecimalFormatSymbols.getInstance(language.locale()).getDecimalSeparator());
    }

    /** "x / y (p %)", with a decimal comma in German. */
    static String scoreLine(GradeResult result, Language language) {
        return result.score() + " / " + result.maxScore() + " (" + number(percent(result), language) + " %)";
    }

    /**
     * Columns the text takes in a terminal: combining marks and zero-width characters take none, East Asian wide
     * characters and emoji take two. Close enough for aligning a table.
     */
    static int width(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            width += width(cp);
        }
        return width;
    }

    private static int width(int cp) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT
                || (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0x200B) {
            return 0;
        }
        if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) || (cp >= 0x3041 && cp <= 0x33FF)
                || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF)
                || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6)
                || (cp >= 0x1F300 && cp <= 0x1F64F) || (cp >= 0x1F900 && cp <= 0x1F9FF)
                || (cp >= 0x20000 && cp <= 0x3FFFD)) {
            return 2;
        }
        return 1;
    }

    /** The text cut to at most {@code max} columns, ending in "…" when cut. */
    static String truncate(String text, int max) {
        if (width(text) <= max) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int w = width(cp);
            if (used + w > max - 1) {
                break;
            }
            out.appendCodePoint(cp);
            used += w;
            i += Character.charCount(cp);
        }
        return out.append('…').toString();
    }
}
