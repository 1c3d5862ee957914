package io.labgrader.probe.vm;

import io.labgrader.evidence.vm.NicMode;
import io.labgrader.evidence.vm.VmNic;
import io.labgrader.evidence.vm.VmState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static io.labgrader.probe.vm.VmTestKit.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Outputs captured from libvirt 9.0.0 / QEMU 7.2 on Debian 12 (this project's test machines). */
@DisplayName("format test: virsh (libvirt 9)")
class LibvirtFormatTest {

    @Test
    @DisplayName("format test: virsh version")
    void version() {
        assertThat(VirshParser.version(fixture("libvirt/version.txt"))).isEqualTo("libvirt 9.0.0, QEMU 7.2.22");
    }

    @Test
    @DisplayName("format test: virsh list --all --name and domstate --reason (\"shut off\" is two words)")
    void listAndState() {
        assertThat(VirshParser.names(fixture("libvirt/list-name.txt"))).containsExactly("ubuntu-lab");
        VirshParser.DomState off = VirshParser.domstate(fixture("libvirt/domstate-shutoff.txt"));
        assertThat(off).isEqualTo(new VirshParser.DomState("shut off", "unknown"));
        assertThat(VirshParser.state(off.state())).isEqualTo(VmState.OFF);
        VirshParser.DomState running = VirshParser.domstate(fixture("libvirt/domstate-running.txt"));
        assertThat(VirshParser.state(running.state())).isEqualTo(VmState.RUNNING);
        assertThat(VirshParser.state("in shutdown")).isEqualTo(VmState.STOPPING);
    }

    @Test
    @DisplayName("format test: virsh dumpxml with libosinfo metadata, two interfaces, a disk and a CD-ROM")
    void dumpxml() throws Exception {
        VirshParser.Domain d = VirshParser.domain(fixture("libvirt/dumpxml-ubuntu-lab.xml"));
        assertThat(d.name()).isEqualTo("ubuntu-lab");
        assertThat(d.uuid()).isEqualTo("a5fdd6bb-92ba-4a7b-90f2-09368132a58c");
        assertThat(d.osinfo()).isEqualTo("http://ubuntu.com/ubuntu/24.04");
        assertThat(LibvirtProbe.osinfoName(d.osinfo())).isEqualTo("ubuntu 24.04");
        assertThat(LibvirtProbe.osinfoName("http://libosinfo.org/linux/2022")).isEqualTo("linux 2022");
        assertThat(LibvirtProbe.osinfoName("http://microsoft.com/win/11")).isEqualTo("win 11");
        assertThat(d.memoryKib()).isEqualTo(4194304L);
        assertThat(d.vcpus()).isEqualTo(2);
        assertThat(d.interfaces()).extracting(VirshParser.Interface::type, VirshParser.Interface::source)
                .containsExactly(tuple("network", "default"), tuple("network", "lab-isolated"));
        assertThat(d.disks()).extracting(VirshParser.Disk::target, VirshParser.Disk::format)
                .containsExactly(tuple("vda", "qcow2"));
        assertThat(d.guestAgentChannel()).isTrue();
    }

    @Test
    @DisplayName("format test: net-dumpxml: forward mode nat is NAT, no forward is isolated (host-only)")
    void networks() throws Exception {
        VirshParser.Network nat = VirshParser.network(fixture("libvirt/net-dumpxml-default.xml"));
        assertThat(nat).isEqualTo(new VirshParser.Network("default", "virbr0", "nat", NicMode.NAT));
        VirshParser.Network isolated = VirshParser.network(fixture("libvirt/net-dumpxml-isolated.xml"));
        assertThat(isolated.mode()).isEqualTo(NicMode.HOST_ONLY);
        assertThat(isolated.forward()).isEqualTo("(none)");
        assertThat(VirshParser.network("<network><name>r</name><forward mode='route'/></network>").mode()).isEqualTo(NicMode.OTHER);
        assertThat(VirshParser.network("<network><name>b</name><forward mode='bridge'/><bridge name='br0'/></network>").mode())
                .isEqualTo(NicMode.BRIDGED);
    }

    @Test
    @DisplayName("format test: interfaces of type user, bridge and direct")
    void interfaceTypes() {
        VmNic user = LibvirtProbe.nic(0, new VirshParser.Interface("user", null, "52:54:00:aa:bb:cc", null, null), null);
        assertThat(user.mode()).isEqualTo(NicMode.NAT);
        VmNic direct = LibvirtProbe.nic(1, new VirshParser.Interface("direct", "enp3s0", null, null, "down"), null);
        assertThat(direct.mode()).isEqualTo(NicMode.BRIDGED);
        assertThat(direct.connected()).isFalse();
    }

    @Test
    @DisplayName("format test: domblkinfo and guestinfo --os (QEMU guest agent)")
    void blkAndGuest() {
        assertThat(VirshParser.blkinfo(fixture("libvirt/domblkinfo-vda.txt"))).containsEntry("Capacity", 21474836480L)
                .containsKey("Allocation");
        assertThat(VirshParser.guestinfo(fixture("libvirt/guestinfo-os.txt")))
                .containsEntry("os.id", "ubuntu").containsEntry("os.pretty-name", "Ubuntu 24.04.1 LTS")
                .containsEntry("os.version-id", "24.04")
                .containsEntry("os.kernel-version", "#48-Ubuntu SMP PREEMPT_DYNAMIC Fri Sep 27 14:04:52 UTC 2024");
    }

    @Test
    @DisplayName("format test: domain XML with a DOCTYPE or external entity is refused")
    void xxe() {
        assertThatThrownBy(() -> VirshParser.domain("<?xml version='1.0'?><!DOCTYPE d [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><domain><name>&x;</name></domain>"))
                .isInstanceOf(SafeXml.XmlException.class);
    }
}
