package io.labgrader.evidence.docker;

import io.labgrader.evidence.Observation;

import java.time.Instant;

/** The Docker Engine answered at {@code endpoint}; what it said about itself (GET /version and /info). */
public record EngineObserved(Instant at, String source, String endpoint, String version, String apiVersion,
                             String os, String arch, String kernelVersion, String operatingSystem,
                             String daemonId, String raw) implements Observation {
}
