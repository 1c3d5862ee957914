package io.labgrader.evidence.compare;

import io.labgrader.evidence.vm.HypervisorIds;

/**
 * What each hypervisor's tools do not offer for the comparison, said in the report instead of a guessed figure.
 * Each pair is {German, English}. From the tools' sources and manuals:
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

    static String[] startDuration(String hypervisor) {
        return switch (hypervisor == null ? "" : hypervisor) {
            case HypervisorIds.VIRTUALBOX -> pair(
                    "VirtualBox nennt den Zeitpunkt des letzten Zustandswechsels (VMStateChangeTime), keine Startdauer; die Guest Additions melden keine Laufzeit.",
                    "VirtualBox gives the time of the last state change (VMStateChangeTime), not how long the start took; the Guest Additions report no uptime.");
            case HypervisorIds.LIBVIRT -> pair(
                    "libvirt nennt weder Startzeit noch Startdauer, der QEMU-Gastagent keine Laufzeit; die Zeit des QEMU-Logs ist sein letzter Eintrag.",
                    "libvirt gives neither start time nor start duration, the QEMU guest agent no uptime; the QEMU log's time is its last write.");
            case HypervisorIds.VMWARE -> pair(
                    "vmrun und die .vmx-Datei nennen keine Startzeit; die Zeit von vmware.log ist sein letzter Eintrag; VMware Tools melden keine Laufzeit.",
                    "vmrun and the .vmx file give no start time; vmware.log's time is its last write; VMware Tools report no uptime.");
            default -> pair("Der Hypervisor nennt keine Startdauer.", "The hypervisor gives no start duration.");
        };
    }

    static String[] guestMemory(String hypervisor) {
        return switch (hypervisor == null ? "" : hypervisor) {
            case HypervisorIds.VIRTUALBOX -> pair(
                    "Nur über \"VBoxManage metrics\" (Guest/RAM/Usage) nach \"metrics setup\"; labgrader liest es nicht.",
                    "Only through \"VBoxManage metrics\" (Guest/RAM/Usage) after \"metrics setup\"; labgrader does not read it.");
            case HypervisorIds.LIBVIRT -> pair(
                    "Nur mit Balloon-Treiber über \"virsh dommemstat\"; labgrader liest es nicht.",
                    "Only with a balloon driver, through \"virsh dommemstat\"; labgrader does not read it.");
            case HypervisorIds.VMWARE -> pair("VMware meldet den Speicherverbrauch des Gastes nicht.",
                    "VMware does not report the guest's memory use.");
            default -> pair("Wird nicht gemeldet.", "Not reported.");
        };
    }

    static String[] noGuest(String hypervisor) {
        return switch (hypervisor == null ? "" : hypervisor) {
            case HypervisorIds.VIRTUALBOX -> pair("Keine Guest Additions gemeldet (nicht installiert oder die VM lief nicht).",
                    "No Guest Additions reported (not installed, or the VM was not running).");
            case HypervisorIds.LIBVIRT -> pair("Kein QEMU-Gastagent hat geantwortet.", "No QEMU guest agent answered.");
            case HypervisorIds.VMWARE -> pair("Keine Meldung der VMware Tools.", "No report from VMware Tools.");
            default -> pair("Der Gast hat sich nicht gemeldet.", "The guest did not report.");
        };
    }

    static String[] noKernel(String hypervisor) {
        return switch (hypervisor == null ? "" : hypervisor) {
            case HypervisorIds.VIRTUALBOX -> pair("Kein /VirtualBox/GuestInfo/OS/Release: die Guest Additions liefen nicht.",
                    "No /VirtualBox/GuestInfo/OS/Release: the Guest Additions were not running.");
            case HypervisorIds.LIBVIRT -> pair("Kein os.kernel-release: kein QEMU-Gastagent hat geantwortet.",
                    "No os.kernel-release: no QEMU guest agent answered.");
            default -> pair("Der Gast hat keinen Kernel gemeldet.", "The guest reported no kernel.");
        };
    }

    private static String[] pair(String de, String en) {
        return new String[]{de, en};
    }
}
