package io.labgrader.lab;

import io.labgrader.evidence.EvidenceBundle;
import io.labgrader.evidence.Observation;
import io.labgrader.evidence.docker.ContainerObserved;
import io.labgrader.evidence.docker.ContainersListed;
import io.labgrader.evidence.docker.EngineObserved;
import io.labgrader.evidence.vm.BootSign;
import io.labgrader.evidence.vm.GuestReport;
import io.labgrader.evidence.vm.HypervisorNotFound;
import io.labgrader.evidence.vm.HypervisorObserved;
import io.labgrader.evidence.vm.NicMode;
import io.labgrader.evidence.vm.VmDisk;
import io.labgrader.evidence.vm.VmNic;
import io.labgrader.evidence.vm.VmObserved;
import io.labgrader.evidence.vm.VmProbeFailed;
import io.labgrader.evidence.vm.VmProbeRun;
import io.labgrader.evidence.vm.VmState;
import io.labgrader.grading.CriterionResult;
import io.labgrader.grading.GradeResult;
import io.labgrader.grading.Grading;
import io.labgrader.grading.Outcome;
import io.labgrader.probe.vm.VmTestKit;
import io.labgrader.rubric.LocalizedText;
import io.labgrader.rubric.Rubric;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.labgrader.probe.vm.VmTestKit.outcomes;
import static io.labgrader.probe.vm.VmTestKit.result;
import static io.labgrader.probe.vm.VmTestKit.rubric;
import static org.assertj.core.api.Assertions.assertThat;

/** The VM grader on evidence written as the probes write it: the tricky cases of the lab, one by one. */
@DisplayName("VM grader")
class VmGraderTest {

    static final Instant RUN1 = Instant.parse("2025-11-20T14:00:00Z");
    static final Instant RUN2 = Instant.parse("2025-11-20T15:00:00Z");
    static final long GIB = 1L << 30;
    static final long MIB = 1L << 20;

    @TempDir
    Path tmp;

    // ------------------------------------------------------------------------------------------- evidence helpers

    static HypervisorObserved virtualBox(Instant at) {
        return new HypervisorObserved(at, "check", "virtualbox", "Oracle VirtualBox", "7.1.4", "/usr/bin/VBoxManage", "VBoxManage --version");
    }

    static VmProbeRun run(Instant at, boolean container) {
        return new VmProbeRun(at, "check", "linux", container, null, List.of("virtualbox"), 0, 1200);
    }

    static VmNic nat() {
        return new VmNic(1, NicMode.NAT, "nat", null, "080027E5FA8F", true);
    }

    /** A VirtualBox VM; the optional parts are set on the returned builder. */
    static Vm vm(String name, String declared) {
        return new Vm(name, declared);
    }

    static final class Vm {
        String hypervisor = "virtualbox";
        String name;
        String uuid;
        String declared;
        VmState state = VmState.OFF;
        GuestReport guest;
        List<VmNic> nics = new ArrayList<>(List.of(nat()));
        List<VmDisk> disks = new ArrayList<>(List.of(new VmDisk("SATA-0-0", "VDI", 25 * GIB, 2 * MIB, "/home/<user>/VirtualBox VMs/x/x.vdi")));
        List<BootSign> signs = new ArrayList<>();

        Vm(String name, String declared) {
            this.name = name;
            this.uuid = "uuid-" + name;
            this.declared = declared;
        }

        Vm guest(GuestReport g) {
            guest = g;
            return this;
        }

        Vm nics(VmNic... n) {
            nics = new ArrayList<>(List.of(n));
            return this;
        }

        Vm allocated(long bytes) {
            disks = List.of(new VmDisk("SATA-0-0", "VDI", 25 * GIB, bytes, "x.vdi"));
            return this;
        }

        Vm started(String detail) {
            signs.add(new BootSign(BootSign.Kind.STARTED, detail, null));
            return this;
        }

        Vm running() {
            state = VmState.RUNNING;
            signs.add(new BootSign(BootSign.Kind.RUNNING, "state running", null));
            return this;
        }

