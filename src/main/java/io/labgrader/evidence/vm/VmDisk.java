package io.labgrader.evidence.vm;

/**
 * One virtual hard disk of a VM.
 *
 * @param name           the controller slot or target ("SATA Controller-0-0", "sda", "nvme0:0")
 * @param format         the image format as the hypervisor names it ("VDI", "VMDK", "qcow2", "VHDX"…)
 * @param capacityBytes  the disk's size as the guest sees it, if known
 * @param allocatedBytes what the image takes on the host (with its snapshot chain), if known; a freshly created
 *                       dynamic disk takes almost nothing, an installed Ubuntu several GB
 * @param location       the image file (home folders are redacted when written to evidence)
 */
public record VmDisk(String name, String format, Long capacityBytes, Long allocatedBytes, String location) {
}
