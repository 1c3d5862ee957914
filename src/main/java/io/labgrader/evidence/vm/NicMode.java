package io.labgrader.evidence.vm;

/**
 * How a VM's network adapter is attached, the same for every hypervisor. The hypervisor's own word stays in
 * {@link VmNic#rawMode()}.
 */
public enum NicMode {
    /** NAT through the host (VirtualBox NAT, VMware NAT/VMnet8, libvirt forward mode nat, QEMU user networking…) */
    NAT("NAT"),
    /** a NAT network shared by several VMs (VirtualBox "NAT Network") */
    NAT_NETWORK("NAT network"),
    /** bridged to a host interface: the VM is on the host's LAN */
    BRIDGED("bridged"),
    /** host-only: host and VMs only (VirtualBox host-only, VMware VMnet1, a libvirt network without forward) */
    HOST_ONLY("host-only"),
    /** an internal network between VMs only, without the host */
    INTERNAL("internal"),
    /** the adapter exists but is attached to nothing ("not attached") */
    NONE("not attached"),
    /** anything else: generic drivers, cloud networks, routed or custom networks */
    OTHER("other");

    private final String label;

    NicMode(String label) {
        this.label = label;
    }

    /** "NAT", "host-only"… as reports show it. */
    public String label() {
        return label;
    }

    /** The rubric's spelling: "nat", "nat-network", "bridged", "host-only", "internal", "none", "other". */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** Parses the rubric's spelling (also "hostonly", "host_only", "natnetwork"); null if unknown. */
    public static NicMode parse(String key) {
        if (key == null) {
            return null;
        }
        String k = key.trim().toLowerCase(java.util.Locale.ROOT).replace('_', '-').replace(" ", "-");
        return switch (k) {
            case "nat" -> NAT;
            case "nat-network", "natnetwork" -> NAT_NETWORK;
            case "bridged", "bridge" -> BRIDGED;
            case "host-only", "hostonly" -> HOST_ONLY;
            case "internal", "intnet" -> INTERNAL;
            case "none", "not-attached" -> NONE;
            case "other" -> OTHER;
            default -> null;
        };
    }
}