        Vm hypervisor(String id) {
            hypervisor = id;
            return this;
        }

        VmObserved at(Instant at) {
            return new VmObserved(at, "check", hypervisor, "7.1.4", name, uuid, state, state.word(), declared, null, guest,
                    2048L, 2, disks, nics, signs, null, List.of("VBoxManage showvminfo --machinereadable"), List.of());
        }
    }

    static GuestReport additions(String kernelVersion) {
        return new GuestReport("VirtualBox Guest Additions 7.1.4", null, "Linux", null, null, "6.8.0-48-generic", kernelVersion,
                "7.1.4", RUN1, Map.of());
    }

    static GuestReport vmwareTools(String pretty) {
        return new GuestReport("VMware Tools (guestInfo.detailed.data)", null, pretty.split(" ")[0], null, pretty, null, null, null,
                null, Map.of("prettyName", pretty));
    }

    private Path evidence(Observation... observations) {
        Path dir = tmp.resolve("evidence-" + System.nanoTime());
        EvidenceBundle bundle = VmTestKit.bundle(dir);
        for (Observation o : observations) {
            bundle.record(o);
        }
        return dir;
    }

    private GradeResult grade(Path evidence) {
        return grade(rubric(tmp, List.of("virtualbox", "vmware"), null), evidence);
    }

    private static GradeResult grade(Rubric rubric, Path evidence) {
        return VmTestKit.grade(rubric, evidence);
    }

    private static CriterionResult c(GradeResult r, String id) {
        return result(r, id);
    }

    private static void assertOutcomes(GradeResult r, Outcome... expected) {
        List<Outcome> actual = r.criteria().stream().filter(x -> x.section().equals("vm")).map(CriterionResult::outcome).toList();
        assertThat(actual).as(outcomes(r)).containsExactly(expected);
    }

    // ----------------------------------------------------------------------------------------------------- cases

    @Test
    @DisplayName("a VM typed \"Other Linux\" whose guest reports Ubuntu is an Ubuntu guest")
    void otherLinuxGuestReportsUbuntu() {
        GradeResult r = grade(evidence(virtualBox(RUN1),
                vm("lab", "Other Linux (64-bit)").guest(additions("#48-Ubuntu SMP PREEMPT_DYNAMIC Fri Sep 27 14:04:52 UTC 2024")).at(RUN1),
                run(RUN1, false)));
        assertOutcomes(r, Outcome.PASSED, Outcome.PASSED, Outcome.PASSED, Outcome.PASSED, Outcome.PASSED);
    }

    @Test
    @DisplayName("a VM typed Ubuntu that never booted: Ubuntu guest yes, installed no")
    void declaredUbuntuNeverBooted() {
        GradeResult r = grade(evidence(virtualBox(RUN1), vm("ubuntu-lab", "Ubuntu (64-bit)").at(RUN1), run(RUN1, false)));
        assertOutcomes(r, Outcome.PASSED, Outcome.PASSED, Outcome.PASSED, Outcome.FAILED, Outcome.PASSED);
        CriterionResult installed = c(r, "vm.guest-installed");
        assertThat(installed.message().en()).isEqualTo("Expected an installed Ubuntu that has run (a report of the guest through"
                + " Guest Additions, VMware Tools, a guest agent or similar, or started with an installed system on its disk), but found"
                + " 'ubuntu-lab' declared Ubuntu (64-bit) but never started (no log, no report of the guest); the type chosen in the"
                + " wizard alone shows no installation.");
        assertThat(installed.message().de()).startsWith("Erwartet: ein installiertes Ubuntu, das gelaufen ist").contains(
                "Gefunden: 'ubuntu-lab' ist als Ubuntu (64-bit) angelegt, wurde aber nie gestartet");
        assertThat(installed.hint().en()).startsWith("Install Ubuntu completely, eject the ISO file");
    }

