package io.labgrader.cli;

import io.labgrader.rubric.Rubric;
import io.labgrader.rubric.RubricException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

@Command(name = "grade", mixinStandardHelpOptions = true,
        description = "Grade a saved evidence bundle offline, without looking at this machine.")
final class GradeCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Parameters(index = "0", paramLabel = "EVIDENCE", defaultValue = "evidence",
            description = "The evidence folder (default: ${DEFAULT-VALUE}).")
    Path evidence;

    @Override
    public Integer call() {
        Rubric rubric;
        try {
            rubric = RubricSource.load(options.rubric);
        } catch (RubricException e) {
            return Main.rubricError(e);
        }
        if (!Files.isDirectory(evidence)) {
            System.err.println("labgrader: " + evidence + ": " + (Files.exists(evidence) ? "not a folder" : "no such folder"));
            return ExitCodes.BAD_INPUT;
        }
        return GradeAndReport.run(rubric, evidence, options, Clock.systemUTC(), System.out, System.err);
    }
}
