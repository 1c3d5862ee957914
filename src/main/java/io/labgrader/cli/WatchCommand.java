package io.labgrader.cli;

import io.labgrader.evidence.EvidenceBundle;
import io.labgrader.evidence.EvidenceException;
import io.labgrader.module.LabProbe;
import io.labgrader.live.LiveSource;
import io.labgrader.rubric.LocalizedText.Language;
import io.labgrader.rubric.Messages;
import io.labgrader.rubric.Rubric;
import io.labgrader.rubric.RubricException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

@Command(addMethodSubcommands = false, name = "watch", mixinStandardHelpOptions = true,
        description = "Follow Docker while you do the lab; Ctrl-C grades everything seen and prints the report.")
final class WatchCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Mixin
    CommonOptions.HistoryOption history;

    @Mixin
    CommonOptions.EvidenceOption evidence;

    @Option(names = "--duration", paramLabel = "SECONDS",
            description = "Stop by itself after this many seconds (for scripts and CI); default: until Ctrl-C.")
    Long durationSeconds;

    /** How often watch looks again when no probe follows the engine's events. */
    private static final Duration LOOK_EVERY = Duration.ofSeconds(10);

    @Option(names = "--port-deadline", paramLabel = "SECONDS", defaultValue = "15",
            description = "How long to retry a freshly started container's ports (default: ${DEFAULT-VALUE}).")
    long portDeadlineSeconds;

    @Override
    public Integer call() throws RubricException, EvidenceException {
        Rubric rubric = RubricSource.load(options.rubric, options.lab);
        Language language = options.language();
        // from the start: a Ctrl-C while the first look is taken grades what was seen, as later
        CountDownLatch stop = new CountDownLatch(1);
        stopOnSignals(stop, language);
        Clock clock = Clock.systemUTC();
        EvidenceBundle bundle = evidence.open(rubric, clock);
        Instant floor = history.floor(clock);
        Map<String, LabProbe> probes = LiveProbes.of(rubric); // those the rubric's sections declare
        List<LiveSource> followed = LiveProbes.followed(probes); // the Docker Engine, for the first lab
        LiveProbes.observeUnfollowed(probes, bundle, "watch", floor); // what exists when watching starts (the VMs)
        List<WhileWatching.Reached> reached = WhileWatching.firstLooks(followed, bundle, "watch", floor);
        if (!reached.isEmpty()) {
            follow(bundle, reached, language, floor, stop);
            WhileWatching.lastLooks(reached, bundle, "watch", floor); // what is left at the end: removed or not
            // VMs again at the end: a student who creates or starts the VM while watch runs has done the lab too.
            // Between the two, VMs are not followed: they change slowly, and every look keeps their descriptions.
            LiveProbes.observeUnfollowed(probes, bundle, "watch", floor);
        } else if (followed.isEmpty()) {
            lookUntilStopped(probes, bundle, language, floor, stop);
        }
        try {
            bundle.writeManifest();
        } catch (EvidenceException e) {
            System.err.println("labgrader: " + e.getMessage());
        }
        return GradeAndReport.run(rubric, evidence.dir, options, clock, System.out, System.err);
    }

    private void follow(EvidenceBundle bundle, List<WhileWatching.Reached> reached, Language language, Instant floor,
                        CountDownLatch stop) {
        reached.forEach(r -> System.err.println(Messages.CORE.get(language, "cli.watch.watching", r.place())));
        WhileWatching.run(reached, bundle, floor, "watch", Duration.ofSeconds(portDeadlineSeconds), System.err, () -> {
            try {
                if (durationSeconds != null) {
                    stop.await(durationSeconds, TimeUnit.SECONDS);
                } else {
                    stop.await();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }, () -> null);
        System.err.println(Messages.CORE.get(language, "cli.labgraderStoppedGrading"));
    }

    /**
     * When no probe follows the engine's events (a lab whose probe reads the engine itself, such as the networks lab),
     * watch still watches: it looks again every {@link #LOOK_EVERY} until Ctrl-C or --duration ends it, and once more
     * at the end, so what a student changes while watch runs (a container removed and created again) is seen.
     */
    private void lookUntilStopped(Map<String, LabProbe> probes, EvidenceBundle bundle, Language language, Instant floor,
                                  CountDownLatch stop) {
        System.err.println(Messages.CORE.get(language, "cli.watch.looking", LOOK_EVERY.toSeconds()));
        long end = durationSeconds == null ? Long.MAX_VALUE : System.nanoTime() + TimeUnit.SECONDS.toNanos(durationSeconds);
        try {
            for (long left; (left = end - System.nanoTime()) > 0; ) {
                if (stop.await(Math.min(left, LOOK_EVERY.toNanos()), TimeUnit.NANOSECONDS)) {
                    break;
                }
                if (end - System.nanoTime() > 0) {
                    LiveProbes.observeUnfollowed(probes, bundle, "watch", floor);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.err.println(Messages.CORE.get(language, "cli.labgraderStoppedGrading"));
        LiveProbes.observeUnfollowed(probes, bundle, "watch", floor);   // the last look: what is left at the end
    }

    /**
     * Ctrl-C (SIGINT) and a plain kill (SIGTERM, as CI scripts send it) end watching and grade, instead of ending the
     * JVM before the report is written; also when the shell started watch with SIGINT ignored (see StopSignals).
     * Another signal while the last look is taken and graded changes nothing: that part is bounded by the probes'
     * timeouts, and ending it would lose the report.
     */
    private static void stopOnSignals(CountDownLatch stop, Language language) {
        List<String> handled = StopSignals.install(stop::countDown, () -> System.err.println(Messages.CORE.get(language, "cli.labgraderAlreadyGradingThe")));
        if (!handled.contains("INT")) {
            System.err.println(Messages.CORE.get(language, "cli.labgraderCtrlCSigint"));
        }
    }
}