    @Test
    @DisplayName("started, but the disk holds only megabytes: the installer ran, Ubuntu is not installed")
    void startedButDiskTooSmall() {
        GradeResult r = grade(evidence(virtualBox(RUN1), vm("ubuntu-lab", "Ubuntu (64-bit)").started("Logs/VBox.log").allocated(12 * MIB).at(RUN1)));
        assertThat(c(r, "vm.guest-installed").outcome()).isEqualTo(Outcome.FAILED);
        assertThat(c(r, "vm.guest-installed").message().en()).endsWith("but found 'ubuntu-lab' started, but its disk holds only 12 MiB"
                + " (at least 2.0 GiB expected): Ubuntu is not installed on it yet.");
    }

    @Test
    @DisplayName("started with gigabytes on its disk, without guest tools: installed")
    void startedWithInstalledDisk() {
        GradeResult r = grade(evidence(virtualBox(RUN1), vm("ubuntu-lab", "Ubuntu (64-bit)").started("Logs/VBox.log").allocated(7 * GIB).at(RUN1)));
        assertThat(c(r, "vm.guest-installed").outcome()).isEqualTo(Outcome.PASSED);
    }

    @Test
    @DisplayName("two VMs, only one Ubuntu: the network is judged on the Ubuntu one")
    void twoVmsOnlyOneUbuntu() {
        GradeResult r = grade(evidence(virtualBox(RUN1),
                vm("win10", "Windows 10 (64-bit)").at(RUN1),
                vm("ubuntu", "Ubuntu (64-bit)").nics().guest(additions("#48-Ubuntu SMP")).at(RUN1)));
        assertOutcomes(r, Outcome.PASSED, Outcome.PASSED, Outcome.PASSED, Outcome.PASSED, Outcome.FAILED);
        assertThat(c(r, "vm.network").message().en()).isEqualTo(
                "Expected a network adapter in NAT, NAT network, bridged or host-only mode, but found no network adapter on 'ubuntu'.");
        assertThat(c(r, "vm.network").message().de()).isEqualTo(
                "Erwartet: ein Netzwerkadapter im Modus NAT, NAT-Netzwerk, Netzwerkbrücke oder Host-only. Gefunden: 'ubuntu': kein Netzwerkadapter.");
    }

    @Test
    @DisplayName("no Ubuntu among several VMs: each is named with its type and what its guest reports")
    void noUbuntu() {
        GradeResult r = grade(evidence(virtualBox(RUN1),
                vm("win10", "Windows 10 (64-bit)").at(RUN1),
                vm("deb", "Debian (64-bit)").guest(additions("#1 SMP PREEMPT_DYNAMIC Debian 6.1.115-1 (2024-11-01)")).at(RUN1)));
        assertOutcomes(r, Outcome.PASSED, Outcome.PASSED, Outcome.FAILED, Outcome.BLOCKED, Outcome.BLOCKED);
        assertThat(c(r, "vm.ubuntu-guest").message().en()).isEqualTo("Expected a VM with an Ubuntu guest (chosen as its OS type or"
                + " reported by the guest), but found 'deb' (VirtualBox 7.1.4; type: Debian (64-bit); guest reports: Linux (kernel"
                + " 6.8.0-48-generic #1 SMP PREEMPT_DYNAMIC Debian 6.1.115-1 (2024-11-01))); 'win10' (VirtualBox 7.1.4; type: Windows 10"
                + " (64-bit); guest reports: nothing).");
    }

