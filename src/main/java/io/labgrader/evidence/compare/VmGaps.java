package io.labgrader.evidence.compare;

import io.labgrader.evidence.vm.HypervisorIds;

import java.util.List;

/**
 * What each hypervisor's tools do not offer for the comparison, said in the report instead of a guessed figure.
 * Each is a key of the lab's bundle, "compare.gap." + what + "." + the hypervisor's id, or ".other" for a hypervisor
 * without a text of its own. From the tools' sources and manuals:
 * <ul>
 *   <li>VirtualBox: {@code showvminfo --machinereadable} gives VMStateChangeTime, the time of the last state change,
 *   not how long a boot took. The Guest Additions' VBoxService (VBoxServiceVMInfo.cpp) writes
 *   /VirtualBox/GuestInfo/OS/{Product,Release,Version,ServicePack}, logged-in users and network facts, but no
 *   uptime; GuestAdditionsRunLevel says how far they came (1 system, 2 userland, 3 desktop). The guest's memory use
 *   is only in {@code VBoxManage metrics} (Guest/RAM/Usage/*) after {@code metrics setup}.</li>
 *   <li>libvirt: {@code virsh dominfo} and {@code domstate} give no start time; the QEMU guest agent's
 *   {@code guestinfo --os} gives the kernel, no uptime; the guest's memory use needs a balloon driver
 *   ({@code virsh dommemstat}).</li>
 *   <li>VMware: {@code vmrun list} and the .vmx give no start time; vmware.log's time is its last write;
 *   guestInfo.detailed.data holds the guest's OS and kernel, no uptime and no memory use.</li>
 * </ul>
 */
final class VmGaps {

    private VmGaps() {
    }

    static MessageKey startDuration(String hypervisor) {
        return gap("startDuration", hypervisor, HypervisorIds.VIRTUALBOX, HypervisorIds.LIBVIRT, HypervisorIds.VMWARE);
    }

    static MessageKey guestMemory(String hypervisor) {
        return gap("guestMemory", hypervisor, HypervisorIds.VIRTUALBOX, HypervisorIds.LIBVIRT, HypervisorIds.VMWARE);
    }

    static MessageKey noGuest(String hypervisor) {
        return gap("noGuest", hypervisor, HypervisorIds.VIRTUALBOX, HypervisorIds.LIBVIRT, HypervisorIds.VMWARE);
    }

    /** VMware's tools do report the kernel (guestInfo.detailed.data): a VMware guest without one gets the general text. */
    static MessageKey noKernel(String hypervisor) {
        return gap("noKernel", hypervisor, HypervisorIds.VIRTUALBOX, HypervisorIds.LIBVIRT);
    }

    /** The hypervisor's own text where it has one (one of {@code described}), else the general one. */
    private static MessageKey gap(String what, String hypervisor, String... described) {
        String who = hypervisor != null && List.of(described).contains(hypervisor) ? hypervisor : "other";
        return MessageKey.of("gap." + what + "." + who);
    }
}
