package io.labgrader.cli;

import io.labgrader.evidence.EvidenceBundle;
import io.labgrader.evidence.EvidenceException;
import io.labgrader.rubric.LocalizedText.Language;
import io.labgrader.rubric.Rubric;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;

/**
 * Options every grading command shares. Each option class is marked {@code addMethodSubcommands = false}, as every
 * command is: picocli otherwise reads the annotations of all its methods, looking for subcommand methods, on every
 * start (about 7 % of a check's main thread before picocli could parse a single argument).
 */
@Command(addMethodSubcommands = false)
final class CommonOptions {

    @Option(names = "--rubric", paramLabel = "FILE",
            description = "The rubric (default: rubric.yml in the current folder, else the one built into labgrader).")
    Path rubric;

    @Option(names = "--lab", paramLabel = "ID",
            description = "Use the rubric built into labgrader for this lab (labgrader labs lists them), instead of --rubric.")
    String lab;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "report",
            description = "Folder for report.json, report.md and TEST-labgrader.xml (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--lang", paramLabel = "LANG", converter = LanguageConverter.class,
            description = "Language of the report: a language tag such as de, en or fr (default: German when the locale is German, else English).")
    Language lang;

    @Option(names = "--fail-under", paramLabel = "N",
            description = "Exit with code 1 when the score is below N points.")
    Integer failUnder;

    @Option(names = "--no-color", description = "No colours, even on a terminal.")
    boolean noColor;

    /** The evidence folder that check, watch and replay append to. */
    @Command(addMethodSubcommands = false)
    static final class EvidenceOption {
        @Option(names = "--evidence", paramLabel = "DIR", defaultValue = "evidence",
                description = "Evidence folder; each run appends to it (default: ${DEFAULT-VALUE}).")
        Path dir;

        /** Opens the bundle (creating it on the first run) for this labgrader and rubric. */
        EvidenceBundle open(Rubric rubric, Clock clock) throws EvidenceException {
            return EvidenceBundle.open(dir, Version.get(), rubric.id(), rubric.sha256(), clock);
        }
    }

    /** Where check and watch start reading the engine's event history. */
    @Command(addMethodSubcommands = false)
    static final class HistoryOption {
        @Option(names = "--events-since", paramLabel = "all|now|TIME", defaultValue = "all",
                description = "Read Docker's event history from: all (whatever the engine still keeps, the default), "
                        + "now, or an ISO-8601 time such as 2026-11-28T09:00:00Z. For machines reused from an earlier class.")
        String eventsSince;

        java.time.Instant floor(java.time.Clock clock) {
            return switch (eventsSince.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "all" -> java.time.Instant.ofEpochSecond(1);
                case "now" -> clock.instant();
                default -> {
                    try {
                        yield java.time.Instant.parse(eventsSince.trim());
                    } catch (java.time.format.DateTimeParseException e) {
                        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                                "--events-since: expected all, now or a time such as 2026-11-28T09:00:00Z, found '" + eventsSince + "'");
                    }
                }
            };
        }
    }

    Language language() {
        return lang != null ? lang : Language.parseOrDefault(null);
    }

    /** A language tag ("de", "en", "fr", "pt-BR"); anything else is a usage error (exit 2), not a crash. */
    static final class LanguageConverter implements picocli.CommandLine.ITypeConverter<Language> {
        @Override
        public Language convert(String value) {
            try {
                return Language.parseOrDefault(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** Colours only on a terminal, and never when NO_COLOR is set (no-color.org). */
    boolean colour() {
        return !noColor && Terminal.attached() && System.getenv("NO_COLOR") == null
                && !"dumb".equals(System.getenv("TERM"));
    }
}
