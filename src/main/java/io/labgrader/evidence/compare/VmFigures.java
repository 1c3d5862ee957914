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
        MessageKey label = MessageKey.label(LAST_START);
        if (vm == null) {
            return List.of(none(LAST_START), none(GUEST));
        }
        // a running VM's own state change time (VirtualBox's VMStateChangeTime) is its start; else the latest trace
        Optional<BootSign> timed = vm.bootSigns().stream().filter(s -> s.when() != null).max(Comparator
                .comparing((BootSign s) -> s.kind() == BootSign.Kind.RUNNING).thenComparing(BootSign::when));
        Optional<BootSign> running = vm.bootSigns().stream().filter(s -> s.kind() == BootSign.Kind.RUNNING).findFirst();
        Figure start;
        if (timed.isPresent()) {
            start = Figure.text(LAST_START, label, vm.name(), timed.get().when().toString(), Unit.TIME,
                    vm.hypervisorName() + ": " + timed.get().detail(), timed.get().when());
        } else if (running.isPresent()) {
            start = Figure.text(LAST_START, label, vm.name(), vm.lastSeen().toString(), Unit.SEEN_RUNNING,
                    vm.hypervisorName() + ": " + running.get().detail(), vm.lastSeen());
        } else {
            start = Figure.missing(LAST_START, label, null);
        }
        // what the hypervisor does not offer about starts is the note, whether or not a start left a trace
        start = start.withNote(VmGaps.startDuration(vm.hypervisor()));
        Figure guest = vm.guest() == null
                ? Figure.missing(GUEST, MessageKey.label(GUEST), VmGaps.noGuest(vm.hypervisor()))
                : Figure.text(GUEST, MessageKey.label(GUEST), vm.name(), guestTools(), Unit.TEXT,
                        vm.guest().via(), vm.guestSeenAt());
        return List.of(start, guest);
    }

    /** The memory the VM reserves, and what the guest uses where the tool reports it (none that labgrader reads). */
    List<Figure> memory() {
        if (vm == null) {
            return List.of(none(MEMORY), none(GUEST_MEMORY));
        }
        Figure reserved = vm.memoryMb() == null ? Figure.missing(MEMORY, MessageKey.label(MEMORY), MessageKey.of("missing.vmMemory"))
                : Figure.number(MEMORY, MessageKey.label(MEMORY), vm.name(), vm.memoryMb() * 1024.0 * 1024, Unit.BYTES, via(), vm.lastSeen());
        return List.of(reserved, Figure.missing(GUEST_MEMORY, MessageKey.label(GUEST_MEMORY), VmGaps.guestMemory(vm.hypervisor())));
    }

    Figure cpus() {
        if (vm == null || vm.cpus() == null) {
            return vm == null ? none(CPUS) : Figure.missing(CPUS, MessageKey.label(CPUS), MessageKey.of("missing.vmCpus"));
        }
        return Figure.number(CPUS, MessageKey.label(CPUS), vm.name(), vm.cpus(), Unit.CPUS, via(), vm.lastSeen());
    }

    /** The virtual disks' size as the guest sees it, and what they take on the host. */
    List<Figure> disks() {
        return List.of(diskSum(DISK_CAPACITY, VmDisk::capacityBytes), diskSum(DISK_ALLOCATED, VmDisk::allocatedBytes));
    }

    private Figure diskSum(String key, Function<VmDisk, Long> size) {
        if (vm == null) {
            return none(key);
        }
        List<Long> sizes = vm.disks().stream().map(size).toList();
        if (sizes.isEmpty() || sizes.contains(null)) {
            return Figure.missing(key, MessageKey.label(key), MessageKey.of("missing.disks"));
        }
        return Figure.number(key, MessageKey.label(key), vm.name(), sizes.stream().mapToLong(Long::longValue).sum(), Unit.BYTES, via(), vm.lastSeen());
    }

    /** The kernel the guest reports of itself: its own, not the host's. */
    Figure kernel() {
        if (vm == null) {
            return none(KERNEL);
        }
        String kernel = vm.guest() == null ? null : vm.guest().kernelRelease() != null ? vm.guest().kernelRelease() : vm.guest().kernelVersion();
        if (kernel == null || kernel.isBlank()) {
            return Figure.missing(KERNEL, MessageKey.label(KERNEL), VmGaps.noKernel(vm.hypervisor()));
        }
        return Figure.text(KERNEL, MessageKey.label(KERNEL), vm.name(), kernel, Unit.TEXT, vm.guest().via(), vm.guestSeenAt())
                .withNote(MessageKey.of("note.guestKernel"));
    }

    private String guestTools() {
        String runLevel = vm.guest().properties().get("GuestAdditionsRunLevel");
        return runLevel == null ? vm.guest().via() : vm.guest().via() + ", run level " + runLevel;
    }

    private String via() {
        return vm.hypervisorLabel() + (vm.via().isEmpty() ? "" : ": " + vm.via().get(0));
    }

    private static Figure none(String key) {
        return Figure.missing(key, MessageKey.label(key), MessageKey.of("missing.vm"));
    }
}
