package io.labgrader.report;

import java.util.regex.Pattern;

/**
 * Makes text from students' machines and folders safe to show. Container names, page titles, folder names and
 * messages are treated as hostile: escape sequences and control characters are removed before any writer (console,
 * Markdown, XML, HTML, CSV) sees them; each writer then escapes for its own format.
 *
 * <p>This is the one place for those rules, for the report writers and the class reports alike (an architecture
 * test, OneTextSafetyHelperTest, keeps it so); {@link ReportText} holds report wording only.
 */
public final class SafeText {

    /**
     * ANSI/ECMA-48 escape sequences: CSI (ESC [ or the 8-bit CSI), OSC/DCS/PM/APC/SOS strings up to their
     * terminator (BEL or ESC \), and two-character escapes.
     */
    private static final Pattern ESCAPE_SEQUENCE = Pattern.compile(
            "(?:\u001B\\[|\u009B)[0-?]*[ -/]*[@-~]?"
                    + "|(?:\u001B[\\]PX^_]|[\u0090\u0098\u009D\u009E\u009F])[^\u0007\u001B\u009C]*(?:\u0007|\u001B\\\\|\u009C)?"
                    + "|\u001B[ -~]?");

    private static final Pattern WHITESPACE_RUN = Pattern.compile("\\s+");

    /**
     * The text without escape sequences and without characters that are control characters, illegal in XML 1.0,
     * or that reorder text on screen (bidirectional overrides). Line breaks are normalised to {@code \n} and kept,
     * tabs become a space.
     */
    public static String clean(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        if (isClean(text)) {
            return text;     // the common case; reports clean every string they show, thousands per batch
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
            } else if (isAllowed(cp)) {
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    /** {@link #clean(String)}, then every run of whitespace (line breaks included) as one space, trimmed. */
    public static String oneLine(String text) {
        String clean = clean(text);
        return isOneLine(clean) ? clean : WHITESPACE_RUN.matcher(clean).replaceAll(" ").trim();
    }

    /**
     * Nothing {@link #clean} would change: every escape sequence starts with a character that is not allowed
     * (ESC or a C1 control), so a text of allowed characters, line feeds included, holds none.
     */
    private static boolean isClean(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                continue;
            }
            if (c < 0x20 || c >= 0x7F && !isAllowed(c)) {
                return false;     // controls, tabs and CRs, and any surrogate: the careful path decides
            }
        }
        return true;
    }

    /** A cleaned text that is already one line: single spaces between words, none at either end. */
    private static boolean isOneLine(String clean) {
        if (clean.isEmpty()) {
            return true;
        }
        if (clean.charAt(0) == ' ' || clean.charAt(clean.length() - 1) == ' ') {
            return false;
        }
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            if (c == '\n' || c == ' ' && clean.charAt(i + 1) == ' ') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAllowed(int cp) {
        if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) {
            return false;                                           // C0, DEL, C1
        }
        if (cp >= 0xD800 && cp <= 0xDFFF) {
            return false;                                           // unpaired surrogate
        }
        if (cp == 0xFFFE || cp == 0xFFFF) {
            return false;                                           // not characters, illegal in XML
        }
        if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F
                || cp == 0x061C) {
            return false;                                           // bidirectional controls
        }
        return true;
    }

    /**
     * The cell with an apostrophe in front when it starts with = + - @ (or a tab or CR): spreadsheets run such a cell
     * as a formula, and a student's name or a message must never become one (CSV injection).
     */
    public static String noFormula(String cell) {
        return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    private SafeText() {
    }
}
