package io.labgrader.lab;

import io.labgrader.evidence.vm.HypervisorIds;
import io.labgrader.evidence.vm.NicMode;
import io.labgrader.grading.CriterionContext;
import io.labgrader.grading.NotGradableException;
import io.labgrader.rubric.LocalizedText;

import java.util.ArrayList;
import java.util.List;

/** The VM criteria's params, with the lab's defaults where rubric.yml says nothing. */
final class VmParams {

    /** "Install VirtualBox or VMware", as the lab says. */
    static final List<String> DEFAULT_HYPERVISORS = List.of(HypervisorIds.VIRTUALBOX, HypervisorIds.VMWARE);
    static final List<NicMode> DEFAULT_MODES = List.of(NicMode.NAT, NicMode.NAT_NETWORK, NicMode.BRIDGED, NicMode.HOST_ONLY);
    /** An installed minimal Ubuntu takes a few GB; a fresh dynamic disk a few MB, a booted live ISO next to nothing. */
    static final long DEFAULT_MIN_INSTALLED_DISK_MB = 2048;

    private VmParams() {
    }

    /** {@code hypervisors: [virtualbox, vmware]}, also a comma-separated text; names like "KVM" or "Hyper-V" are understood. */
    static List<String> hypervisors(CriterionContext ctx) {
        List<String> names = strings(ctx, "hypervisors");
        if (names == null) {
            return DEFAULT_HYPERVISORS;
        }
        List<String> ids = new ArrayList<>();
        for (String n : names) {
            String id = HypervisorIds.normalize(n);
            if (id == null) {
                throw misconfigured(ctx, "param 'hypervisors' names an unknown hypervisor '" + n + "' (known: "
                        + String.join(", ", HypervisorIds.ALL) + ")");
            }
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        if (ids.isEmpty()) {
            throw misconfigured(ctx, "param 'hypervisors' is empty");
        }
        return ids;
    }

    /** {@code modes: [nat, nat-network, bridged, host-only]} */
    static List<NicMode> modes(CriterionContext ctx) {
        List<String> names = strings(ctx, "modes");
        if (names == null) {
            return DEFAULT_MODES;
        }
        List<NicMode> modes = new ArrayList<>();
        for (String n : names) {
            NicMode m = NicMode.parse(n);
            if (m == null) {
                throw misconfigured(ctx, "param 'modes' names an unknown network mode '" + n
                        + "' (known: nat, nat-network, bridged, host-only, internal)");
            }
            modes.add(m);
        }
        if (modes.isEmpty()) {
            throw misconfigured(ctx, "param 'modes' is empty");
        }
        return modes;
    }

    static long minInstalledDiskBytes(CriterionContext ctx) {
        Object v = ctx.params().values().get("minInstalledDiskMb");
        return (v == null ? DEFAULT_MIN_INSTALLED_DISK_MB : ctx.params().integer("minInstalledDiskMb")) * 1024L * 1024L;
    }

    private static List<String> strings(CriterionContext ctx, String key) {
        Object v = ctx.params().values().get(key);
        if (v == null) {
            return null;
        }
        List<String> result = new ArrayList<>();
        if (v instanceof List<?> list) {
            for (Object o : list) {
                result.add(String.valueOf(o).trim());
            }
        } else {
            for (String s : String.valueOf(v).split(",")) {
                if (!s.isBlank()) {
                    result.add(s.trim());
                }
            }
        }
        return result;
    }

    private static NotGradableException misconfigured(CriterionContext ctx, String problem) {
        String id = ctx.criterion().id();
        return new NotGradableException(io.labgrader.rubric.Messages.CORE.text("grading.misconfigured", id, problem));
    }
}