    @Test
    @DisplayName("a stopped Hyper-V VM: no OS type to go by, so the message says to check while it runs")
    void hyperVWithoutOsType() {
        VmObserved vm = new VmObserved(RUN1, "check", "hyperv", "10.0.22621.3235", "ubuntu", "1c3f", VmState.OFF, "Off", null, null,
                null, 4096L, 2, List.of(), List.of(new VmNic(0, NicMode.NAT, "Default Switch (Internal, with NAT)", "Default Switch", null, true)),
                List.of(), null, List.of("PowerShell Get-VM"), List.of());
        GradeResult r = grade(rubric(tmp, List.of("hyperv"), null), evidence(
                new HypervisorObserved(RUN1, "check", "hyperv", "Microsoft Hyper-V", "10.0.22621.3235", "C:\\Windows\\System32\\vmms.exe", "PowerShell Get-VM"), vm));
        assertThat(c(r, "vm.ubuntu-guest").message().en()).isEqualTo("Expected a VM with an Ubuntu guest (chosen as its OS type or"
                + " reported by the guest), but found 'ubuntu' (Hyper-V 10.0.22621.3235; type: none; guest reports: nothing). Where the"
                + " hypervisor keeps no OS type (Hyper-V), only the running guest can tell: start the VM and run \"labgrader check\" while it runs.");
    }

    @Test
    @DisplayName("typed Ubuntu, but the guest itself reports another distribution: not Ubuntu")
    void declaredUbuntuGuestSaysOtherwise() {
        GradeResult r = grade(evidence(virtualBox(RUN1), vm("ubuntu?", "ubuntu-64").hypervisor("vmware")
                .guest(vmwareTools("Debian GNU/Linux 12 (bookworm)")).at(RUN1),
                new HypervisorObserved(RUN1, "check", "vmware", "VMware Workstation", "17.6.1", "/usr/bin/vmrun", "vmrun")));
        assertThat(c(r, "vm.ubuntu-guest").outcome()).isEqualTo(Outcome.FAILED);
        assertThat(c(r, "vm.ubuntu-guest").message().en()).isEqualTo("Expected a VM with an Ubuntu guest, but 'ubuntu?' is declared"
                + " ubuntu-64 while the guest itself reports Debian GNU/Linux 12 (bookworm).");
    }

    @Test
    @DisplayName("an Ubuntu container is not a VM")
    void ubuntuContainerIsNotAVm() {
        Instant t = RUN1;
        GradeResult r = grade(evidence(
                new EngineObserved(t, "check", "unix:///var/run/docker.sock", "27.3.1", "1.47", "linux", "amd64", "6.8.0", "Ubuntu 24.04.1 LTS", "d1", null),
                new ContainerObserved(t, "check", "c0ffee00c0ffee00", "/ubuntu-vm", "ubuntu:24.04", "sha256:1", t, "running", true, null, t, null,
                        false, "", false, false, true, List.of(), List.of(), null),
                new ContainersListed(t, "check", List.of(new ContainersListed.Listed("c0ffee00c0ffee00", "ubuntu-vm", "ubuntu:24.04", "running")), null),
                virtualBox(t), run(t, false)));
        assertOutcomes(r, Outcome.PASSED, Outcome.FAILED, Outcome.BLOCKED, Outcome.BLOCKED, Outcome.BLOCKED);
        assertThat(c(r, "vm.exists").message().en()).isEqualTo("Expected at least one VM in VirtualBox 7.1.4, but found none.");
    }

    @Test
    @DisplayName("only a hypervisor the rubric does not count; an instructor can add it")
    void notCounted() {
        Path e = evidence(new HypervisorObserved(RUN1, "check", "libvirt", "libvirt", "libvirt 9.0.0, QEMU 7.2.22", "/usr/bin/virsh", "virsh"),
                new HypervisorNotFound(RUN1, "check", "virtualbox", List.of("PATH (VBoxManage, vboxmanage)")),
                vm("ubuntu", "http://ubuntu.com/ubuntu/24.04").hypervisor("libvirt").running()
                        .guest(new GuestReport("QEMU guest agent", "ubuntu", "Ubuntu", "24.04", "Ubuntu 24.04.1 LTS", null, null, null, RUN1, Map.of()))
                        .at(RUN1));
        GradeResult byDefault = grade(e);
        assertOutcomes(byDefault, Outcome.FAILED, Outcome.BLOCKED, Outcome.BLOCKED, Outcome.BLOCKED, Outcome.BLOCKED);
        assertThat(c(byDefault, "vm.hypervisor").message().en()).isEqualTo("Expected VirtualBox or VMware installed, but found only"
                + " libvirt/KVM (libvirt 9.0.0, QEMU 7.2.22), which this rubric does not count.");
        GradeResult withKvm = grade(rubric(tmp, List.of("virtualbox", "vmware", "KVM"), null), e);
        assertOutcomes(withKvm, Outcome.PASSED, Outcome.PASSED, Outcome.PASSED, Outcome.PASSED, Outcome.PASSED);
    }

