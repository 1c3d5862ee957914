package io.labgrader.probe.vm;

import io.labgrader.evidence.vm.NicMode;
import io.labgrader.evidence.vm.VmNic;
import io.labgrader.probe.vm.SafeXml.XmlException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads VirtualBox's own files without VBoxManage: the global registry VirtualBox.xml (which VMs are registered)
 * and each VM's .vbox settings file. Only the machine's current settings count; the copies of older settings kept
 * inside {@code <Snapshot>} elements, and the remembered-but-inactive network modes inside
 * {@code <DisabledModes>}, are ignored.
 */
public final class VBoxSettingsParser {

    private static final Pattern TRAILING_VERSION = Pattern.compile("(\\d+\\.\\d+\\.\\d+)\\s*$");

    private VBoxSettingsParser() {
    }

    /**
     * VirtualBox.xml.
     *
     * @param machines      the registered machines: uuid (lower case, no braces) and settings file as written
     * @param versionHint   the VirtualBox version the GUI last noted (ExtraData "GUI/UpdateDate"), or null
     * @param media         media registered globally (settings written by VirtualBox before 4.0), by uuid
     */
    public record Registry(List<MachineEntry> machines, String versionHint, Map<String, Medium> media) {
    }

    public record MachineEntry(String uuid, String src) {
    }

    /** A registered medium: its file (as written, maybe relative), format, and parent for differencing images. */
    public record Medium(String uuid, String location, String format, String parentUuid) {
    }

    /** What one .vbox file says about its machine. */
    public record Machine(String uuid, String name, String osType, Long memoryMb, Integer cpus, List<VmNic> nics,
                          List<AttachedDisk> disks, Map<String, Medium> media,
                          List<VBoxManageParser.GuestProperty> guestProperties, String stateFile, boolean aborted,
                          Instant lastStateChange, String settingsVersion) {
    }

    public record AttachedDisk(String slot, String uuid) {
    }

    public static Registry registry(String xml) throws XmlException {
        Document doc = SafeXml.parse(xml);
        Element root = doc.getDocumentElement();
        Element global = SafeXml.child(root, "Global");
        List<MachineEntry> machines = new ArrayList<>();
        for (Element reg : SafeXml.children(global, "MachineRegistry")) {
            for (Element e : SafeXml.children(reg, "MachineEntry")) {
                machines.add(new MachineEntry(uuid(SafeXml.attr(e, "uuid")), SafeXml.attr(e, "src")));
            }
        }
        String version = null;
        for (Element extra : SafeXml.children(global, "ExtraData")) {
            for (Element item : SafeXml.children(extra, "ExtraDataItem")) {
                String name = SafeXml.attr(item, "name");
                String value = SafeXml.attr(item, "value");
                if (name != null && value != null && name.startsWith("GUI/Update")) {
                    Matcher m = TRAILING_VERSION.matcher(value);
                    if (m.find()) {
                        version = m.group(1);
                    }
                }
            }
        }
        Map<String, Medium> media = new LinkedHashMap<>();
        readMedia(SafeXml.child(global, "MediaRegistry"), media);
        return new Registry(machines, version, media);
    }

