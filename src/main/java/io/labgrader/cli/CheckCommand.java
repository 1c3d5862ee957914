package io.labgrader.cli;

import io.labgrader.evidence.EvidenceBundle;
import io.labgrader.evidence.EvidenceException;
import io.labgrader.probe.docker.DockerProbing;
import io.labgrader.rubric.Rubric;
import io.labgrader.rubric.RubricException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Look at this machine once, add what is seen to the evidence, and grade all evidence so far.")
final class CheckCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Mixin
    CommonOptions.HistoryOption history;

    @Option(names = "--evidence", paramLabel = "DIR", defaultValue = "evidence",
            description = "Evidence folder; each run appends to it (default: ${DEFAULT-VALUE}).")
    Path evidence;

    @Override
    public Integer call() {
        Rubric rubric;
        try {
            rubric = RubricSource.load(options.rubric);
        } catch (RubricException e) {
            return Main.rubricError(e);
        }
        try {
            EvidenceBundle bundle = EvidenceBundle.open(evidence, Version.get(), rubric.id(), rubric.sha256(), Clock.systemUTC());
            LiveProbes.checkOnce(rubric, bundle, DockerProbing.endpoints(), "check", history.floor(Clock.systemUTC()));
        } catch (EvidenceException e) {
            System.err.println("labgrader: " + e.getMessage());
            return ExitCodes.NOTHING_GRADABLE;
        }
        return GradeAndReport.run(rubric, evidence, options, Clock.systemUTC(), System.out, System.err);
    }
}
