package io.labgrader.cli;

import io.labgrader.module.LabModule;
import io.labgrader.module.Labs;
import io.labgrader.rubric.LocalizedText.Language;
import io.labgrader.rubric.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

/** Lists the labs this labgrader holds, so that an instructor or student knows what --lab accepts. */
@Command(addMethodSubcommands = false, name = "labs", mixinStandardHelpOptions = true,
        description = "List the labs this labgrader can grade (their ids for --lab).")
final class LabsCommand implements Callable<Integer> {

    @Option(names = "--lang", paramLabel = "de|en", converter = CommonOptions.LanguageConverter.class,
            description = "Language of titles.")
    Language lang;

    @Override
    public Integer call() {
        Language language = lang != null ? lang : Language.parseOrDefault(null);
        List<LabModule> labs = Labs.all();
        if (labs.isEmpty()) {
            System.out.println(text(language, "cli.labs.none"));
            return ExitCodes.NOTHING_GRADABLE;
        }
        int idWidth = labs.stream().mapToInt(l -> l.id().length()).max().orElse(2);
        int titleWidth = labs.stream().mapToInt(l -> l.title().in(language).length()).max().orElse(5);
        String format = "%-" + idWidth + "s  %-" + titleWidth + "s  %s%n";
        System.out.printf(format, "id", text(language, "cli.labs.title"), text(language, "cli.labs.rubric"));
        for (LabModule lab : labs) {
            System.out.printf(format, lab.id(), lab.title().in(language), lab.rubricResource()
                    + (lab.id().equals(Labs.DEFAULT_LAB) ? text(language, "cli.labs.default") : ""));
        }
        System.out.println();
        System.out.println(text(language, "cli.labs.choose"));
        return ExitCodes.GRADED;
    }

    private static String text(Language language, String key) {
        return Messages.CORE.get(language, key);
    }
}
