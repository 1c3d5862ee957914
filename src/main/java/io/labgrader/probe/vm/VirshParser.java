package io.labgrader.probe.vm;

import io.labgrader.evidence.vm.NicMode;
import io.labgrader.evidence.vm.VmState;
import io.labgrader.probe.vm.SafeXml.XmlException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads what virsh prints: version, list, domstate, dumpxml, net-dumpxml, domblkinfo, guestinfo. Pure functions. */
public final class VirshParser {

    static final String LIBOSINFO_NS = "http://libosinfo.org/xmlns/libvirt/domain/1.0";

    private VirshParser() {
    }

    /** {@code virsh version}: "libvirt 9.0.0, QEMU 7.2.22" from "Using library: …" and "Running hypervisor: …". */
    public static String version(String out) {
        String library = null;
        String hypervisor = null;
        for (String line : out.split("\\R")) {
            String l = line.strip();
            if (l.startsWith("Using library:")) {
                library = l.substring("Using library:".length()).strip();
            } else if (l.startsWith("Running hypervisor:")) {
                hypervisor = l.substring("Running hypervisor:".length()).strip();
            }
        }
        if (library == null && hypervisor == null) {
            return null;
        }
        return library == null ? hypervisor : hypervisor == null ? library : library + ", " + hypervisor;
    }

    /** {@code virsh list --all --name}: one name per line, blank lines ignored. */
    public static List<String> names(String out) {
        List<String> names = new ArrayList<>();
        for (String line : out.split("\\R")) {
            if (!line.isBlank()) {
                names.add(line.strip());
            }
        }
        return names;
    }

    /** {@code virsh domstate --reason}: "shut off (shutdown)" gives state "shut off" and reason "shutdown". */
    public record DomState(String state, String reason) {
    }

    public static DomState domstate(String out) {
        String l = out.strip().split("\\R", 2)[0].strip();
        int paren = l.indexOf(" (");
        if (paren > 0 && l.endsWith(")")) {
            return new DomState(l.substring(0, paren), l.substring(paren + 2, l.length() - 1));
        }
        return new DomState(l, null);
    }

