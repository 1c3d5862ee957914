package io.labgrader.lab.module;

import io.labgrader.evidence.compare.Comparison;
import io.labgrader.evidence.compare.Figure;
import io.labgrader.evidence.compare.MessageKey;
import io.labgrader.lab.LabText;
import io.labgrader.report.SafeText;
import io.labgrader.rubric.LocalizedText.Language;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The words and number formats of the comparison section, shared by its writers and the class overview: a value
 * with its unit (decimal comma in German), a dash where nothing was observed, and where and when each figure came
 * from. All text from the student's machine is cleaned here; each writer escapes it for its format. The figures'
 * titles, labels and notes are keys of the lab's bundle, put into words here in the reader's language (English for
 * what a language's file lacks).
 */
public final class ComparisonText {

    /** What reports show where there is no figure. */
    public static final String DASH = "-";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private ComparisonText() {
    }

    public static String heading(Language language) {
        return LabText.BUNDLE.get(language, "compare.heading");
    }

    public static String intro(Language language) {
        return LabText.BUNDLE.get(language, "compare.intro");
    }

    /** "Container" or "VM": which side of the comparison a figure is on. */
    public static String side(boolean container, Language language) {
        return LabText.BUNDLE.get(language, container ? "compare.side.container" : "compare.side.vm");
    }

    public static String title(Comparison.Row row, Language language) {
        return words(row.title(), language);
    }

    public static String label(Figure f, Language language) {
        return SafeText.oneLine(words(f.label(), language));
    }

    /** The figure as a reader sees it, "412 ms", "187.4 MiB", "6.1.0-18-amd64", or {@link #DASH}. */
    public static String value(Figure f, Language language) {
        if (!f.present()) {
            return DASH;
        }
        return switch (f.unit()) {
            case MS, BYTES, CPUS -> number(f.number(), f.unit(), language);
            case CPUS_SHARED -> LabText.BUNDLE.get(language, "compare.cpusShared", decimal(f.number(), 0, language));
            case TIME -> time(f.at());
            case SEEN_RUNNING -> LabText.BUNDLE.get(language, "compare.seenRunning", time(f.at()));
            case TEXT -> SafeText.oneLine(f.text());
        };
    }

    /** A number in its unit: "412 ms", "1.25 s", "187.4 MiB", "1.5 CPUs"; a plain number for other units. */
    public static String number(double value, Figure.Unit unit, Language language) {
        return switch (unit) {
            case MS -> value < 1000 ? decimal(value, 0, language) + " ms" : decimal(value / 1000, 2, language) + " s";
            case BYTES -> bytes(value, language);
            case CPUS -> decimal(value, value % 1 == 0 ? 0 : 2, language) + (value == 1 ? " CPU" : " CPUs");
            default -> decimal(value, value % 1 == 0 ? 0 : 2, language);
        };
    }

    /** Where the figure came from and when: "docker stats …, 2026-11-28 18:01:02 UTC"; "" for a missing figure. */
    public static String origin(Figure f) {
        if (!f.present()) {
            return "";
        }
        String source = SafeText.oneLine(f.source());
        return f.at() == null ? source : source + ", " + time(f.at());
    }

    public static String subject(Figure f) {
        return f.subject() == null ? "" : SafeText.oneLine(f.subject());
    }

    public static String note(Figure f, Language language) {
        return f.note() == null ? "" : SafeText.oneLine(words(f.note(), language));
    }

    /** A key of the lab's bundle with its arguments, in the reader's language. */
    static String words(MessageKey text, Language language) {
        return LabText.BUNDLE.get(language, text.key(), text.args().toArray());
    }

    static String time(Instant at) {
        return at == null ? DASH : TIME.format(at);
    }

    /** Binary units, as engines and hypervisors count: "13.3 KiB", "187.4 MiB", "25.0 GiB". */
    public static String bytes(double bytes, Language language) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        int unit = 0;
        double value = bytes;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return decimal(value, unit == 0 ? 0 : 1, language) + " " + units[unit];
    }

    /** A number with a fixed count of decimals, with the language's decimal mark (a comma in German), no grouping. */
    public static String decimal(double value, int decimals, Language language) {
        return String.format(language.locale(), "%." + decimals + "f", value);
    }
}
