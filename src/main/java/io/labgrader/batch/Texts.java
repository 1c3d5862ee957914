package io.labgrader.batch;

import io.labgrader.report.SafeText;

import java.math.BigDecimal;

/**
 * Text helpers for the class reports. Names and messages carry what students' machines and folders said, so
 * escape sequences, control characters and bidirectional overrides are removed before any writer sees them
 * (the writers then escape for HTML or CSV).
 */
final class Texts {

    private Texts() {
    }

    /** Without escape sequences and control characters; line breaks kept as {@code \n}. */
    static String clean(String text) {
        return SafeText.clean(text).strip();
    }

    /** {@link #clean}, then every run of whitespace as one space. */
    static String oneLine(String text) {
        return SafeText.oneLine(text);
    }

    /** Score as a percentage of the maximum, half-up to one decimal, as report.json writes it. */
    static BigDecimal percent(int score, int max) {
        return SafeText.percent(score, max);
    }

    /** "55", "72.5"; with a decimal comma in German */
    static String number(BigDecimal value, io.labgrader.rubric.LocalizedText.Language language) {
        String s = value.toPlainString();
        return language == io.labgrader.rubric.LocalizedText.Language.DE ? s.replace('.', ',') : s;
    }
}
