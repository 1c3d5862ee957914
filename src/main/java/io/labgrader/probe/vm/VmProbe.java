package io.labgrader.probe.vm;

/**
 * Looks for one hypervisor and its VMs. A probe records facts through its {@link ProbeContext}: the hypervisor
 * found (or where it looked), each VM, and each attempt that failed. It never throws for a missing, hanging or
 * failing tool; those are evidence too.
 */
public interface VmProbe {

    /** One of {@link io.labgrader.evidence.vm.HypervisorIds}. */
    String hypervisor();

    void probe(ProbeContext ctx);
}
