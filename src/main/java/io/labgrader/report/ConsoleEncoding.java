package io.labgrader.report;

import io.labgrader.grading.Outcome;

import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Map;

/**
 * What a console can show, so that text never turns into "?". A console that is not UTF-8 (a Linux shell under
 * {@code LANG=C}, a Windows console in code page 850 or 1252) cannot encode the marks ✔ ✘ ⊘, and US-ASCII not even
 * "ü". Java then prints "?" for each. Here the marks become ASCII marks as one set, so the report's columns stay
 * aligned; any other character the console lacks is spelled in ASCII (ü as ue, … as ...), and umlauts stay where
 * the code page has them.
 */
public final class ConsoleEncoding {

    private static final Map<Outcome, String> UNICODE_MARKS =
            Map.of(Outcome.PASSED, "✔", Outcome.FAILED, "✘", Outcome.BLOCKED, "⊘", Outcome.NOT_GRADABLE, "!");
    /** All four columns wide; "!" stays the sign of "could not be graded" in both sets. */
    private static final Map<Outcome, String> ASCII_MARKS =
            Map.of(Outcome.PASSED, "[ok]", Outcome.FAILED, "[XX]", Outcome.BLOCKED, "[--]", Outcome.NOT_GRADABLE, "[!!]");

    /** How a character the console lacks is spelled in ASCII; German first, then the typography labgrader prints. */
    private static final Map<Character, String> SPELLED = Map.ofEntries(
            Map.entry('ä', "ae"), Map.entry('ö', "oe"), Map.entry('ü', "ue"),
            Map.entry('Ä', "Ae"), Map.entry('Ö', "Oe"), Map.entry('Ü', "Ue"), Map.entry('ß', "ss"), Map.entry('ẞ', "SS"),
            Map.entry('…', "..."), Map.entry('–', "-"), Map.entry('—', "-"), Map.entry('·', "-"), Map.entry('•', "*"),
            Map.entry('„', "\""), Map.entry('“', "\""), Map.entry('”', "\""), Map.entry('«', "\""), Map.entry('»', "\""),
            Map.entry('‚', "'"), Map.entry('‘', "'"), Map.entry('’', "'"), Map.entry('‹', "'"), Map.entry('›', "'"),
            Map.entry('→', "->"), Map.entry('←', "<-"), Map.entry('×', "x"), Map.entry('€', "EUR"), Map.entry('\u00A0', " "),
            Map.entry('✔', "[ok]"), Map.entry('✘', "[XX]"), Map.entry('⊘', "[--]"));

    /** A console that shows everything: the report as written. */
    public static final ConsoleEncoding UNICODE = new ConsoleEncoding(StandardCharsets.UTF_8);

    private final Charset charset;
    private final boolean unicode;
    private final boolean unicodeMarks;

    public ConsoleEncoding(Charset charset) {
        this.charset = charset;
        this.unicode = charset.name().startsWith("UTF-");
        this.unicodeMarks = canShow(String.join("", UNICODE_MARKS.values()));
    }

    /**
     * The charset the JVM's own stream encodes in, which is its best knowledge of the console: on Java 18 and later
     * {@code PrintStream.charset()} (from {@code stdout.encoding}: the console's code page on Windows, else the
     * locale's); on Java 17 {@code sun.stdout.encoding} when attached to a Windows console, else the default charset
     * ({@code file.encoding}, from the locale). Call it before anything replaces System.out.
     *
     * @param jvmStream       System.out or System.err as the JVM made it
     * @param java17Property  {@code sun.stdout.encoding} or {@code sun.stderr.encoding}
     */
    public static Charset charsetOf(PrintStream jvmStream, String java17Property) {
        try {
            Method charset = PrintStream.class.getMethod("charset"); // Java 18+
            return (Charset) charset.invoke(jvmStream);
        } catch (NoSuchMethodException java17) {
            String name = System.getProperty(java17Property);
            if (name != null && Charset.isSupported(name)) {
                return Charset.forName(name);
            }
            return Charset.defaultCharset();
        } catch (ReflectiveOperationException | IllegalArgumentException | ClassCastException e) {
            return Charset.defaultCharset();
        }
    }

    /**
     * The encoding a stream prints in: known for labgrader's console streams and, from Java 18, for every stream.
     * A stream on Java 17 keeps its charset to itself; the caller who made it chose it, and gets the report as written.
     */
    public static ConsoleEncoding of(PrintStream out) {
        if (out instanceof ConsolePrintStream console) {
            return console.encoding();
        }
        try {
            return new ConsoleEncoding((Charset) PrintStream.class.getMethod("charset").invoke(out));
        } catch (ReflectiveOperationException | ClassCastException java17) {
            return UNICODE;
        }
    }

    public Charset charset() {
        return charset;
    }

    /** The outcome's mark: ✔ ✘ ⊘ ! when the console has all of them, else [ok] [XX] [--] [!!]. */
    public String mark(Outcome outcome) {
        return (unicodeMarks ? UNICODE_MARKS : ASCII_MARKS).get(outcome);
    }

    /** Whether the console has every character of the text. */
    public boolean canShow(String text) {
        return unicode || charset.newEncoder().canEncode(text);
    }

    /**
     * The text with every character the console lacks spelled in ASCII: from the table above, else without its
     * accents (é as e), else "?".
     */
    public String fit(String text) {
        if (text == null || text.isEmpty() || canShow(text)) {
            return text;
        }
        CharsetEncoder encoder = charset.newEncoder();
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            i += ch.length();
            out.append(encoder.canEncode(ch) ? ch : spelled(cp, ch, encoder));
        }
        return out.toString();
    }

    private static String spelled(int cp, String ch, CharsetEncoder encoder) {
        String known = cp <= Character.MAX_VALUE ? SPELLED.get((char) cp) : null;
        if (known != null && encoder.canEncode(known)) {
            return known;
        }
        if (cp >= 0x2500 && cp <= 0x257F) {   // box drawing: lines of a table or a tree
            return "─━═╌╍┄┅┈┉".indexOf(cp) >= 0 ? "-" : "│┃║╎╏┆┇┊┋".indexOf(cp) >= 0 ? "|" : "+";
        }
        if (cp >= 0x2580 && cp <= 0x259F) {   // block elements: progress bars
            return "#";
        }
        String bare = Normalizer.normalize(ch, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return !bare.isEmpty() && encoder.canEncode(bare) ? bare : "?";
    }
}
