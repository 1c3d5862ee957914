package io.labgrader.evidence.vm;

import io.labgrader.evidence.Observation;

import java.time.Instant;

/**
 * A hypervisor was found installed on the machine.
 *
 * @param hypervisor one of {@link HypervisorIds}
 * @param product    the product as it names itself, e.g. "Oracle VirtualBox", "VMware Fusion", "libvirt"
 * @param version    its version, if it could be read ("7.1.4", "libvirt 9.0.0, QEMU 7.2.22")
 * @param location   where it was found: the executable or settings file (home folders redacted)
 * @param how        how it was found, e.g. "VBoxManage --version", "VirtualBox.xml", "/etc/vmware/config"
 */
public record HypervisorObserved(Instant at, String source, String hypervisor, String product, String version,
                                 String location, String how) implements Observation {
}
