package io.labgrader.lab;

import io.labgrader.evidence.EvidenceBundle;
import io.labgrader.evidence.Observation;
import io.labgrader.evidence.docker.EngineObserved;
import io.labgrader.evidence.vm.BootSign;
import io.labgrader.evidence.vm.GuestReport;
import io.labgrader.evidence.vm.HypervisorObserved;
import io.labgrader.evidence.vm.NicMode;
import io.labgrader.evidence.vm.VmDisk;
import io.labgrader.evidence.vm.VmInventory;
import io.labgrader.evidence.vm.VmNic;
import io.labgrader.evidence.vm.VmObserved;
import io.labgrader.evidence.vm.VmProbeFailed;
import io.labgrader.evidence.vm.VmState;
import io.labgrader.evidence.vm.VmSummary;
import io.labgrader.probe.vm.VmTestKit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** VmInventory: the VMs found, merged over all checks, as reports show them. */
@DisplayName("VM inventory for reports")
class VmInventoryTest {

    static final Instant RUN1 = Instant.parse("2025-11-20T14:00:00Z");
    static final Instant RUN2 = Instant.parse("2025-11-20T15:00:00Z");

    static VmObserved ubuntu(Instant at, VmState state, long memory, GuestReport guest, BootSign... signs) {
        return new VmObserved(at, "check", "virtualbox", "7.1.4", "ubuntu-lab", "6294f16b-4f05-4430-afb9-773bdb237aec", state,
                state == VmState.RUNNING ? "running" : "poweroff", "Ubuntu (64-bit)", "Ubuntu_64", guest, memory, 2,
                List.of(new VmDisk("SATA-0-0", "VDI", 25L << 30, 8714L << 20, "/home/<user>/VirtualBox VMs/ubuntu-lab/ubuntu-lab.vdi")),
                List.of(new VmNic(1, NicMode.NAT, "nat", null, "080027E5FA8F", true),
                        new VmNic(2, NicMode.HOST_ONLY, "hostonly", "vboxnet0", "0800275D1A2B", false)),
                List.of(signs), "/home/<user>/VirtualBox VMs/ubuntu-lab/ubuntu-lab.vbox", List.of("VBoxManage showvminfo --machinereadable"), List.of());
    }

    static final GuestReport REPORT = new GuestReport("VirtualBox Guest Additions 7.1.4", null, "Linux", null, null,
            "6.8.0-48-generic", "#48-Ubuntu SMP PREEMPT_DYNAMIC Fri Sep 27 14:04:52 UTC 2024", "7.1.4", RUN1, Map.of());

    @Test
    @DisplayName("latest settings, the guest's last report and every start trace, over all checks")
    void merged() {
        List<Observation> journal = List.of(
                new HypervisorObserved(RUN1, "check", "virtualbox", "Oracle VirtualBox", "7.1.4", "/usr/bin/VBoxManage", "VBoxManage --version"),
                ubuntu(RUN1, VmState.RUNNING, 2048, REPORT, new BootSign(BootSign.Kind.RUNNING, "state running", null)),
                ubuntu(RUN2, VmState.OFF, 4096, null, new BootSign(BootSign.Kind.STARTED, "Logs/VBox.log", RUN2)));
        VmSummary s = VmInventory.summaries(journal).get(0);
        assertThat(s.memoryMb()).isEqualTo(4096);
        assertThat(s.state()).isEqualTo(VmState.OFF);
        assertThat(s.guest()).isEqualTo(REPORT);
        assertThat(s.guestSeenAt()).isEqualTo(RUN1);
        assertThat(s.everUp()).isTrue();
        assertThat(s.bootSigns()).extracting(BootSign::detail).containsExactly("state running", "Logs/VBox.log");
        assertThat(s.firstSeen()).isEqualTo(RUN1);
        assertThat(s.lastSeen()).isEqualTo(RUN2);
        assertThat(s.text()).isEqualTo("VirtualBox 7.1.4 · 'ubuntu-lab' · poweroff (off) · declared Ubuntu (64-bit) [Ubuntu_64]"
                + " · guest Linux (kernel 6.8.0-48-generic #48-Ubuntu SMP PREEMPT_DYNAMIC Fri Sep 27 14:04:52 UTC 2024) · 4096 MB · 2 CPUs"
                + " · disks VDI 25.0 GiB (8.5 GiB used) · network 1: NAT; 2: host-only (vboxnet0), cable disconnected");
    }

    @Test
    @DisplayName("sorted by hypervisor, then name; hypervisors with their latest version")
    void sorted() {
        VmObserved kvm = new VmObserved(RUN1, "check", "libvirt", "libvirt 9.0.0, QEMU 7.2.22", "a-kvm", "u1", VmState.OFF, "shut off",
                null, null, null, null, null, null, null, null, "qemu:///system", null, null);
        VmObserved vbox = ubuntu(RUN1, VmState.OFF, 2048, null);
        VmObserved vmware = new VmObserved(RUN1, "check", "vmware", null, "Zeta", "/x/Zeta.vmx", VmState.OFF, null, "ubuntu-64",
                null, null, 1024L, 1, null, null, null, null, null, null);
        VmInventory inv = VmInventory.of(List.of(kvm, vmware, vbox,
                new HypervisorObserved(RUN1, "check", "vmware", "VMware Fusion", "13.6.1", "/Applications/VMware Fusion.app/Contents/Info.plist", "installation files"),
                new HypervisorObserved(RUN2, "check", "vmware", "VMware Fusion", "13.6.2", "/Applications/VMware Fusion.app/Contents/Info.plist", "installation files")));
        assertThat(inv.vms()).extracting(VmSummary::name).containsExactly("ubuntu-lab", "Zeta", "a-kvm");
        assertThat(inv.vms().get(1).hypervisorLabel()).isEqualTo("VMware Fusion 13.6.2");
        assertThat(inv.vms().get(2).hypervisorLabel()).isEqualTo("libvirt/KVM (libvirt 9.0.0, QEMU 7.2.22)");
        assertThat(inv.vms().get(2).disksText()).isEqualTo("none");
        assertThat(inv.hypervisor("vmware").orElseThrow().version()).isEqualTo("13.6.2");
    }

    @Test
    @DisplayName("problems: only those of each hypervisor's latest run")
    void problems() {
        VmProbeFailed old = new VmProbeFailed(RUN1, "check", "virtualbox", null, VmProbeFailed.Step.LIST, "VBoxManage list vms",
                VmProbeFailed.Problem.TIMEOUT, null, "did not finish", 30_000, null);
        HypervisorObserved later = new HypervisorObserved(RUN2, "check", "virtualbox", "Oracle VirtualBox", "7.1.4", "x", "y");
        assertThat(VmInventory.of(List.of(old)).problems()).containsExactly(old);
        assertThat(VmInventory.of(List.of(old, later)).problems()).isEmpty();
        assertThat(VmInventory.of(List.of(new EngineObserved(RUN1, "check", "e", "27", "1.47", "linux", "amd64", "6", "Ubuntu", "d", null)))
                .isEmpty()).isTrue();
    }

    @Test
    @DisplayName("VM observations survive the journal unchanged")
    void journalRoundTrip(@TempDir Path dir) {
        VmObserved vm = ubuntu(RUN1, VmState.RUNNING, 2048, REPORT, new BootSign(BootSign.Kind.RUNNING, "state running", RUN1));
        EvidenceBundle bundle = VmTestKit.bundle(dir);
        bundle.record(vm);
        assertThat(VmTestKit.read(dir).all(VmObserved.class)).containsExactly(vm);
    }
}
