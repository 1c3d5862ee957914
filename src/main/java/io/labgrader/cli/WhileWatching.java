package io.labgrader.cli;

import io.labgrader.evidence.EvidenceBundle;
import io.labgrader.probe.docker.DockerApi;
import io.labgrader.probe.docker.DockerConnector;
import io.labgrader.probe.docker.DockerEndpoint;
import io.labgrader.probe.docker.DockerProbing;
import io.labgrader.probe.docker.DockerSnapshot;
import io.labgrader.probe.docker.DockerUnreachableException;
import io.labgrader.probe.docker.DockerWatcher;
import io.labgrader.probe.http.HttpPageProbe;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs something (waiting for Ctrl-C in watch, a student's script in replay) while the Docker Engine's event
 * stream is followed into the evidence, one line per event on {@code log}.
 */
final class WhileWatching {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private WhileWatching() {
    }

    /**
     * @param unreachable what to return when the engine stopped answering before watching could start
     */
    static <T> T run(EvidenceBundle bundle, DockerEndpoint endpoint, Clock clock, Instant historyFloor, String source,
                     Duration portDeadline, PrintStream log, Supplier<T> body, Supplier<T> unreachable) {
        try (DockerApi api = DockerConnector.connect(List.of(endpoint), DockerProbing.CALL_TIMEOUT, clock, source)) {
            DockerSnapshot snapshot = new DockerSnapshot(api, bundle, new HttpPageProbe(DockerProbing.HTTP_TIMEOUT, clock), source);
            Instant since = DockerProbing.eventsSince(bundle.dir(), historyFloor);
            try (DockerWatcher watcher = new DockerWatcher(endpoint, snapshot, bundle, portDeadline,
                    line -> log.println("  " + LocalTime.now().format(TIME) + "  " + line))) {
                Thread follower = new Thread(() -> watcher.run(since), "docker-events");
                follower.setDaemon(true);
                follower.start();
                return body.get();
            }
        } catch (DockerUnreachableException e) {
            bundle.record(e.observation());
            return unreachable.get();
        }
    }
}
