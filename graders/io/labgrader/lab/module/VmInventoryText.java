package io.labgrader.lab.module;

import io.labgrader.evidence.vm.VmDisk;
import io.labgrader.evidence.vm.VmNic;
import io.labgrader.evidence.vm.VmSummary;
import io.labgrader.lab.LabText;
import io.labgrader.rubric.LocalizedText.Language;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The VM inventory's words in the reader's language, from the lab's bundle: a VM's state, disks and network, and its
 * one-line summary. The hypervisor's own words (a raw state such as "poweroff", a network's name) stay as they are.
 * In English the same text as {@link VmSummary#text()}, which report.json keeps in every language.
 */
final class VmInventoryText {

    private VmInventoryText() {
    }

    static String get(Language language, String key, Object... args) {
        return LabText.BUNDLE.get(language, "vms." + key, args);
    }

    /** "VirtualBox 7.1.4 · 'ubuntu' · running · declared Ubuntu (64-bit) · guest … · 4096 MB · 2 CPUs · disks … · network …" */
    static String line(VmSummary vm, Language language) {
        return get(language, "line", vm.hypervisorLabel(), vm.name(), state(vm, language), vm.declaredOsText(),
                vm.guestOs() == null ? "-" : vm.guestOs(), vm.memoryMb() == null ? "?" : vm.memoryMb().toString(),
                (vm.cpus() == null ? "?" : vm.cpus().toString()) + (Integer.valueOf(1).equals(vm.cpus()) ? " CPU" : " CPUs"),
                disks(vm, language), nics(vm, language));
    }

    /** "running", or "poweroff (off)" when the hypervisor's word differs */
    static String state(VmSummary vm, Language language) {
        String word = get(language, "state." + vm.state().name());
        String raw = vm.rawState();
        if (raw == null || raw.isBlank() || raw.equalsIgnoreCase(vm.state().word()) || raw.equalsIgnoreCase(word)) {
            return word;
        }
        return raw + " (" + word + ")";
    }

    static String disks(VmSummary vm, Language language) {
        return joined(vm.disks(), d -> disk(d, language), language);
    }

    static String nics(VmSummary vm, Language language) {
        return joined(vm.nics(), n -> nic(n, language), language);
    }

    private static <T> String joined(List<T> items, Function<T, String> text, Language language) {
        return items.isEmpty() ? get(language, "none") : items.stream().map(text).collect(Collectors.joining("; "));
    }

    private static String disk(VmDisk d, Language language) {
        StringBuilder s = new StringBuilder(d.format() == null ? get(language, "disk") : d.format());
        if (d.capacityBytes() != null) {
            s.append(' ').append(VmSummary.bytes(d.capacityBytes()));
        }
        if (d.allocatedBytes() != null) {
            s.append(' ').append(get(language, "disk.used", VmSummary.bytes(d.allocatedBytes())));
        }
        return s.toString();
    }

    private static String nic(VmNic n, Language language) {
        StringBuilder s = new StringBuilder().append(n.index()).append(": ")
                .append(get(language, "nic." + n.mode().name().toUpperCase(Locale.ROOT)));
        if (n.attachment() != null && !n.attachment().isBlank()) {
            s.append(" (").append(n.attachment()).append(')');
        }
        if (Boolean.FALSE.equals(n.connected())) {
            s.append(get(language, "nic.disconnected"));
        }
        return s.toString();
    }
}
