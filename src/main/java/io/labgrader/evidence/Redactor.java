package io.labgrader.evidence;

import java.util.regex.Pattern;

/**
 * Removes user names from home-folder paths before anything is written to evidence. Evidence travels to
 * instructors and CI; it should hold no more personal data than grading needs.
 */
public final class Redactor {

    private static final Pattern UNIX_HOME = Pattern.compile("(/home/|/Users/)([^/\\s\"'\\\\:]+)");
    // Windows paths, both as written (C:\Users\x) and JSON-escaped (C:\\Users\\x)
    private static final Pattern WINDOWS_HOME = Pattern.compile("([A-Za-z]:(?:\\\\\\\\|\\\\|/)Users(?:\\\\\\\\|\\\\|/))([^\\\\/\\s\"':]+)");
    public static final String REDACTED = "<user>";

    private Redactor() {
    }

    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = UNIX_HOME.matcher(text).replaceAll("$1" + REDACTED);
        result = WINDOWS_HOME.matcher(result).replaceAll("$1" + REDACTED.replace("\\", "\\\\"));
        return result;
    }
}
