package io.labgrader.evidence.compare;

import io.labgrader.evidence.compare.Figure.Unit;
import io.labgrader.evidence.vm.BootSign;
import io.labgrader.evidence.vm.VmDisk;
import io.labgrader.evidence.vm.VmInventory;
import io.labgrader.evidence.vm.VmSummary;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The VM's side of the comparison: what the hypervisor and the guest's own tools reported, for the VM the student
 * most evidently used (seen running, with a guest report, seen last). Where a tool offers no figure, the note says
 * so ({@link VmGaps}).
 */
final class VmFigures {

    static final String LAST_START = "vm.last-start";
    static final String GUEST = "vm.guest-report";
    static final String MEMORY = "vm.memory";
    static final String GUEST_MEMORY = "vm.memory.guest";
    static final String CPUS = "vm.cpus";
    static final String DISK_CAPACITY = "vm.disk.capacity";
    static final String DISK_ALLOCATED = "vm.disk.allocated";
    static final String KERNEL = "vm.kernel";

    private final VmSummary vm;

    VmFigures(VmInventory inventory) {
        this.vm = inventory.vms().stream().max(Comparator.comparing(VmSummary::everUp)
                .thenComparing(v -> v.guest() != null).thenComparing(VmSummary::lastSeen)).orElse(null);
    }

    /** The last start the hypervisor shows a trace of, and when the guest's tools last reported. */
    List<Figure> start() {
        String de = "Letzter Start";
        String en = "Last start";
        if (vm == null) {
            return List.of(none(LAST_START, de, en), none(GUEST, "Gast meldete sich", "Guest reported"));
        }
        // a running VM's own state change time (VirtualBox's VMStateChangeTime) is its start; else the latest trace
        Optional<BootSign> timed = vm.bootSigns().stream().filter(s -> s.when() != null).max(Comparator
                .comparing((BootSign s) -> s.kind() == BootSign.Kind.RUNNING).thenComparing(BootSign::when));
        Optional<BootSign> running = vm.bootSigns().stream().filter(s -> s.kind() == BootSign.Kind.RUNNING).findFirst();
        Figure start;
        if (timed.isPresent()) {
            start = Figure.text(LAST_START, de, en, vm.name(), timed.get().when().toString(), Unit.TIME,
                    vm.hypervisorName() + ": " + timed.get().detail(), timed.get().when());
        } else if (running.isPresent()) {
            start = Figure.text(LAST_START, de, en, vm.name(), vm.lastSeen().toString(), Unit.SEEN_RUNNING,
                    vm.hypervisorName() + ": " + running.get().detail(), vm.lastSeen());
        } else {
            start = Figure.missing(LAST_START, de, en, "Die VM hinterließ keine Spur eines Starts.",
                    "The VM left no trace of a start.");
        }
        String[] gap = VmGaps.startDuration(vm.hypervisor());
        start = start.withNote(gap[0], gap[1]);
        Figure guest = vm.guest() == null
                ? Figure.missing(GUEST, "Gast meldete sich", "Guest reported", VmGaps.noGuest(vm.hypervisor())[0], VmGaps.noGuest(vm.hypervisor())[1])
                : Figure.text(GUEST, "Gast meldete sich", "Guest reported", vm.name(), guestTools(), Unit.TEXT,
                        vm.guest().via(), vm.guestSeenAt());
        return List.of(start, guest);
    }

    /** The memory the VM reserves, and what the guest uses where the tool reports it (none that labgrader reads). */
    List<Figure> memory() {
        String de = "Reservierter Speicher";
        String en = "Memory reserved";
        if (vm == null) {
            return List.of(none(MEMORY, de, en), none(GUEST_MEMORY, "Vom Gast genutzt", "Used by the guest"));
        }
        Figure reserved = vm.memoryMb() == null ? Figure.missing(MEMORY, de, en, "Der Hypervisor nannte keinen Speicher.",
                "The hypervisor named no memory.")
                : Figure.number(MEMORY, de, en, vm.name(), vm.memoryMb() * 1024.0 * 1024, Unit.BYTES, via(), vm.lastSeen());
        String[] gap = VmGaps.guestMemory(vm.hypervisor());
        return List.of(reserved, Figure.missing(GUEST_MEMORY, "Vom Gast genutzt", "Used by the guest", gap[0], gap[1]));
    }

    Figure cpus() {
        String de = "Virtuelle CPUs";
        String en = "Virtual CPUs";
        if (vm == null || vm.cpus() == null) {
            return vm == null ? none(CPUS, de, en) : Figure.missing(CPUS, de, en, "Der Hypervisor nannte keine CPUs.", "The hypervisor named no CPUs.");
        }
        return Figure.number(CPUS, de, en, vm.name(), vm.cpus(), Unit.CPUS, via(), vm.lastSeen());
    }

    /** The virtual disks' size as the guest sees it, and what they take on the host. */
    List<Figure> disks() {
        return List.of(diskSum(DISK_CAPACITY, "Festplatten: Größe", "Disks: size", VmDisk::capacityBytes),
                diskSum(DISK_ALLOCATED, "Festplatten: belegt auf dem Host", "Disks: taken on the host", VmDisk::allocatedBytes));
    }

    private Figure diskSum(String key, String de, String en, Function<VmDisk, Long> size) {
        if (vm == null) {
            return none(key, de, en);
        }
        List<Long> sizes = vm.disks().stream().map(size).toList();
        if (sizes.isEmpty() || sizes.contains(null)) {
            return Figure.missing(key, de, en, "Nicht für jede Festplatte gemeldet.", "Not reported for every disk.");
        }
        return Figure.number(key, de, en, vm.name(), sizes.stream().mapToLong(Long::longValue).sum(), Unit.BYTES, via(), vm.lastSeen());
    }

    /** The kernel the guest reports of itself: its own, not the host's. */
    Figure kernel() {
        String de = "Kernel";
        String en = "Kernel";
        if (vm == null) {
            return none(KERNEL, de, en);
        }
        String kernel = vm.guest() == null ? null : vm.guest().kernelRelease() != null ? vm.guest().kernelRelease() : vm.guest().kernelVersion();
        if (kernel == null || kernel.isBlank()) {
            String[] gap = VmGaps.noKernel(vm.hypervisor());
            return Figure.missing(KERNEL, de, en, gap[0], gap[1]);
        }
        return Figure.text(KERNEL, de, en, vm.name(), kernel, Unit.TEXT, vm.guest().via(), vm.guestSeenAt())
                .withNote("der eigene Kernel des Gastes, wie er ihn selbst meldet", "the guest's own kernel, as it reports it");
    }

    private String guestTools() {
        String runLevel = vm.guest().properties().get("GuestAdditionsRunLevel");
        return runLevel == null ? vm.guest().via() : vm.guest().via() + ", run level " + runLevel;
    }

    private String via() {
        return vm.hypervisorLabel() + (vm.via().isEmpty() ? "" : ": " + vm.via().get(0));
    }

    private static Figure none(String key, String de, String en) {
        return Figure.missing(key, de, en, "Keine VM gefunden.", "No VM found.");
    }
}
