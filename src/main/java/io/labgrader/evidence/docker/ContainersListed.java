package io.labgrader.evidence.docker;

import io.labgrader.evidence.Observation;

import java.time.Instant;
import java.util.List;

/** Every container that existed at {@code at} (GET /containers/json?all=1), running or not. */
public record ContainersListed(Instant at, String source, List<Listed> containers, String raw) implements Observation {

    public ContainersListed {
        containers = List.copyOf(containers);
    }

    public record Listed(String id, String name, String image, String state) {
    }
}
