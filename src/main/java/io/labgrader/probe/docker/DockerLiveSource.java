package io.labgrader.probe.docker;

import io.labgrader.evidence.EvidenceBundle;
import io.labgrader.live.LiveConnection;
import io.labgrader.live.LivePlace;
import io.labgrader.live.LiveSource;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The Docker Engine as a live source: check's early connection ({@link DockerProbing.Connection}, which the lab
 * probes ask their ProbeRun for), the snapshots watch and replay take at their start and end, and the engine's
 * event stream they follow in between ({@link DockerWatcher}).
 */
public final class DockerLiveSource implements LiveSource {

    @Override
    public LiveConnection connect(Clock clock, String source) {
        return DockerProbing.connect(clock, source);
    }

    @Override
    public List<DockerEndpoint> places() {
        return DockerProbing.endpoints();
    }

    @Override
    public Optional<LivePlace> snapshot(EvidenceBundle bundle, List<? extends LivePlace> places, String source,
                                        Instant historyFloor) {
        List<DockerEndpoint> endpoints = places.stream().map(DockerEndpoint.class::cast).toList();
        return Optional.ofNullable(DockerProbing.check(bundle, endpoints, source, historyFloor));
    }

    @Override
    public <T> T whileFollowing(LivePlace place, Following following, Supplier<T> body, Supplier<T> unreachable) {
        DockerEndpoint endpoint = (DockerEndpoint) place;
        EvidenceBundle bundle = following.bundle();
        try (DockerApi api = DockerConnector.connect(List.of(endpoint), DockerProbing.CALL_TIMEOUT, bundle.clock(),
                following.source())) {
            DockerSnapshot snapshot = DockerProbing.snapshot(api, bundle, following.source());
            Instant since = DockerProbing.eventsSince(bundle.dir(), following.historyFloor());
            try (DockerWatcher watcher = new DockerWatcher(endpoint, snapshot, bundle, following.portDeadline(),
                    following.log())) {
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
