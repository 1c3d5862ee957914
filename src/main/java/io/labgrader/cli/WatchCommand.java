package io.labgrader.cli;

import io.labgrader.evidence.EvidenceBundle;
import io.labgrader.evidence.EvidenceException;
import io.labgrader.module.LabProbe;
import io.labgrader.probe.docker.DockerEndpoint;
import io.labgrader.probe.docker.DockerProbing;
import io.labgrader.rubric.LocalizedText.Language;
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

@Command(name = "watch", mixinStandardHelpOptions = true,
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
        List<DockerEndpoint> endpoints = DockerProbing.endpoints();
        Instant floor = history.floor(clock);
        Map<String, LabProbe> probes = LiveProbes.of(rubric); // those the rubric's sections declare
        LiveProbes.observeUnfollowed(probes, bundle, "watch", floor); // what exists when watching starts (the VMs)
        DockerEndpoint endpoint = LiveProbes.followsDocker(probes) ? DockerProbing.check(bundle, endpoints, "watch", floor) : null;
        if (endpoint != null) {
            follow(bundle, endpoint, language, clock, floor, stop);
            DockerProbing.check(bundle, List.of(endpoint), "watch", floor); // what is left at the end: removed or not
            // VMs again at the end: a student who creates or starts the VM while watch runs has done the lab too.
            // Between the two, VMs are not followed: they change slowly, and every look keeps their descriptions.
            LiveProbes.observeUnfollowed(probes, bundle, "watch", floor);
        }
        try {
            bundle.writeManifest();
        } catch (EvidenceException e) {
            System.err.println("labgrader: " + e.getMessage());
        }
        return GradeAndReport.run(rubric, evidence.dir, options, clock, System.out, System.err);
    }

    private void follow(EvidenceBundle bundle, DockerEndpoint endpoint, Language language, Clock clock, Instant floor,
                        CountDownLatch stop) {
        System.err.println(language == Language.DE
                ? "labgrader beobachtet Docker (" + endpoint + "). Machen Sie das Lab in einem anderen Terminal; Strg-C beendet und bewertet."
                : "labgrader is watching Docker (" + endpoint + "). Do the lab in another terminal; Ctrl-C stops and grades.");
        WhileWatching.run(bundle, endpoint, clock, floor, "watch", Duration.ofSeconds(portDeadlineSeconds), System.err, () -> {
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
        System.err.println(language == Language.DE ? "labgrader: beendet, bewerte…" : "labgrader: stopped, grading…");
    }

    /**
     * Ctrl-C (SIGINT) and a plain kill (SIGTERM, as CI scripts send it) end watching and grade, instead of ending the
     * JVM before the report is written; also when the shell started watch with SIGINT ignored (see StopSignals).
     * Another signal while the last look is taken and graded changes nothing: that part is bounded by the probes'
     * timeouts, and ending it would lose the report.
     */
    private static void stopOnSignals(CountDownLatch stop, Language language) {
        boolean de = language == Language.DE;
        List<String> handled = StopSignals.install(stop::countDown, () -> System.err.println(de
                ? "labgrader: bewertet schon; der Bericht folgt gleich."
                : "labgrader: already grading; the report follows."));
        if (!handled.contains("INT")) {
            System.err.println(de
                    ? "labgrader: Strg-C (SIGINT) erreicht labgrader hier nicht; beenden Sie watch mit kill (SIGTERM) oder --duration."
                    : "labgrader: Ctrl-C (SIGINT) cannot reach labgrader here; end watch with kill (SIGTERM) or --duration.");
        }
    }
}