    @Test
    @DisplayName("a guest report seen in an earlier check still counts after the VM was shut down")
    void history() {
        GradeResult r = grade(evidence(virtualBox(RUN1),
                vm("ubuntu", "Ubuntu (64-bit)").running().guest(additions("#48-Ubuntu SMP")).at(RUN1),
                virtualBox(RUN2), vm("ubuntu", "Ubuntu (64-bit)").at(RUN2)));
        assertOutcomes(r, Outcome.PASSED, Outcome.PASSED, Outcome.PASSED, Outcome.PASSED, Outcome.PASSED);
    }

    @Test
    @DisplayName("a failure decides nothing when the evidence decides; it makes a criterion NOT_GRADABLE only otherwise")
    void failuresOnlyIfUndecided() {
        VmProbeFailed otherVm = new VmProbeFailed(RUN1, "check", "virtualbox", "win10", VmProbeFailed.Step.DETAILS,
                "VBoxManage showvminfo x --machinereadable", VmProbeFailed.Problem.TIMEOUT, null, "did not finish", 30_000, null);
        GradeResult decided = grade(evidence(virtualBox(RUN1), vm("ubuntu", "Ubuntu (64-bit)").guest(additions("#48-Ubuntu SMP")).at(RUN1), otherVm));
        assertOutcomes(decided, Outcome.PASSED, Outcome.PASSED, Outcome.PASSED, Outcome.PASSED, Outcome.PASSED);

        GradeResult undecided = grade(evidence(virtualBox(RUN1), vm("win10", "Windows 10 (64-bit)").at(RUN1), otherVm));
        assertThat(c(undecided, "vm.ubuntu-guest").outcome()).isEqualTo(Outcome.NOT_GRADABLE);
        assertThat(c(undecided, "vm.ubuntu-guest").message().en()).isEqualTo("None of the VMs read has an Ubuntu guest, but not everything"
                + " could be read. Tried: VBoxManage showvminfo x --machinereadable (did not finish within 30 s and was stopped). Close any"
                + " open dialogs of the hypervisor, restart it if needed, and run \"labgrader check\" again.");
    }

    @Test
    @DisplayName("a failure of an earlier check is superseded by a later check that worked")
    void laterRunSupersedes() {
        VmProbeFailed listFailed = new VmProbeFailed(RUN1, "check", "virtualbox", null, VmProbeFailed.Step.LIST, "VBoxManage list vms",
                VmProbeFailed.Problem.NOT_RUNNING, 1, "Failed to create the VirtualBox object!", 40, null);
        GradeResult r = grade(evidence(virtualBox(RUN1), listFailed, run(RUN1, false), virtualBox(RUN2), run(RUN2, false)));
        assertThat(c(r, "vm.exists").outcome()).isEqualTo(Outcome.FAILED);
        GradeResult onlyFirst = grade(evidence(virtualBox(RUN1), listFailed, run(RUN1, false)));
        assertThat(c(onlyFirst, "vm.exists").outcome()).isEqualTo(Outcome.NOT_GRADABLE);
    }

