package io.labgrader.evidence.vm;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The hypervisors labgrader knows, by the ids that evidence and rubric.yml use. Plain strings in the journal, so
 * that evidence written by a newer labgrader (with another hypervisor) still reads.
 */
public final class HypervisorIds {

    public static final String VIRTUALBOX = "virtualbox";
    public static final String VMWARE = "vmware";
    public static final String LIBVIRT = "libvirt";
    public static final String HYPERV = "hyperv";
    public static final String MULTIPASS = "multipass";
    public static final String PARALLELS = "parallels";

    /** Every known id, in the order reports list them. */
    public static final List<String> ALL = List.of(VIRTUALBOX, VMWARE, LIBVIRT, HYPERV, MULTIPASS, PARALLELS);

    private static final Map<String, String> NAMES = Map.of(
            VIRTUALBOX, "VirtualBox",
            VMWARE, "VMware",
            LIBVIRT, "libvirt/KVM",
            HYPERV, "Hyper-V",
            MULTIPASS, "Multipass",
            PARALLELS, "Parallels Desktop");

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("virtualbox", VIRTUALBOX), Map.entry("vbox", VIRTUALBOX),
            Map.entry("vmware", VMWARE), Map.entry("vmware-workstation", VMWARE), Map.entry("vmware-fusion", VMWARE),
            Map.entry("libvirt", LIBVIRT), Map.entry("kvm", LIBVIRT), Map.entry("qemu", LIBVIRT),
            Map.entry("hyperv", HYPERV), Map.entry("hyper-v", HYPERV),
            Map.entry("multipass", MULTIPASS),
            Map.entry("parallels", PARALLELS));

    private HypervisorIds() {
    }

    /** "VirtualBox", "libvirt/KVM"…; an unknown id as it is. */
    public static String displayName(String id) {
        return id == null ? "?" : NAMES.getOrDefault(id, id);
    }

    /** The id a rubric's spelling means ("KVM", "Hyper-V", "vbox"…), or null if it names no known hypervisor. */
    public static String normalize(String name) {
        return name == null ? null : ALIASES.get(name.trim().toLowerCase(Locale.ROOT));
    }

    /** Position in {@link #ALL}, unknown ids last. */
    public static int order(String id) {
        int i = ALL.indexOf(id);
        return i < 0 ? ALL.size() : i;
    }
}