    public static Machine machine(String xml) throws XmlException {
        Document doc = SafeXml.parse(xml);
        Element root = doc.getDocumentElement();
        Element machine = SafeXml.child(root, "Machine");
        if (machine == null) {
            throw new XmlException("no <Machine> element");
        }
        Element hardware = SafeXml.child(machine, "Hardware");
        Long memory = null;
        Integer cpus = null;
        if (hardware != null) {
            Element mem = first(hardware, "Memory");
            memory = longOrNull(SafeXml.attr(mem, "RAMSize"));
            Element cpu = first(hardware, "CPU");
            if (cpu != null) {
                Long count = longOrNull(SafeXml.attr(cpu, "count"));
                cpus = count == null ? 1 : count.intValue(); // VirtualBox leaves out the default, one CPU
            }
        }
        List<VmNic> nics = new ArrayList<>();
        Element network = hardware == null ? null : first(hardware, "Network");
        for (Element adapter : SafeXml.children(network, "Adapter")) {
            nic(adapter).ifPresent(nics::add);
        }
        List<AttachedDisk> disks = new ArrayList<>();
        List<Element> controllers = new ArrayList<>();
        controllers.addAll(SafeXml.children(machine, "StorageControllers"));
        controllers.addAll(SafeXml.children(hardware, "StorageControllers"));
        for (Element ctls : controllers) {
            for (Element ctl : SafeXml.children(ctls, "StorageController")) {
                for (Element dev : SafeXml.children(ctl, "AttachedDevice")) {
                    if (!"HardDisk".equals(SafeXml.attr(dev, "type"))) {
                        continue;
                    }
                    Element image = SafeXml.child(dev, "Image");
                    String u = uuid(SafeXml.attr(image, "uuid"));
                    if (u != null) {
                        disks.add(new AttachedDisk(SafeXml.attr(ctl, "name") + "-" + SafeXml.attr(dev, "port") + "-"
                                + SafeXml.attr(dev, "device"), u));
                    }
                }
            }
        }
        Map<String, Medium> media = new LinkedHashMap<>();
        readMedia(SafeXml.child(machine, "MediaRegistry"), media);
        List<VBoxManageParser.GuestProperty> props = new ArrayList<>();
        Element guestProps = hardware == null ? null : SafeXml.child(hardware, "GuestProperties");
        for (Element p : SafeXml.children(guestProps, "GuestProperty")) {
            String ts = SafeXml.attr(p, "timestamp");
            Instant when = null;
            if (ts != null && ts.matches("\\d+")) {
                long n = Long.parseLong(ts);
                when = n <= 0 ? null : Instant.ofEpochSecond(n / 1_000_000_000L, n % 1_000_000_000L);
            }
            props.add(new VBoxManageParser.GuestProperty(SafeXml.attr(p, "name"),
                    SafeXml.attr(p, "value") == null ? "" : SafeXml.attr(p, "value"), when,
                    SafeXml.attr(p, "flags") == null ? "" : SafeXml.attr(p, "flags")));
        }
        return new Machine(uuid(SafeXml.attr(machine, "uuid")), SafeXml.attr(machine, "name"),
                SafeXml.attr(machine, "OSType"), memory, cpus, nics, disks, media, props,
                SafeXml.attr(machine, "stateFile"), "true".equals(SafeXml.attr(machine, "aborted")),
                VBoxManageParser.iso(SafeXml.attr(machine, "lastStateChange")), SafeXml.attr(root, "version"));
    }

    /** The adapter's current attachment: the first mode element that is not inside DisabledModes. */
    static java.util.Optional<VmNic> nic(Element adapter) {
        if (!"true".equals(SafeXml.attr(adapter, "enabled"))) {
            return java.util.Optional.empty();
        }
        int slot = (int) (long) java.util.Objects.requireNonNullElse(longOrNull(SafeXml.attr(adapter, "slot")), 0L);
        NicMode mode = NicMode.NONE;
        String raw = "null";
        String attachment = null;
        for (Element e : SafeXml.children(adapter)) {
            String tag = SafeXml.local(e);
            if (tag.equals("DisabledModes")) {
                continue;
            }
            NicMode m = switch (tag) {
                case "NAT", "NATNetwork", "BridgedInterface", "HostOnlyInterface", "HostOnlyNetwork", "InternalNetwork" ->
                        VBoxMachineInfo.nicMode(tag);
                case "GenericInterface", "CloudNetwork" -> NicMode.OTHER;
                default -> null;
            };
            if (m != null) {
                mode = m;
                raw = tag;
                attachment = SafeXml.attr(e, "name");
                break;
            }
        }
        String cable = SafeXml.attr(adapter, "cable");
        return java.util.Optional.of(new VmNic(slot + 1, mode, raw, attachment, SafeXml.attr(adapter, "MACAddress"),
                cable == null ? null : !cable.equals("false")));
    }

    private static void readMedia(Element registry, Map<String, Medium> into) {
        Element disks = SafeXml.child(registry, "HardDisks");
        for (Element d : SafeXml.children(disks, "HardDisk")) {
            readDisk(d, null, into);
        }
    }

    private static void readDisk(Element d, String parent, Map<String, Medium> into) {
        String u = uuid(SafeXml.attr(d, "uuid"));
        if (u == null) {
            return;
        }
        into.put(u, new Medium(u, SafeXml.attr(d, "location"), SafeXml.attr(d, "format"), parent));
        for (Element child : SafeXml.children(d, "HardDisk")) {
            readDisk(child, u, into);
        }
    }

    private static Element first(Element parent, String name) {
        List<Element> direct = SafeXml.children(parent, name);
        if (!direct.isEmpty()) {
            return direct.get(0);
        }
        List<Element> any = SafeXml.descendants(parent, name);
        return any.isEmpty() ? null : any.get(0);
    }

    /** "{6294F16B-…}" as "6294f16b-…" */
    public static String uuid(String braced) {
        if (braced == null || braced.isBlank()) {
            return null;
        }
        String u = braced.strip();
        if (u.startsWith("{") && u.endsWith("}")) {
            u = u.substring(1, u.length() - 1);
        }
        return u.toLowerCase(Locale.ROOT);
    }

    private static Long longOrNull(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
