package io.labgrader.evidence.vm;

import io.labgrader.evidence.Observation;

import java.time.Instant;
import java.util.List;

/**
 * The VM probes ran: on which kind of host, what they found, and how long they took. Every observation of one
 * run carries the same {@code at}.
 *
 * @param hostOs             "linux", "macos" or "windows"
 * @param insideContainer    labgrader itself ran inside a container, where the host's hypervisors are invisible
 * @param hostVirtualization the firmware's vendor and product when they name a hypervisor (labgrader itself ran
 *                           in a VM), else null
 * @param hypervisorsFound   ids of the hypervisors found
 * @param vms                how many VMs were found
 */
public record VmProbeRun(Instant at, String source, String hostOs, boolean insideContainer,
                         String hostVirtualization, List<String> hypervisorsFound, int vms, long millis)
        implements Observation {

    public VmProbeRun {
        hypervisorsFound = hypervisorsFound == null ? List.of() : List.copyOf(hypervisorsFound);
    }
}