    @Test
    @DisplayName("network modes are the rubric's: an isolated (host-only) adapter fails when only NAT counts")
    void modesParam() {
        Path e = evidence(virtualBox(RUN1), vm("ubuntu", "Ubuntu (64-bit)").guest(additions("#48-Ubuntu SMP"))
                .nics(new VmNic(2, NicMode.HOST_ONLY, "hostonly", "vboxnet0", null, true), new VmNic(3, NicMode.INTERNAL, "intnet", "intnet", null, true))
                .at(RUN1));
        assertThat(c(grade(e), "vm.network").outcome()).isEqualTo(Outcome.PASSED);
        GradeResult natOnly = grade(rubric(tmp, List.of("virtualbox", "vmware"), List.of("nat")), e);
        assertThat(c(natOnly, "vm.network").message().en()).isEqualTo("Expected a network adapter in NAT mode, but found adapter 2:"
                + " host-only (vboxnet0, hostonly); adapter 3: internal network (intnet) on 'ubuntu'.");
    }

    @Test
    @DisplayName("no hypervisor found while labgrader ran in a container: the message says why")
    void insideContainer() {
        GradeResult r = grade(evidence(new HypervisorNotFound(RUN1, "check", "virtualbox", List.of("PATH (VBoxManage, vboxmanage)")),
                new HypervisorNotFound(RUN1, "check", "vmware", List.of("PATH (vmrun)")), run(RUN1, true)));
        assertThat(c(r, "vm.hypervisor").message().en()).isEqualTo("Expected VirtualBox or VMware installed, but found no hypervisor"
                + " (looked: VirtualBox: PATH (VBoxManage, vboxmanage); VMware: PATH (vmrun)). labgrader ran inside a container, where your"
                + " computer's hypervisors are not visible: run \"labgrader check\" directly on your computer.");
    }

    @Test
    @DisplayName("evidence without any VM probe: NOT_GRADABLE, not FAILED")
    void neverProbed() {
        GradeResult r = grade(evidence(new EngineObserved(RUN1, "check", "unix:///var/run/docker.sock", "27.3.1", "1.47", "linux",
                "amd64", "6.8.0", "Ubuntu", "d1", null)));
        assertThat(c(r, "vm.hypervisor").outcome()).isEqualTo(Outcome.NOT_GRADABLE);
        LocalizedText message = c(r, "vm.hypervisor").message();
        assertThat(new String[]{message.de(), message.en()}).containsExactly(
                "Die Nachweise enthalten keine Suche nach Hypervisoren. Führen Sie \"labgrader check\" auf dem Rechner aus, auf dem Sie die VM angelegt haben.",
                "The evidence holds no search for hypervisors. Run \"labgrader check\" on the computer where you created the VM.");
    }

    @Test
    @DisplayName("an unknown hypervisor in rubric.yml is the instructor's to fix")
    void misconfigured() {
        GradeResult r = grade(rubric(tmp, List.of("virtualbox", "xen"), null), evidence(virtualBox(RUN1)));
        assertThat(c(r, "vm.hypervisor").outcome()).isEqualTo(Outcome.NOT_GRADABLE);
        assertThat(c(r, "vm.hypervisor").message().en()).isEqualTo("The rubric is misconfigured (vm.hypervisor: param 'hypervisors' names"
                + " an unknown hypervisor 'xen' (known: virtualbox, vmware, libvirt, hyperv, multipass, parallels)). Please tell your instructor.");
    }

    @Test
    @DisplayName("regrading the same evidence gives the same result")
    void regradeEquals() {
        Path e = evidence(virtualBox(RUN1), vm("ubuntu-lab", "Ubuntu (64-bit)").at(RUN1), vm("win10", "Windows 10 (64-bit)").at(RUN1));
        Rubric rubric = rubric(tmp, List.of("virtualbox", "vmware"), null);
        assertThat(comparable(Grading.grade(rubric, e, LocalizedText.Language.DE, VmTestKit.clock())))
                .isEqualTo(comparable(Grading.grade(rubric, e, LocalizedText.Language.EN, VmTestKit.clock())));
    }

    /** Everything but how long each criterion took. */
    static List<String> comparable(GradeResult r) {
        return r.criteria().stream().map(c -> String.join("|", c.id(), c.outcome().name(), String.valueOf(c.points()),
                c.message().de(), c.message().en(), c.hint().en())).toList();
    }
}
