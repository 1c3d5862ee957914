package io.labgrader.evidence.vm;

import io.labgrader.evidence.Observation;

import java.time.Instant;
import java.util.List;

/** A hypervisor was looked for and not found; {@code looked} lists every place searched. */
public record HypervisorNotFound(Instant at, String source, String hypervisor, List<String> looked)
        implements Observation {

    public HypervisorNotFound {
        looked = looked == null ? List.of() : List.copyOf(looked);
    }
}
