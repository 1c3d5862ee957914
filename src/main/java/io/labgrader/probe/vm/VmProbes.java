package io.labgrader.probe.vm;

import java.util.List;

/** The one place where the hypervisor probes are registered, in the order their evidence is written. */
public final class VmProbes {

    private VmProbes() {
    }

    public static List<VmProbe> all() {
        return List.of(
                new VirtualBoxProbe(),
                new VmwareProbe(),
                new LibvirtProbe(),
                new HyperVProbe(),
                new MultipassProbe(),
                new ParallelsProbe());
    }
}
