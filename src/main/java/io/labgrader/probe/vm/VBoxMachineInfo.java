package io.labgrader.probe.vm;

import io.labgrader.evidence.vm.NicMode;
import io.labgrader.evidence.vm.VmNic;
import io.labgrader.evidence.vm.VmState;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What VirtualBox says about one machine: its state word, and the adapters and attached media of a
 * {@code showvminfo --machinereadable} map (read into a map by {@link VBoxManageParser#machineReadable}). Pure functions.
 */
public final class VBoxMachineInfo {

    private VBoxMachineInfo() {
    }

    public static VmState state(String vmState) {
        if (vmState == null) {
            return VmState.UNKNOWN;
        }
        return switch (vmState.strip().toLowerCase(Locale.ROOT)) {
            case "running", "teleporting", "livesnapshotting" -> VmState.RUNNING;
            case "paused", "onlinesnapshotting" -> VmState.PAUSED;
            case "saved" -> VmState.SAVED;
            case "poweroff", "powered off", "teleported" -> VmState.OFF;
            case "aborted", "aborted-saved", "stuck", "gurumeditation" -> VmState.ABORTED;
            case "starting", "restoring" -> VmState.STARTING;
            case "stopping", "saving" -> VmState.STOPPING;
            default -> VmState.UNKNOWN;
        };
    }

    /** The adapters of a {@code showvminfo --machinereadable} map; disabled ones ({@code nicN="none"}) are left out. */
    public static List<VmNic> nics(Map<String, String> info) {
        List<VmNic> nics = new ArrayList<>();
        for (int i = 1; i <= 36; i++) {
            String mode = info.get("nic" + i);
            if (mode == null || mode.equals("none")) {
                continue;
            }
            String attachment = switch (mode) {
                case "nat" -> info.get("natnet" + i);
                case "bridged" -> info.get("bridgeadapter" + i);
                case "intnet" -> info.get("intnet" + i);
                case "hostonly" -> info.get("hostonlyadapter" + i);
                case "natnetwork" -> info.get("nat-network" + i);
                case "hostonlynetwork" -> info.get("hostonly-network" + i);
                case "cloudnetwork" -> info.get("cloud-network" + i);
                case "Generic" -> info.get("generic" + i);
                default -> null;
            };
            if ("nat".equals(attachment)) {
                attachment = null; // natnetN="nat" is the default NAT engine, not a named network
            }
            String cable = info.get("cableconnected" + i);
            nics.add(new VmNic(i, nicMode(mode), mode, attachment, info.get("macaddress" + i),
                    cable == null ? null : cable.equals("on")));
        }
        return nics;
    }

    /** A NIC attachment word of showvminfo ("nat", "hostonly"…) or of the .vbox element ("NAT", "HostOnlyInterface"…). */
    public static NicMode nicMode(String mode) {
        return switch (mode) {
            case "nat", "NAT" -> NicMode.NAT;
            case "natnetwork", "NATNetwork" -> NicMode.NAT_NETWORK;
            case "bridged", "BridgedInterface" -> NicMode.BRIDGED;
            case "hostonly", "hostonlynetwork", "HostOnlyInterface", "HostOnlyNetwork" -> NicMode.HOST_ONLY;
            case "intnet", "InternalNetwork" -> NicMode.INTERNAL;
            case "null" -> NicMode.NONE;
            default -> NicMode.OTHER;
        };
    }

    /**
     * Attached media of a {@code showvminfo --machinereadable} map: {@code "<controller>-<port>-<device>"="path"}
     * with {@code "<controller>-ImageUUID-<port>-<device>"="uuid"}; empty drives say "none" or "emptydrive".
     */
    public static List<Attached> attachments(Map<String, String> info) {
        List<String> controllers = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            String name = info.get("storagecontrollername" + i);
            if (name != null) {
                controllers.add(name);
            }
        }
        List<Attached> result = new ArrayList<>();
        for (Map.Entry<String, String> e : info.entrySet()) {
            for (String ctl : controllers) {
                String prefix = ctl + "-";
                String key = e.getKey();
                if (!key.startsWith(prefix)) {
                    continue;
                }
                String slot = key.substring(prefix.length());
                if (!slot.matches("\\d+-\\d+")) {
                    continue;
                }
                String value = e.getValue();
                if (value == null || value.isBlank() || value.equals("none") || value.equals("emptydrive")
                        || value.startsWith("host:")) {
                    continue;
                }
                String uuid = info.get(ctl + "-ImageUUID-" + slot);
                result.add(new Attached(key, value, uuid == null ? null : uuid.toLowerCase(Locale.ROOT)));
            }
        }
        return result;
    }

    /** One attached medium: slot ("SATA Controller-0-0"), image path, image UUID. */
    public record Attached(String slot, String path, String uuid) {

        /** Optical and floppy images are not hard disks. */
        public boolean isHardDisk() {
            String p = path.toLowerCase(Locale.ROOT);
            return !(p.endsWith(".iso") || p.endsWith(".dmg") || p.endsWith(".cdr") || p.endsWith(".img")
                    || p.endsWith(".vfd") || p.endsWith(".flp"));
        }
    }
}
