package io.labgrader.evidence.vm;

import io.labgrader.evidence.Observation;

import java.time.Instant;
import java.util.List;

/**
 * A VM registered with a hypervisor, as the probe saw it at {@code at}. Facts only.
 *
 * @param hypervisor        one of {@link HypervisorIds}
 * @param hypervisorVersion the hypervisor's version, if known
 * @param uuid              the hypervisor's id of the VM (VirtualBox/libvirt UUID, VMware uuid.bios or .vmx path)
 * @param rawState          the hypervisor's own word for the state ("poweroff", "shut off", "Running"…)
 * @param declaredOs        the guest OS chosen when the VM was created, as the hypervisor shows it
 *                          ("Ubuntu (64-bit)", "ubuntu-64", "http://ubuntu.com/ubuntu/24.04"); null if the
 *                          hypervisor has none (Hyper-V)
 * @param declaredOsId      the hypervisor's id for it where it differs from {@code declaredOs} ("Ubuntu_64")
 * @param guest             what the guest reported about itself, if it did
 * @param memoryMb          configured memory
 * @param cpus              configured virtual CPUs
 * @param bootSigns         traces of the VM having been started
 * @param location          the VM's settings file or folder (home folders redacted)
 * @param via               how the VM was read: commands and files
 * @param raw               bundle paths of the raw captures this observation was built from
 */
public record VmObserved(Instant at, String source, String hypervisor, String hypervisorVersion, String name,
                         String uuid, VmState state, String rawState, String declaredOs, String declaredOsId,
                         GuestReport guest, Long memoryMb, Integer cpus, List<VmDisk> disks, List<VmNic> nics,
                         List<BootSign> bootSigns, String location, List<String> via, List<String> raw)
        implements Observation {

    public VmObserved {
        state = state == null ? VmState.UNKNOWN : state;
        disks = disks == null ? List.of() : List.copyOf(disks);
        nics = nics == null ? List.of() : List.copyOf(nics);
        bootSigns = bootSigns == null ? List.of() : List.copyOf(bootSigns);
        via = via == null ? List.of() : List.copyOf(via);
        raw = raw == null ? List.of() : List.copyOf(raw);
    }

    /** Identity of the VM across checks: hypervisor and uuid (or name, if the hypervisor gave no id). */
    public String key() {
        String id = uuid != null && !uuid.isBlank() ? uuid.toLowerCase(java.util.Locale.ROOT) : "name:" + name;
        return hypervisor + "/" + id;
    }
}
