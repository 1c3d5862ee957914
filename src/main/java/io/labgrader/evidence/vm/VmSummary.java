package io.labgrader.evidence.vm;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Everything the evidence says about one VM, merged over all checks: the latest settings, the latest guest report
 * (a guest reports only while it runs, so an earlier report stays valid after it is shut down), and every trace of
 * it having run. Built by {@link VmInventory}; what reports show under "VMs found".
 *
 * @param hypervisor        one of {@link HypervisorIds}
 * @param hypervisorName    for people: "VirtualBox", "VMware Fusion", "libvirt/KVM"…
 * @param hypervisorVersion as found, or null
 * @param state             the state at the latest check
 * @param rawState          the hypervisor's own word for it
 * @param declaredOs        the OS type chosen for the VM, as the hypervisor shows it, or null
 * @param declaredOsId      the hypervisor's id of that type where it differs, or null
 * @param guest             the latest report of the guest about itself, or null if it never reported
 * @param guestSeenAt       when that report was seen
 * @param everUp            seen running or paused in at least one check
 * @param bootSigns         every trace of a start, over all checks (deduplicated)
 * @param firstSeen         first check that saw the VM
 * @param lastSeen          latest check that saw the VM
 */
public record VmSummary(String hypervisor, String hypervisorName, String hypervisorVersion, String name, String uuid,
                        VmState state, String rawState, String declaredOs, String declaredOsId, GuestReport guest,
                        Instant guestSeenAt, Long memoryMb, Integer cpus, List<VmDisk> disks, List<VmNic> nics,
                        boolean everUp, List<BootSign> bootSigns, String location, List<String> via,
                        Instant firstSeen, Instant lastSeen) {

    public VmSummary {
        disks = disks == null ? List.of() : List.copyOf(disks);
        nics = nics == null ? List.of() : List.copyOf(nics);
        bootSigns = bootSigns == null ? List.of() : List.copyOf(bootSigns);
        via = via == null ? List.of() : List.copyOf(via);
    }

    /** The guest's own report in a few words ("Ubuntu 24.04.1 LTS"), or null if it never reported. */
    public String guestOs() {
        if (guest == null) {
            return null;
        }
        String d = guest.describe();
        return d.isBlank() ? null : d;
    }

    /** "VirtualBox 7.1.4", "libvirt/KVM (libvirt 9.0.0, QEMU 7.2.22)" */
    public String hypervisorLabel() {
        return label(hypervisorName, hypervisorVersion);
    }

    /** A hypervisor's name with its version: a plain number follows the name, a longer version goes in parentheses. */
    public static String label(String name, String version) {
        if (version == null || version.isBlank()) {
            return name;
        }
        return version.matches("[0-9][0-9A-Za-z.+_-]*") ? name + " " + version : name + " (" + version + ")";
    }

    /** "Ubuntu (64-bit)" or "Ubuntu (64-bit) [Ubuntu_64]", or "-" */
    public String declaredOsText() {
        if (declaredOs == null || declaredOs.isBlank()) {
            return declaredOsId == null || declaredOsId.isBlank() ? "-" : declaredOsId;
        }
        return declaredOsId == null || declaredOsId.isBlank() || declaredOsId.equals(declaredOs)
                ? declaredOs : declaredOs + " [" + declaredOsId + "]";
    }

    /** "VDI 25.0 GiB (8.1 GiB used)", one entry per disk joined by "; ", or "none" */
    public String disksText() {
        if (disks.isEmpty()) {
            return "none";
        }
        return disks.stream().map(VmSummary::describe).collect(Collectors.joining("; "));
    }

    /** "1: NAT; 2: host-only (vboxnet0)", or "none" */
    public String nicsText() {
        if (nics.isEmpty()) {
            return "none";
        }
        return nics.stream().map(VmSummary::describe).collect(Collectors.joining("; "));
    }

    /**
     * One line for consoles and logs, e.g. {@code VirtualBox 7.1.4 · 'ubuntu' · running · declared Ubuntu (64-bit) ·
     * guest Ubuntu 24.04.1 LTS · 4096 MB · 2 CPUs · disks VDI 25.0 GiB (8.1 GiB used) · network 1: NAT}.
     */
    public String text() {
        return String.join(" · ", hypervisorLabel(), "'" + name + "'", stateText(),
                "declared " + declaredOsText(), "guest " + (guestOs() == null ? "-" : guestOs()),
                (memoryMb == null ? "?" : memoryMb) + " MB", (cpus == null ? "?" : cpus) + (Integer.valueOf(1).equals(cpus) ? " CPU" : " CPUs"),
                "disks " + disksText(), "network " + nicsText());
    }

    /** "running", or "shut off (off)" when the hypervisor's word differs */
    public String stateText() {
        String word = state.word();
        if (rawState == null || rawState.isBlank() || rawState.equalsIgnoreCase(word)) {
            return word;
        }
        return rawState + " (" + word + ")";
    }

    public static String describe(VmDisk d) {
        StringBuilder s = new StringBuilder(d.format() == null ? "disk" : d.format());
        if (d.capacityBytes() != null) {
            s.append(' ').append(bytes(d.capacityBytes()));
        }
        if (d.allocatedBytes() != null) {
            s.append(" (").append(bytes(d.allocatedBytes())).append(" used)");
        }
        return s.toString();
    }

    public static String describe(VmNic n) {
        StringBuilder s = new StringBuilder().append(n.index()).append(": ").append(n.mode().label());
        if (n.attachment() != null && !n.attachment().isBlank()) {
            s.append(" (").append(n.attachment()).append(')');
        }
        if (Boolean.FALSE.equals(n.connected())) {
            s.append(", cable disconnected");
        }
        return s.toString();
    }

    /** 1536 MiB as "1.5 GiB", 12 MiB as "12 MiB" (binary units, as hypervisors count them) */
    public static String bytes(long bytes) {
        double gib = bytes / (1024.0 * 1024 * 1024);
        if (gib >= 1) {
            return String.format(Locale.ROOT, "%.1f GiB", gib);
        }
        double mib = bytes / (1024.0 * 1024);
        if (mib >= 1) {
            return String.format(Locale.ROOT, "%.0f MiB", mib);
        }
        return bytes + " B";
    }
}
