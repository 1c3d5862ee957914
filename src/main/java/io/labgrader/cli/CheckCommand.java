package io.labgrader.cli;

import io.labgrader.evidence.EvidenceBundle;
import io.labgrader.evidence.EvidenceException;
import io.labgrader.grading.RubricBinding;
import io.labgrader.live.LiveConnection;
import io.labgrader.live.LiveSources;
import io.labgrader.rubric.Rubric;
import io.labgrader.rubric.RubricException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

@Command(addMethodSubcommands = false, name = "check", mixinStandardHelpOptions = true,
        description = "Look at this machine once, add what is seen to the evidence, and grade all evidence so far.")
final class CheckCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Mixin
    CommonOptions.HistoryOption history;

    @Mixin
    CommonOptions.EvidenceOption evidence;

    /**
     * A check is mostly start-up: connecting to the live sources (the Docker Engine), JUnit's discovery of the
     * suites and the probes each use their own thread where they can. The sources are found while the rubric is
     * read; the rubric's binding to its suites is checked while the probes look. A rubric that cannot be read writes nothing; one whose criteria do
     * not bind to the suites is reported (exit 2) after the probes have kept what they saw.
     */
    @Override
    public Integer call() throws RubricException, EvidenceException {
        Timings.mark("main");
        Clock clock = Clock.systemUTC();
        Instant floor = history.floor(clock);
        CompletableFuture<List<LiveConnection>> live = LiveSources.connectAsync(clock, "check");
        Rubric rubric;
        try {
            rubric = RubricSource.read(options.rubric, options.lab);
        } catch (RubricException | RubricSource.LabChoiceException e) {
            live.thenAccept(connections -> connections.forEach(LiveConnection::close));
            throw e; // Main reports it: the problems, exit 2
        }
        CompletableFuture<Void> bound = CompletableFuture.runAsync(() -> bind(rubric), CheckCommand::onItsOwnThread);
        EvidenceBundle bundle = evidence.open(rubric, clock);
        Timings.mark("evidence opened");
        List<LiveConnection> connections = live.join();
        Timings.mark("docker connected");
        LiveProbes.checkOnce(rubric, bundle, connections, "check", floor);
        Timings.mark("probes done");
        try {
            bound.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RubricException problems) {
                throw problems; // Main reports it as for any invalid rubric: the problems, exit 2
            }
            throw e;
        }
        Timings.mark("rubric bound");
        return GradeAndReport.run(rubric, evidence.dir, options, clock, System.out, System.err);
    }

    private static void bind(Rubric rubric) {
        try {
            RubricBinding.check(rubric);
        } catch (RubricException e) {
            throw new CompletionException(e);
        }
    }

    /** Not the common pool: on a two-core laptop it has one thread, which the engine's connection may hold. */
    private static void onItsOwnThread(Runnable task) {
        Thread thread = new Thread(task, "rubric-binding");
        thread.setDaemon(true);
        thread.start();
    }
}
