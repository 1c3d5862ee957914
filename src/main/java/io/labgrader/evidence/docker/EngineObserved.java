package io.labgrader.evidence.docker;

import io.labgrader.evidence.Observation;

import java.time.Instant;
import java.util.Locale;

/**
 * The Docker Engine answered at {@code endpoint}; what it said about itself (GET /version and /info).
 *
 * @param daemonId the engine's identity; empty for Podman, whose /info gives a new random ID on every call
 * @param product  the engine's product as /version names it ("Engine" for Docker, "Podman Engine"); null in
 *                 evidence recorded before labgrader looked
 */
public record EngineObserved(Instant at, String source, String endpoint, String version, String apiVersion,
                             String os, String arch, String kernelVersion, String operatingSystem,
                             String daemonId, String raw, String product) implements Observation {

    public EngineObserved(Instant at, String source, String endpoint, String version, String apiVersion, String os,
                          String arch, String kernelVersion, String operatingSystem, String daemonId, String raw) {
        this(at, source, endpoint, version, apiVersion, os, arch, kernelVersion, operatingSystem, daemonId, raw, null);
    }

    /** Podman's Docker-compatible API: its events, names and stop differ from Docker's in ways graders weigh. */
    public boolean podman() {
        return product != null && product.toLowerCase(Locale.ROOT).contains("podman");
    }
}
