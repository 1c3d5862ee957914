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

    /** This user's home in each form it may be written in, and the length of its parent folder in that form. */
    private final List<Pattern> ownHome;
    private final List<Integer> ownHomeParentLength;
    /**
     * Each form of the home as plain text where its pattern matches case-sensitively (a Unix home), else null: text
     * that does not contain it is skipped without the regex, whose lookbehind is tried at every position otherwise.
     */
    private final List<String> ownHomeLiteral;

    private Redactor(List<Pattern> ownHome, List<Integer> ownHomeParentLength, List<String> ownHomeLiteral) {
        this.ownHome = ownHome;
        this.ownHomeParentLength = ownHomeParentLength;
        this.ownHomeLiteral = ownHomeLiteral;
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
        List<Pattern> patterns = new ArrayList<>();
        List<Integer> parentLengths = new ArrayList<>();
        List<String> literals = new ArrayList<>();
        if (home != null && !isImpersonal(home, userName)) {
            String trimmed = home.replaceAll("[/\\\\]+$", "");
            int cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
            if (cut > 0 && cut < trimmed.length() - 1) {
                boolean windows = trimmed.indexOf('\\') >= 0 || trimmed.matches("^[A-Za-z]:.*");
                String parent = trimmed.substring(0, cut + 1);
                int flags = windows ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0;
                String end = "(?=[/\\\\\"'<>:;,)\\]}\\s]|$)";
                // as written, and as JSON writes it (every backslash doubled), and with forward slashes
                add(patterns, parentLengths, trimmed, parent, flags, end);
                literals.add(windows ? null : trimmed);
                if (windows) {
                    add(patterns, parentLengths, trimmed.replace("\\", "\\\\"), parent.replace("\\", "\\\\"), flags, end);
                    add(patterns, parentLengths, trimmed.replace('\\', '/'), parent.replace('\\', '/'), flags, end);
                    literals.add(null);
                    literals.add(null);
                }
            }
        }
        return new Redactor(List.copyOf(patterns), List.copyOf(parentLengths), java.util.Collections.unmodifiableList(literals));
    }

    private static void add(List<Pattern> patterns, List<Integer> parentLengths, String home, String parent, int flags,
                            String end) {
        patterns.add(Pattern.compile("(?<![\\w.~-])" + Pattern.quote(home) + end, flags | Pattern.MULTILINE));
        parentLengths.add(parent.length());
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
        for (int i = 0; i < ownHome.size(); i++) {
            String literal = ownHomeLiteral.get(i);
            if (literal != null && !result.contains(literal)) {
                continue;
            }
            int parent = ownHomeParentLength.get(i);
            // the parent as it was written (a Windows path may differ in case from user.home)
            result = ownHome.get(i).matcher(result).replaceAll(m -> Matcher.quoteReplacement(m.group().substring(0, parent) + REDACTED));
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
