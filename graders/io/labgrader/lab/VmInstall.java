package io.labgrader.lab;

import io.labgrader.evidence.vm.BootSign;
import io.labgrader.evidence.vm.VmDisk;
import io.labgrader.evidence.vm.VmSummary;

import java.util.Objects;

/**
 * Whether a VM's guest is really installed and has run: the guest's own report (only an OS running in the VM
 * reports through Guest Additions, VMware Tools, the guest agent, KVP or Multipass), or, without one, traces of a
 * start together with a disk that holds an installed system. The OS type chosen in a wizard proves neither.
 */
record VmInstall(Kind kind, Long diskBytes) {

    enum Kind {
        /** the guest reported itself */
        GUEST_REPORT,
        /** it ran, and its disk holds at least the minimum an installed system takes */
        STARTED_WITH_DISK,
        /** never started: no trace at all */
        NEVER_STARTED,
        /** started, but its disk holds too little for an installed system (a live ISO, an aborted installation) */
        DISK_TOO_SMALL,
        /** started, but no report, and how much its disk holds is unknown */
        NO_PROOF
    }

    boolean installed() {
        return kind == Kind.GUEST_REPORT || kind == Kind.STARTED_WITH_DISK;
    }

    static VmInstall of(VmSummary vm, long minDiskBytes) {
        Long disk = allocated(vm);
        if (vm.guest() != null) {
            return new VmInstall(Kind.GUEST_REPORT, disk);
        }
        boolean started = vm.everUp() || vm.bootSigns().stream().anyMatch(b -> b.kind() == BootSign.Kind.RUNNING
                || b.kind() == BootSign.Kind.STARTED);
        if (!started) {
            return new VmInstall(Kind.NEVER_STARTED, disk);
        }
        if (disk == null) {
            return new VmInstall(Kind.NO_PROOF, null);
        }
        return new VmInstall(disk >= minDiskBytes ? Kind.STARTED_WITH_DISK : Kind.DISK_TOO_SMALL, disk);
    }

    /** What the VM's disks take together, or null if no disk says. */
    static Long allocated(VmSummary vm) {
        return vm.disks().stream().map(VmDisk::allocatedBytes).filter(Objects::nonNull).reduce(Long::sum).orElse(null);
    }
}
