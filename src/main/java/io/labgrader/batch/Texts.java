package io.labgrader.batch;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * Text helpers for the class reports. Names and messages carry what students' machines and folders said, so
 * escape sequences, control characters and bidirectional overrides are removed before any writer sees them
 * (the writers then escape for HTML or CSV).
 */
final class Texts {

    private static final Pattern ESCAPE_SEQUENCE = Pattern.compile(
            "(?:\u001B\\[|\u009B)[0-?]*[ -/]*[@-~]?"
                    + "|(?:\u001B[\\]PX^_]|[\u0090\u0098\u009D\u009E\u009F])[^\u0007\u001B\u009C]*(?:\u0007|\u001B\\\\|\u009C)?"
                    + "|\u001B[ -~]?");
    private static final Pattern WHITESPACE_RUN = Pattern.compile("\\s+");

    private Texts() {
    }

    /** Without escape sequences and control characters; line breaks kept as {@code \n}. */
    static String clean(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String s = ESCAPE_SEQUENCE.matcher(text.replace("\r\n", "\n").replace('\r', '\n')).replaceAll("");
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\n') {
                out.append('\n');
            } else if (cp == '\t') {
                out.append(' ');
            } else if (allowed(cp)) {
                out.appendCodePoint(cp);
            }
        }
        return out.toString().strip();
    }

    /** {@link #clean}, then every run of whitespace as one space. */
    static String oneLine(String text) {
        return WHITESPACE_RUN.matcher(clean(text)).replaceAll(" ").trim();
    }

    private static boolean allowed(int cp) {
        return !(cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFFFE || cp == 0xFFFF
                || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F
                || cp == 0x061C);
    }

    /** Score as a percentage of the maximum, half-up to one decimal, as report.json writes it. */
    static BigDecimal percent(int score, int max) {
        if (max <= 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal p = BigDecimal.valueOf(score * 100L).divide(BigDecimal.valueOf(max), 1, RoundingMode.HALF_UP).stripTrailingZeros();
        return p.scale() < 0 ? p.setScale(0, RoundingMode.UNNECESSARY) : p;
    }

    /** "55", "72.5"; with a decimal comma in German */
    static String number(BigDecimal value, io.labgrader.rubric.LocalizedText.Language language) {
        String s = value.toPlainString();
        return language == io.labgrader.rubric.LocalizedText.Language.DE ? s.replace('.', ',') : s;
    }
}
