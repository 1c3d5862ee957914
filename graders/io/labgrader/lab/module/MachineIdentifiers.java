package io.labgrader.lab.module;

import io.labgrader.evidence.Observation;
import io.labgrader.evidence.docker.ContainerEventObserved;
import io.labgrader.evidence.docker.ContainerObserved;
import io.labgrader.evidence.docker.ContainersListed;
import io.labgrader.evidence.docker.EngineObserved;
import io.labgrader.evidence.http.HttpProbed;
import io.labgrader.evidence.vm.VmObserved;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The identifiers of a student's machine in the lab's evidence, which collusion detection compares across students:
 * container IDs, the Docker daemon ID, VM UUIDs and MAC addresses, each as "kind:value".
 */
final class MachineIdentifiers {

    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern HEX32 = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern HEX12 = Pattern.compile("[0-9a-f]{12}");

    private MachineIdentifiers() {
    }

    static Set<String> of(List<Observation> observations) {
        Set<String> fingerprints = new TreeSet<>();
        for (Observation o : observations) {
            identifiers(o, fingerprints);
        }
        return fingerprints;
    }

    /**
     * The machine identifiers an observation holds. Names, images and ports are not identifiers: every student of
     * the lab shares them.
     */
    private static void identifiers(Observation o, Set<String> into) {
        if (o instanceof EngineObserved e) {
            daemon(e.daemonId(), into);
        } else if (o instanceof ContainerObserved c) {
            container(c.id(), into);
        } else if (o instanceof ContainerEventObserved e) {
            container(e.containerId(), into);
        } else if (o instanceof HttpProbed h) {
            container(h.containerId(), into);
        } else if (o instanceof ContainersListed l) {
            l.containers().forEach(c -> container(c.id(), into));
        } else if (o instanceof VmObserved v) {
            vmUuid(v.uuid(), into);
            if (v.nics() != null) {
                v.nics().forEach(nic -> mac(nic.mac(), into));
            }
        }
    }

    /** The same form as the manifest's daemon ID, which the batch adds itself (the manifest is the engine's). */
    private static void daemon(String id, Set<String> into) {
        if (id != null && id.trim().length() >= 8) {
            into.add("daemon:" + id.trim().toLowerCase(Locale.ROOT));
        }
    }

    private static void container(String id, Set<String> into) {
        if (id != null && HEX64.matcher(id.trim().toLowerCase(Locale.ROOT)).matches()) {
            into.add("container:" + id.trim().toLowerCase(Locale.ROOT));
        }
    }

    /** VirtualBox, libvirt and Hyper-V UUIDs, and VMware's uuid.bios ("56 4d 12 … -… "); not .vmx paths. */
    private static void vmUuid(String uuid, Set<String> into) {
        if (uuid == null) {
            return;
        }
        String hex = uuid.toLowerCase(Locale.ROOT).replaceAll("[\\s\\-{}]", "");
        if (HEX32.matcher(hex).matches() && !hex.matches("0+|f+")) {
            into.add("vm:" + hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                    + hex.substring(16, 20) + "-" + hex.substring(20));
        }
    }

    private static void mac(String mac, Set<String> into) {
        if (mac == null) {
            return;
        }
        String hex = mac.toLowerCase(Locale.ROOT).replaceAll("[\\s:.\\-]", "");
        if (HEX12.matcher(hex).matches() && !hex.matches("0+|f+")) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < 12; i += 2) {
                s.append(i == 0 ? "" : ":").append(hex, i, i + 2);
            }
            into.add("mac:" + s);
        }
    }
}
