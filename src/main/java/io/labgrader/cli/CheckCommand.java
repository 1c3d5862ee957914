package io.labgrader.cli;

import io.labgrader.evidence.EvidenceBundle;
import io.labgrader.evidence.EvidenceException;
import io.labgrader.probe.docker.DockerEndpoint;
import io.labgrader.probe.docker.DockerProbing;
import io.labgrader.rubric.Rubric;
import io.labgrader.rubric.RubricException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Look at this machine once, add what is seen to the evidence, and grade all evidence so far.")
final class CheckCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Mixin
    CommonOptions.HistoryOption history;

    @Mixin
    CommonOptions.EvidenceOption evidence;

    @Override
    public Integer call() throws RubricException, EvidenceException {
        Timings.mark("main");
        Clock clock = Clock.systemUTC();
        java.time.Instant floor = history.floor(clock);
        List<DockerEndpoint> endpoints = DockerProbing.endpoints();
        // connect while the rubric is validated; nothing is written before both are done
        CompletableFuture<DockerProbing.Connection> docker = DockerProbing.connectAsync(endpoints, clock, "check");
        Rubric rubric;
        try {
            rubric = RubricSource.load(options.rubric, options.lab);
        } catch (RubricException | RubricSource.LabChoiceException e) {
            docker.thenAccept(c -> {
                if (c.api() != null) {
                    c.api().close();
                }
            });
            throw e; // Main reports it: the problems, exit 2
        }
        Timings.mark("rubric loaded and bound");
        EvidenceBundle bundle = evidence.open(rubric, clock);
        Timings.mark("evidence opened");
        DockerProbing.Connection connection = docker.join();
        Timings.mark("docker connected");
        LiveProbes.checkOnce(rubric, bundle, connection, "check", floor);
        Timings.mark("probes done");
        return GradeAndReport.run(rubric, evidence.dir, options, clock, System.out, System.err);
    }
}
