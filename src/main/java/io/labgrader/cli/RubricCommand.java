package io.labgrader.cli;

import io.labgrader.report.ConsoleEncoding;
import io.labgrader.rubric.Criterion;
import io.labgrader.rubric.LocalizedText.Language;
import io.labgrader.rubric.Messages;
import io.labgrader.rubric.Rubric;
import io.labgrader.rubric.RubricException;
import io.labgrader.rubric.Section;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(addMethodSubcommands = false, name = "rubric", mixinStandardHelpOptions = true,
        description = "Validate the rubric and print it as a table.")
final class RubricCommand implements Callable<Integer> {

    @Option(names = "--rubric", paramLabel = "FILE", description = "The rubric (default: rubric.yml).")
    Path rubricFile;

    @Option(names = "--lab", paramLabel = "ID",
            description = "Use the rubric built into labgrader for this lab (labgrader labs lists them), instead of --rubric.")
    String lab;

    @Option(names = "--lang", paramLabel = "LANG", converter = CommonOptions.LanguageConverter.class,
            description = "Language of titles.")
    Language lang;

    @Override
    public Integer call() throws RubricException {
        Rubric rubric = RubricSource.load(rubricFile, lab);
        Language language = lang != null ? lang : Language.parseOrDefault(null);
        int idWidth = rubric.criteria().stream().mapToInt(c -> c.id().length()).max().orElse(2);
        // titles as the console shows them ("ue" for "ü" under US-ASCII), so that the padding matches what is printed
        ConsoleEncoding console = ConsoleEncoding.of(System.out);
        int titleWidth = rubric.criteria().stream().mapToInt(c -> console.fit(c.title().in(language)).length()).max().orElse(5);
        String format = "%-" + idWidth + "s  %-" + titleWidth + "s  %6s  %s%n";
        System.out.println(rubric.title().in(language) + " (" + rubric.id() + ", " + rubric.source() + ")");
        for (Section section : rubric.sections()) {
            System.out.println();
            System.out.println("[" + section.id() + "] " + section.title().in(language));
            System.out.printf(format, "id", Messages.CORE.get(language, "cli.title"),
                    Messages.CORE.get(language, "cli.points"), "requires");
            for (Criterion c : section.criteria()) {
                System.out.printf(format, c.id(), console.fit(c.title().in(language)), c.points(), String.join(", ", c.requires()));
            }
        }
        System.out.println();
        System.out.println((Messages.CORE.get(language, "cli.total")) + rubric.maxScore()
                + (Messages.CORE.get(language, "cli.points2")) + rubric.criteria().size()
                + (Messages.CORE.get(language, "cli.criteria")));
        return ExitCodes.GRADED;
    }
}
