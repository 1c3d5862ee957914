package io.labgrader.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes user names from home-folder paths before anything is written to evidence. Evidence travels to
 * instructors and CI; it should hold no more personal data than grading needs.
 *
 * <p>Two rules, both only at path boundaries, so that a folder that merely contains "home" or "Users" in its path
 * ({@code /srv/home/VirtualBox VMs/…}) is kept as it is:
 * <ul>
 *   <li>this user's own home, as the platform reports it ({@code user.home}): {@code /home/erika},
 *       {@code /Users/max.mustermann}, {@code C:\Users\Anna Schmidt} (spaces and all), also JSON-escaped;</li>
 *   <li>any other home folder where a path starts: {@code /home/NAME} and {@code /Users/NAME} (Unix names have no
 *       blanks), {@code C:\Users\NAME} up to the next separator (Windows names may have blanks).</li>
 * </ul>
 * The home folder becomes {@code …/<user>}; the rest of the path is kept.
 */
public final class Redactor {

    public static final String REDACTED = "<user>";

    /** Characters that may stand right before a path: start, blank, quote, or a delimiter of JSON, XML and lists. */
    private static final String PATH_START = "(?:(?<=^)|(?<=[\\s\"'=(\\[{,;:>|])|(?<=file://))";
    /** Where a Unix user name ends: a separator, a quote or delimiter, the end, or a blank not followed by more path. */
    private static final String UNIX_NAME_END = "(?=[/\\\\\"'<>:;,)\\]}]|$|\\s(?![^\\s/\\\\\"']*[/\\\\]))";
    private static final Pattern UNIX_HOME = Pattern.compile(
            PATH_START + "(/home/|/Users/)([^/\\\\\\s\"':<>|*?]+)" + UNIX_NAME_END, Pattern.MULTILINE);
    // Windows paths, both as written (C:\Users\x) and JSON-escaped (C:\\Users\\x); names may hold blanks
    private static final Pattern WINDOWS_HOME = Pattern.compile(
            PATH_START + "([A-Za-z]:(?:\\\\\\\\|\\\\|/)Users(?:\\\\\\\\|\\\\|/))([^\\\\/\"':<>|*?\\r\\n]+?)(?=[\\\\/\"';,)\\]}<>|]|$)",
            Pattern.MULTILINE);

    private static final Redactor THIS_MACHINE = forHome(System.getProperty("user.home"), System.getProperty("user.name"));

    /** This user's home in each form it may be written in. */
    private final List<OwnHome> ownHome;

    /**
     * One form of this user's home: its pattern, the length of its parent folder in that form, and the home as plain
     * text where the pattern matches case-sensitively (a Unix home), else null: text that does not contain it is
     * skipped without the regex, whose lookbehind is tried at every position otherwise.
     */
    private record OwnHome(Pattern pattern, int parentLength, String literal) {
    }

    private Redactor(List<OwnHome> ownHome) {
        this.ownHome = ownHome;
    }

    /** Redacts with this machine's user and home. */
    public static String redact(String text) {
        return THIS_MACHINE.apply(text);
    }

    /**
     * A redactor for a user whose home is {@code home}. A home that names nobody (the file system's root, or
     * root's own /root) adds nothing to the general rules.
     */
    public static Redactor forHome(String home, String userName) {
        List<OwnHome> forms = new ArrayList<>();
        if (home != null && !isImpersonal(home, userName)) {
            String trimmed = home.replaceAll("[/\\\\]+$", "");
            int cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
            if (cut > 0 && cut < trimmed.length() - 1) {
                boolean windows = trimmed.indexOf('\\') >= 0 || trimmed.matches("^[A-Za-z]:.*");
                String parent = trimmed.substring(0, cut + 1);
                int flags = windows ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0;
                // as written, and as JSON writes it (every backslash doubled), and with forward slashes
                forms.add(form(trimmed, parent, flags));
                if (windows) {
                    forms.add(form(trimmed.replace("\\", "\\\\"), parent.replace("\\", "\\\\"), flags));
                    forms.add(form(trimmed.replace('\\', '/'), parent.replace('\\', '/'), flags));
                }
            }
        }
        return new Redactor(List.copyOf(forms));
    }

    private static OwnHome form(String home, String parent, int flags) {
        String end = "(?=[/\\\\\"'<>:;,)\\]}\\s]|$)";
        Pattern pattern = Pattern.compile("(?<![\\w.~-])" + Pattern.quote(home) + end, flags | Pattern.MULTILINE);
        return new OwnHome(pattern, parent.length(), (flags & Pattern.CASE_INSENSITIVE) == 0 ? home : null);
    }

    private static boolean isImpersonal(String home, String userName) {
        String h = home.replaceAll("[/\\\\]+$", "");
        return h.isEmpty() || h.equals("/root") || "root".equals(userName) || h.matches("^[A-Za-z]:$");
    }

    public String apply(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (OwnHome form : ownHome) {
            if (form.literal() != null && !result.contains(form.literal())) {
                continue;
            }
            // the parent as it was written (a Windows path may differ in case from user.home)
            result = form.pattern().matcher(result).replaceAll(
                    m -> Matcher.quoteReplacement(m.group().substring(0, form.parentLength()) + REDACTED));
        }
        // the general rules need these words, case and all: most text (an event, an engine's answer) has neither
        if (result.contains("/home/") || result.contains("/Users/")) {
            result = UNIX_HOME.matcher(result).replaceAll("$1" + REDACTED);
        }
        if (result.contains("Users")) {
            result = WINDOWS_HOME.matcher(result).replaceAll("$1" + REDACTED);
        }
        return result;
    }
}
