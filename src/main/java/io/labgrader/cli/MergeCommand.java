package io.labgrader.cli;

import io.labgrader.batch.BatchGrader;
import io.labgrader.batch.BatchResult;
import io.labgrader.batch.ShardMerge;
import io.labgrader.rubric.LocalizedText.Language;
import io.labgrader.rubric.Rubric;
import io.labgrader.rubric.RubricException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(addMethodSubcommands = false, name = "merge", mixinStandardHelpOptions = true,
        description = {"Put the parts of a class graded with \"labgrader grade --shard I/N\" (CI's parallel jobs) together:"
                + " every student's reports in one students/ folder, collusion found across the whole class, and"
                + " gradebook.csv, overview.html and summary.json, as one run over all submissions writes them."},
        footer = {"", "Exit codes: 0 merged, 1 a student below --fail-under, 2 bad rubric, arguments or shards,"
                + " 3 no student could be graded."})
final class MergeCommand implements Callable<Integer> {

    @picocli.CommandLine.Option(names = "--rubric", paramLabel = "FILE",
            description = "The rubric the shards were graded with (default: rubric.yml in the current folder, else the one built into labgrader).")
    Path rubricFile;

    @picocli.CommandLine.Option(names = "--lab", paramLabel = "ID",
            description = "Use the rubric built into labgrader for this lab (labgrader labs lists them), instead of --rubric.")
    String lab;

    @picocli.CommandLine.Option(names = "--out", paramLabel = "DIR", defaultValue = GradeCommand.DEFAULT_BATCH_OUT,
            description = "Folder for students/, gradebook.csv, overview.html and summary.json (default: ${DEFAULT-VALUE}).")
    Path out;

    @picocli.CommandLine.Option(names = "--lang", paramLabel = "LANG", converter = CommonOptions.LanguageConverter.class,
            description = "Language of the class reports; must be the shards' (default: the shards').")
    Language lang;

    @picocli.CommandLine.Option(names = "--fail-under", paramLabel = "N",
            description = "Exit with code 1 when a student's score is below N points.")
    Integer failUnder;

    @Parameters(arity = "1..*", paramLabel = "SHARD", description = "The output folders of every shard, in any order.")
    List<Path> shards;

    @Override
    public Integer call() throws RubricException {
        Rubric rubric = RubricSource.load(rubricFile, lab);
        Language language = lang;   // null: the shards' own language
        BatchResult result;
        try {
            result = ShardMerge.merge(rubric, shards, out, language);
        } catch (BatchGrader.InputException e) {
            System.err.println("labgrader: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        } catch (IOException e) {
            System.err.println("labgrader: cannot write to " + out + ": " + e.getMessage());
            return ExitCodes.NOTHING_GRADABLE;
        }
        Language shown = language != null ? language : Language.parseOrDefault(null);
        BatchRun.printSummary(result, out, shards.get(0), null, shown, System.out);
        return BatchRun.exitCode(result, failUnder, shown, System.out);
    }
}
