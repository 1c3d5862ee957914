package io.labgrader.module;

import io.labgrader.evidence.EvidenceBundle;
import io.labgrader.live.LiveConnection;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What one probe run is given: the bundle to write into, who runs it ("check", "watch", "replay"), the connections
 * to the live sources that check opened once for every probe that needs them (none in watch, which follows those
 * sources itself: a probe observed there opens its own), and the earliest moment whose events count.
 */
public record ProbeRun(EvidenceBundle bundle, String source, List<LiveConnection> connections, Instant historyFloor) {

    public ProbeRun {
        connections = List.copyOf(connections);
    }

    /** The connection of this type that was opened for the probes, or empty when none was. */
    public <T extends LiveConnection> Optional<T> connection(Class<T> type) {
        return connections.stream().filter(type::isInstance).map(type::cast).findFirst();
    }
}
