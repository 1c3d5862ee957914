package io.labgrader.evidence.vm;

/**
 * One network adapter of a VM.
 *
 * @param index      the adapter's number as the hypervisor counts it (VirtualBox nic1 = 1, VMware ethernet0 = 0)
 * @param mode       the attachment, the same for every hypervisor
 * @param rawMode    the hypervisor's own word, e.g. "hostonly", "custom/VMnet8", "network/default (forward nat)"
 * @param attachment what it is attached to: host interface, network or switch name, if any
 * @param mac        the MAC address as the hypervisor wrote it, if known
 * @param connected  whether the virtual cable is connected (null if the hypervisor does not say)
 */
public record VmNic(int index, NicMode mode, String rawMode, String attachment, String mac, Boolean connected) {
}