    public static VmState state(String s) {
        if (s == null) {
            return VmState.UNKNOWN;
        }
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "running", "idle", "blocked" -> VmState.RUNNING;
            case "paused" -> VmState.PAUSED;
            case "shut off" -> VmState.OFF;
            case "in shutdown" -> VmState.STOPPING;
            case "crashed" -> VmState.ABORTED;
            case "pmsuspended" -> VmState.SAVED;
            default -> VmState.UNKNOWN;
        };
    }

    /** What a domain's XML says. */
    public record Domain(String name, String uuid, String type, String osinfo, Long memoryKib, Integer vcpus,
                         List<Interface> interfaces, List<Disk> disks, boolean guestAgentChannel) {
    }

    /** An interface: type (network, bridge, user, direct…), source (network or bridge name), mac, live bridge. */
    public record Interface(String type, String source, String mac, String bridge, String linkState) {
    }

    public record Disk(String target, String format, String file) {
    }

    public static Domain domain(String xml) throws XmlException {
        Document doc = SafeXml.parse(xml);
        Element d = doc.getDocumentElement();
        String osinfo = null;
        Element metadata = SafeXml.child(d, "metadata");
        if (metadata != null) {
            var os = metadata.getElementsByTagNameNS(LIBOSINFO_NS, "os");
            if (os.getLength() > 0) {
                osinfo = ((Element) os.item(0)).getAttribute("id");
            }
        }
        Long memory = kib(SafeXml.child(d, "memory"));
        Integer vcpus = null;
        String v = SafeXml.text(SafeXml.child(d, "vcpu"));
        if (v != null && v.matches("\\d+")) {
            vcpus = Integer.parseInt(v);
        }
        Element devices = SafeXml.child(d, "devices");
        List<Interface> interfaces = new ArrayList<>();
        for (Element i : SafeXml.children(devices, "interface")) {
            Element source = SafeXml.child(i, "source");
            String type = SafeXml.attr(i, "type");
            String src = null;
            if (source != null) {
                src = SafeXml.attr(source, "network") != null ? SafeXml.attr(source, "network")
                        : SafeXml.attr(source, "bridge") != null ? SafeXml.attr(source, "bridge")
                        : SafeXml.attr(source, "dev");
            }
            Element link = SafeXml.child(i, "link");
            interfaces.add(new Interface(type, src, SafeXml.attr(SafeXml.child(i, "mac"), "address"),
                    source == null ? null : SafeXml.attr(source, "bridge"), SafeXml.attr(link, "state")));
        }
        List<Disk> disks = new ArrayList<>();
        for (Element disk : SafeXml.children(devices, "disk")) {
            if (!"disk".equals(SafeXml.attr(disk, "device") == null ? "disk" : SafeXml.attr(disk, "device"))) {
                continue;
            }
            Element source = SafeXml.child(disk, "source");
            String file = source == null ? null : SafeXml.attr(source, "file") != null ? SafeXml.attr(source, "file")
                    : SafeXml.attr(source, "dev") != null ? SafeXml.attr(source, "dev") : SafeXml.attr(source, "volume");
            disks.add(new Disk(SafeXml.attr(SafeXml.child(disk, "target"), "dev"),
                    SafeXml.attr(SafeXml.child(disk, "driver"), "type"), file));
        }
        boolean agent = false;
        for (Element channel : SafeXml.children(devices, "channel")) {
            Element target = SafeXml.child(channel, "target");
            if ("org.qemu.guest_agent.0".equals(SafeXml.attr(target, "name"))) {
                agent = true;
            }
        }
        return new Domain(SafeXml.text(SafeXml.child(d, "name")), SafeXml.text(SafeXml.child(d, "uuid")),
                SafeXml.attr(d, "type"), osinfo, memory, vcpus, interfaces, disks, agent);
    }

    private static Long kib(Element e) {
        if (e == null) {
            return null;
        }
        String text = SafeXml.text(e);
        if (text == null || !text.matches("\\d+")) {
            return null;
        }
        long n = Long.parseLong(text);
        String unit = SafeXml.attr(e, "unit") == null ? "KiB" : SafeXml.attr(e, "unit");
        return switch (unit) {
            case "b", "bytes" -> n / 1024;
            case "KB" -> n * 1000 / 1024;
            case "k", "KiB" -> n;
            case "MB" -> n * 1000 * 1000 / 1024;
            case "M", "MiB" -> n * 1024;
            case "GB" -> n * 1000 * 1000 * 1000 / 1024;
            case "G", "GiB" -> n * 1024 * 1024;
            default -> n;
        };
    }

    /**
     * A network's mode from {@code net-dumpxml}: {@code <forward mode='nat'/>} or a forward without mode is NAT, no
     * forward is isolated (host-only), mode bridge/macvtap is bridged, route and open are routed.
     *
     * @param forward the forward mode as written ("nat", "route"…), or "(none)"
     */
    public record Network(String name, String bridge, String forward, NicMode mode) {
    }

    public static Network network(String xml) throws XmlException {
        Element n = SafeXml.parse(xml).getDocumentElement();
        Element forward = SafeXml.child(n, "forward");
        String mode = forward == null ? null : SafeXml.attr(forward, "mode") == null ? "nat" : SafeXml.attr(forward, "mode");
        NicMode m = mode == null ? NicMode.HOST_ONLY : switch (mode) {
            case "nat" -> NicMode.NAT;
            case "bridge", "passthrough", "private", "vepa", "hostdev" -> NicMode.BRIDGED;
            default -> NicMode.OTHER; // route, open
        };
        return new Network(SafeXml.text(SafeXml.child(n, "name")), SafeXml.attr(SafeXml.child(n, "bridge"), "name"),
                mode == null ? "(none)" : mode, m);
    }

    /** {@code virsh domblkinfo DOM TARGET}: Capacity, Allocation, Physical in bytes. */
    public static Map<String, Long> blkinfo(String out) {
        Map<String, Long> values = new LinkedHashMap<>();
        for (String line : out.split("\\R")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                String v = line.substring(colon + 1).strip();
                if (v.matches("\\d+")) {
                    values.put(line.substring(0, colon).strip(), Long.parseLong(v));
                }
            }
        }
        return values;
    }

    /** {@code virsh guestinfo --os}: "os.id               : ubuntu" lines. */
    public static Map<String, String> guestinfo(String out) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : out.split("\\R")) {
            int colon = line.indexOf(" : ");
            if (colon > 0) {
                values.put(line.substring(0, colon).strip(), line.substring(colon + 3).strip());
            }
        }
        return values;
    }
}
