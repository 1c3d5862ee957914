package io.labgrader.probe.vm;

import io.labgrader.evidence.vm.NicMode;
import io.labgrader.evidence.vm.VmNic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads VMware's text files: .vmx ({@code key = "value"} lines, keys case-insensitive, {@code |22}-style hex
 * escapes), the VM inventory (inventory.vmls, Fusion's vmInventory) and preferences, and {@code vmrun list}.
 * Pure functions.
 */
public final class VmxParser {

    private static final Pattern LINE = Pattern.compile("^\\s*([^=#\\s][^=]*?)\\s*=\\s*\"(.*)\"\\s*$");
    private static final Pattern BARE = Pattern.compile("^\\s*([^=#\\s][^=]*?)\\s*=\\s*(\\S*)\\s*$");
    private static final Pattern ESCAPE = Pattern.compile("\\|([0-9A-Fa-f]{2})");
    private static final Pattern PAIR = Pattern.compile("(\\w+)='([^']*)'");
    private static final Pattern DISK = Pattern.compile("^((?:scsi|sata|ide|nvme)\\d+:\\d+)\\.filename$");
    private static final Pattern MRU = Pattern.compile("^pref\\.mruvm\\d+\\.filename$");

    private VmxParser() {
    }

    /** All {@code key = "value"} lines; keys in lower case, values unescaped. */
    public static Map<String, String> parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : text.split("\\R")) {
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                m = BARE.matcher(line);
                if (!m.matches()) {
                    continue;
                }
            }
            values.put(m.group(1).strip().toLowerCase(Locale.ROOT), unescape(m.group(2)));
        }
        return values;
    }

    static String unescape(String v) {
        if (v.indexOf('|') < 0) {
            return v;
        }
        Matcher m = ESCAPE.matcher(v);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        }
        m.appendTail(b);
        return b.toString();
    }

    /**
     * VMware Tools' {@code guestInfo.detailed.data}: {@code architecture='Arm' bitness='64' distroName='Ubuntu 22.04.1 LTS' …}.
     * An older plain value (just the name) comes back as {@code prettyName}.
     */
    public static Map<String, String> detailedData(String value) {
        Map<String, String> pairs = new TreeMap<>();
        if (value == null || value.isBlank()) {
            return pairs;
        }
        Matcher m = PAIR.matcher(value);
        while (m.find()) {
            pairs.put(m.group(1), m.group(2));
        }
        if (pairs.isEmpty()) {
            pairs.put("prettyName", value.strip());
        }
        return pairs;
    }

    /** .vmx paths of an inventory (vmlistN.config, indexN.id); folders and empty entries are skipped. */
    public static List<String> inventoryPaths(String text) {
        Map<String, String> values = parse(text);
        LinkedHashSet<String> paths = new LinkedHashSet<>();
        TreeMap<Integer, String> ordered = new TreeMap<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
            Matcher m = Pattern.compile("^vmlist(\\d+)\\.config$").matcher(e.getKey());
            if (m.matches() && isVmx(e.getValue())) {
                ordered.put(Integer.parseInt(m.group(1)), e.getValue());
            }
        }
        paths.addAll(ordered.values());
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (e.getKey().matches("^index\\d+\\.id$") && isVmx(e.getValue())) {
                paths.add(e.getValue());
            }
        }
        return new ArrayList<>(paths);
    }

    /** Recently opened VMs of the preferences file ({@code pref.mruVM0.filename = "…vmx"}). */
    public static List<String> recentPaths(String preferences) {
        List<String> paths = new ArrayList<>();
        for (Map.Entry<String, String> e : parse(preferences).entrySet()) {
            if (MRU.matcher(e.getKey()).matches() && isVmx(e.getValue())) {
                paths.add(e.getValue());
            }
        }
        return paths;
    }

    /** {@code vmrun list}: "Total running VMs: N", then one .vmx path per line. */
    public static List<String> running(String out) {
        List<String> paths = new ArrayList<>();
        for (String line : out.split("\\R")) {
            String l = line.strip();
            if (!l.isEmpty() && !l.toLowerCase(Locale.ROOT).startsWith("total running vms")) {
                paths.add(l);
            }
        }
        return paths;
    }

    private static boolean isVmx(String v) {
        return v != null && v.toLowerCase(Locale.ROOT).endsWith(".vmx");
    }

    public static boolean isTrue(String v) {
        return v != null && v.strip().equalsIgnoreCase("true");
    }

    /** The network adapters ethernet0… that are present. */
    public static List<VmNic> nics(Map<String, String> vmx) {
        List<VmNic> nics = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String p = "ethernet" + i + ".";
            if (!isTrue(vmx.get(p + "present"))) {
                continue;
            }
            String type = vmx.get(p + "connectiontype");
            String vnet = vmx.get(p + "vnet");
            NicMode mode;
            String raw;
            String attachment = null;
            if (type == null || type.isBlank()) {
                mode = NicMode.BRIDGED;
                raw = "(connectionType not set: VMware's default, bridged)";
            } else {
                String t = type.strip().toLowerCase(Locale.ROOT);
                raw = t;
                mode = switch (t) {
                    case "nat" -> NicMode.NAT;
                    case "bridged" -> NicMode.BRIDGED;
                    case "hostonly" -> NicMode.HOST_ONLY;
                    case "pvn" -> NicMode.INTERNAL;
                    case "custom" -> vnetMode(vnet);
                    default -> NicMode.OTHER;
                };
                if (t.equals("custom") && vnet != null) {
                    raw = "custom/" + vnet;
                    attachment = vnet;
                }
            }
            String mac = vmx.get(p + "address") != null ? vmx.get(p + "address") : vmx.get(p + "generatedaddress");
            String start = vmx.get(p + "startconnected");
            nics.add(new VmNic(i, mode, raw, attachment, mac, start == null ? null : isTrue(start)));
        }
        return nics;
    }

    /** VMware's default virtual networks: VMnet0 bridged, VMnet1 host-only, VMnet8 NAT; others are custom. */
    static NicMode vnetMode(String vnet) {
        if (vnet == null) {
            return NicMode.OTHER;
        }
        String v = vnet.strip().toLowerCase(Locale.ROOT).replace("/dev/", "");
        return switch (v) {
            case "vmnet0" -> NicMode.BRIDGED;
            case "vmnet1" -> NicMode.HOST_ONLY;
            case "vmnet8" -> NicMode.NAT;
            default -> NicMode.OTHER;
        };
    }

    /** Hard disk slots and their .vmdk file names (CD/DVD and ISO images left out). */
    public static Map<String, String> disks(Map<String, String> vmx) {
        Map<String, String> disks = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : vmx.entrySet()) {
            Matcher m = DISK.matcher(e.getKey());
            if (!m.matches()) {
                continue;
            }
            String slot = m.group(1);
            String present = vmx.get(slot + ".present");
            String device = vmx.get(slot + ".devicetype");
            String file = e.getValue();
            if (present != null && !isTrue(present)) {
                continue;
            }
            if (device != null && (device.toLowerCase(Locale.ROOT).contains("cdrom") || device.toLowerCase(Locale.ROOT).contains("atapi"))) {
                continue;
            }
            if (file == null || file.isBlank() || file.toLowerCase(Locale.ROOT).endsWith(".iso")
                    || file.equalsIgnoreCase("auto detect")) {
                continue;
            }
            disks.put(slot, file);
        }
        return disks;
    }

    /** uuid.bios "56 4d 12 34 …-… 9a" as "564d1234…9a" */
    public static String uuid(String bios) {
        if (bios == null || bios.isBlank()) {
            return null;
        }
        return bios.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
    }
}
