package io.labgrader.module;

import io.labgrader.evidence.EvidenceBundle;
import io.labgrader.probe.docker.DockerProbing;

import java.time.Instant;

/**
 * What one probe run is given: the bundle to write into, who runs it ("check", "watch", "replay"), the Docker Engine
 * connection that check opened once for every probe that needs it (its {@code api()} is null and
 * {@code unreachable()} says why when there is none; in watch, which follows the engine itself, both are null: no
 * connection was opened for the probe), and the earliest moment whose engine events count.
 */
public record ProbeRun(EvidenceBundle bundle, String source, DockerProbing.Connection docker, Instant historyFloor) {
}
