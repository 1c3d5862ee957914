package io.labgrader.cli;

import io.labgrader.rubric.LocalizedText.Language;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options every grading command shares. */
final class CommonOptions {

    @Option(names = "--rubric", paramLabel = "FILE",
            description = "The rubric (default: rubric.yml in the current folder, else the one built into labgrader).")
    Path rubric;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "report",
            description = "Folder for report.json, report.md and TEST-labgrader.xml (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--lang", paramLabel = "de|en",
            description = "Language of the report (default: German when the locale is German, else English).")
    String lang;

    @Option(names = "--fail-under", paramLabel = "N",
            description = "Exit with code 1 when the score is below N points.")
    Integer failUnder;

    @Option(names = "--no-color", description = "No colours, even on a terminal.")
    boolean noColor;

    Language language() {
        return Language.parseOrDefault(lang);
    }

    /** Colours only on a terminal, and never when NO_COLOR is set (no-color.org). */
    boolean colour() {
        return !noColor && System.console() != null && System.getenv("NO_COLOR") == null
                && !"dumb".equals(System.getenv("TERM"));
    }
}
