package io.labgrader.probe.vm;

import io.labgrader.evidence.Evidence;
import io.labgrader.evidence.EvidenceBundle;
import io.labgrader.evidence.vm.HypervisorNotFound;
import io.labgrader.evidence.vm.HypervisorObserved;
import io.labgrader.evidence.vm.NicMode;
import io.labgrader.evidence.vm.VmDisk;
import io.labgrader.evidence.vm.VmInventory;
import io.labgrader.evidence.vm.VmNic;
import io.labgrader.evidence.vm.VmObserved;
import io.labgrader.evidence.vm.VmProbeFailed;
import io.labgrader.evidence.vm.VmProbeRun;
import io.labgrader.evidence.vm.VmState;
import io.labgrader.grading.GradeResult;
import io.labgrader.grading.Outcome;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.labgrader.probe.vm.VmTestKit.answers;
import static io.labgrader.probe.vm.VmTestKit.fixture;
import static io.labgrader.probe.vm.VmTestKit.grade;
import static io.labgrader.probe.vm.VmTestKit.outcomes;
import static io.labgrader.probe.vm.VmTestKit.result;
import static io.labgrader.probe.vm.VmTestKit.rubric;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The CLI path of every probe, with stand-in executables on PATH that print exactly what the real tools print, and
 * stand-ins that hang or fail. Probes write into a real evidence bundle, which is then graded.
 */
@DisplayName("VM probes with stand-in executables")
class VmProbingStandInTest {

    @TempDir
    Path tmp;

    private Path bin() {
        return tmp.resolve("bin");
    }

    private Path home() throws IOException {
        return Files.createDirectories(tmp.resolve("userhome"));
    }

    private Path evidence() {
        return tmp.resolve("evidence");
    }

    private Evidence probe(HostEnvironment host, VmProbe... probes) {
        EvidenceBundle bundle = VmTestKit.bundle(evidence());
        VmProbing.check(bundle, "check", VmTestKit.settings(host, List.of(probes)));
        return VmTestKit.read(evidence());
    }

    private static void assertAllPassed(GradeResult r) {
        assertThat(r.criteria()).as(outcomes(r)).allMatch(c -> c.outcome() == Outcome.PASSED);
    }

    @Test
    @DisplayName("format test: VirtualBox 6.1 through VBoxManage, with VirtualBox.xml and a relative .vbox entry")
    void virtualBox61() throws Exception {
        VmTestKit.standIn(bin(), "VBoxManage", answers(
                "--version", "virtualbox/6.1-version.txt",
                "list vms", "virtualbox/6.1-list-vms.txt",
                "showvminfo 6294f16b-4f05-4430-afb9-773bdb237aec --machinereadable", "virtualbox/6.1-showvminfo-ubuntu.txt",
                "showvminfo 0b7e1f6c-2d3a-4c55-9a1e-8f2b7c9d4e10 --machinereadable", "virtualbox/6.1-showvminfo-win10.txt",
                "guestproperty enumerate 6294f16b-4f05-4430-afb9-773bdb237aec", "virtualbox/6.1-guestproperty-ubuntu.txt",
                "guestproperty enumerate 0b7e1f6c-2d3a-4c55-9a1e-8f2b7c9d4e10", "virtualbox/6.1-guestproperty-empty.txt",
                "showmediuminfo disk c1f6bd8b-3e2a-4d5f-8a9b-0c1d2e3f4a5b", "virtualbox/6.1-showmediuminfo-ubuntu.txt",
                "showmediuminfo disk e3a1f2b4-6c7d-4e8f-9a0b-1c2d3e4f5a6b", "virtualbox/6.1-showmediuminfo-win10.txt"));
        Path vboxHome = Files.createDirectories(home().resolve(".config/VirtualBox"));
        Files.writeString(vboxHome.resolve("VirtualBox.xml"), fixture("virtualbox/VirtualBox.xml"));
        Path win10 = Files.createDirectories(vboxHome.resolve("VMs/win10"));
        Files.writeString(win10.resolve("win10.vbox"), fixture("virtualbox/win10.vbox"));
        Files.createDirectories(win10.resolve("Logs"));
        Files.writeString(win10.resolve("Logs/VBox.log"), "00:00:00.000000 VirtualBox VM 6.1.50 r161033 linux.amd64\n");

        Evidence e = probe(VmTestKit.linuxHost(bin(), home()), new VirtualBoxProbe());

        assertThat(e.all(HypervisorObserved.class)).singleElement().satisfies(h -> {
            assertThat(h.version()).isEqualTo("6.1.50");
            assertThat(h.how()).isEqualTo("VBoxManage --version");
        });
        List<VmObserved> vms = e.all(VmObserved.class);
        assertThat(vms).extracting(VmObserved::name).containsExactly("ubuntu-lab", "win10");
        VmObserved ubuntu = vms.get(0);
        assertThat(ubuntu.declaredOs()).isEqualTo("Ubuntu (64-bit)");
        assertThat(ubuntu.declaredOsId()).isNull(); // its .vbox lies outside this test's home
        assertThat(ubuntu.location()).isEqualTo("/home/<user>/VirtualBox VMs/ubuntu-lab/ubuntu-lab.vbox");
        assertThat(ubuntu.disks()).extracting(VmDisk::format, VmDisk::capacityBytes, VmDisk::allocatedBytes)
                .containsExactly(tuple("VDI", 25600L << 20, 8714L << 20));
        assertThat(ubuntu.guest().kernelVersion()).contains("-Ubuntu");
        VmObserved windows = vms.get(1);
        assertThat(windows.declaredOsId()).isEqualTo("Windows10_64"); // from the relative .vbox entry
        assertThat(windows.bootSigns()).extracting(b -> b.detail()).contains("Logs/VBox.log");
        assertThat(windows.via()).contains("VBoxManage showvminfo --machinereadable", ".vbox settings file");
        assertThat(e.all(VmProbeFailed.class)).isEmpty();
        assertThat(e.all(VmProbeRun.class)).singleElement().satisfies(r -> {
            assertThat(r.hypervisorsFound()).containsExactly("virtualbox");
            assertThat(r.vms()).isEqualTo(2);
        });
        // raw captures are kept, with home folders and guest user names redacted
        String raw = rawText();
        assertThat(raw).contains("name=\"ubuntu-lab\"", "LoggedInUsersList, value: <user>, timestamp", "/home/<user>/VirtualBox VMs")
                .doesNotContain("/home/student").doesNotContain("value: student,");
        assertThat(Files.readString(evidence().resolve("journal.jsonl"))).doesNotContain("student");

        assertAllPassed(grade(rubric(tmp, List.of("virtualbox", "vmware"), null), evidence()));
    }

    @Test
    @DisplayName("format test: VirtualBox 7.1 on Windows paths: \"Other Linux\" whose Guest Additions report an Ubuntu kernel, snapshot chain, inaccessible VM")
    void virtualBox71() throws Exception {
        VmTestKit.standIn(bin(), "VBoxManage", answers(
                "--version", "virtualbox/7.1-version.txt",
                "list vms", "virtualbox/7.1-list-vms.txt",
                "showvminfo 3f1b2c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d --machinereadable", "virtualbox/7.1-showvminfo-ubuntu.txt",
                "guestproperty enumerate 3f1b2c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", "virtualbox/7.1-guestproperty-ubuntu.txt",
                "showmediuminfo disk 7d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a", "virtualbox/7.1-showmediuminfo-snapshot.txt",
                "showmediuminfo disk 5b4a3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d", "virtualbox/7.1-showmediuminfo-base.txt"));

        Evidence e = probe(VmTestKit.linuxHost(bin(), home()), new VirtualBoxProbe());

        List<VmObserved> vms = e.all(VmObserved.class);
        assertThat(vms).extracting(VmObserved::name, VmObserved::rawState)
                .containsExactly(tuple("Ubuntu 24.04", "running"), tuple("<inaccessible>", "inaccessible"));
        VmObserved ubuntu = vms.get(0);
        assertThat(ubuntu.declaredOs()).isEqualTo("Other Linux (64-bit)");
        assertThat(ubuntu.location()).isEqualTo("C:\\Users\\<user>\\VirtualBox VMs\\Ubuntu 24.04\\Ubuntu 24.04.vbox");
        assertThat(ubuntu.disks()).singleElement().satisfies(d -> {
            assertThat(d.capacityBytes()).isEqualTo(25600L << 20);
            assertThat(d.allocatedBytes()).isEqualTo((412L + 9321L) << 20);
        });
        assertThat(ubuntu.nics()).extracting(VmNic::mode).containsExactly(NicMode.NAT, NicMode.BRIDGED, NicMode.NAT_NETWORK);
        assertThat(ubuntu.guest().via()).isEqualTo("VirtualBox Guest Additions 7.1.4");
        assertThat(e.all(VmProbeFailed.class)).isEmpty();

        GradeResult r = grade(rubric(tmp, List.of("virtualbox"), null), evidence());
        assertAllPassed(r);
    }

    @Test
    @DisplayName("format test: VirtualBox without VBoxManage: VirtualBox.xml, the .vbox file, its VDI header and log")
    void virtualBoxFilesOnly() throws Exception {
        Path vmDir = Files.createDirectories(home().resolve("VirtualBox VMs/ubuntu-lab"));
        Files.writeString(vmDir.resolve("ubuntu-lab.vbox"), fixture("virtualbox/ubuntu-lab.vbox"));
        Files.createDirectories(vmDir.resolve("Logs"));
        Files.writeString(vmDir.resolve("Logs/VBox.log"), "00:00:00.000000 VirtualBox VM 6.1.50 r161033 linux.amd64\n");
        writeVdi(vmDir.resolve("ubuntu-lab.vdi"), 25L << 30, 6L << 30);
        Files.createDirectories(vmDir.resolve("Snapshots"));
        writeVdi(vmDir.resolve("Snapshots/{d2e3f4a5-6b7c-4d8e-9f0a-1b2c3d4e5f6a}.vdi"), 25L << 30, 300L << 20);
        Path vboxHome = Files.createDirectories(home().resolve(".config/VirtualBox"));
        Files.writeString(vboxHome.resolve("VirtualBox.xml"), fixture("virtualbox/VirtualBox.xml")
                .replace("/home/student/VirtualBox VMs/ubuntu-lab/ubuntu-lab.vbox", vmDir.resolve("ubuntu-lab.vbox").toString()));
        Files.createDirectories(bin());

        Evidence e = probe(VmTestKit.linuxHost(bin(), home()), new VirtualBoxProbe());

        assertThat(e.all(HypervisorObserved.class)).singleElement().satisfies(h -> {
            assertThat(h.how()).isEqualTo("VirtualBox.xml (VBoxManage not found)");
            assertThat(h.version()).isEqualTo("6.1.50");
        });
        List<VmObserved> vms = e.all(VmObserved.class);
        assertThat(vms).extracting(VmObserved::name, VmObserved::rawState)
                .containsExactly(tuple("ubuntu-lab", null), tuple("win10", "inaccessible: settings file not found"));
        VmObserved ubuntu = vms.get(0);
        assertThat(ubuntu.declaredOsId()).isEqualTo("Ubuntu_64");
        assertThat(ubuntu.memoryMb()).isEqualTo(2048);
        assertThat(ubuntu.nics()).extracting(VmNic::mode).containsExactly(NicMode.NAT, NicMode.HOST_ONLY);
        assertThat(ubuntu.disks()).singleElement().satisfies(d -> {
            assertThat(d.format()).isEqualTo("VDI");
            assertThat(d.capacityBytes()).isEqualTo(25L << 30);
            assertThat(d.allocatedBytes()).isEqualTo((6L << 30) + (300L << 20));
        });
        assertThat(ubuntu.bootSigns()).extracting(b -> b.detail()).contains("Logs/VBox.log");
        assertThat(ubuntu.guest().kernelVersion()).contains("-Ubuntu SMP");
        assertThat(e.all(VmProbeFailed.class)).isEmpty();
        assertAllPassed(grade(rubric(tmp, List.of("virtualbox", "vmware"), null), evidence()));
    }

    @Test
    @DisplayName("format test: VMware Fusion on Apple Silicon (macOS host) through vmInventory, without vmrun")
    void fusion() throws Exception {
        Path bundle = Files.createDirectories(home().resolve("Virtual Machines.localized/Ubuntu 22.04 ARM.vmwarevm"));
        Path vmx = bundle.resolve("Ubuntu 22.04 ARM.vmx");
        Files.writeString(vmx, fixture("vmware/fusion-applesilicon-ubuntu.vmx"));
        Path inventory = Files.createDirectories(home().resolve("Library/Application Support/VMware Fusion")).resolve("vmInventory");
        Files.writeString(inventory, fixture("vmware/fusion-vmInventory")
                .replace("/Users/student/Virtual Machines.localized/Ubuntu 22.04 ARM.vmwarevm/Ubuntu 22.04 ARM.vmx", vmx.toString()));
        Files.createDirectories(bin());
        HostEnvironment mac = HostEnvironment.of(HostEnvironment.Os.MACOS, Map.of("PATH", bin().toString()), home());

        Evidence e = probe(mac, new VmwareProbe());

        assertThat(e.all(HypervisorObserved.class)).singleElement().satisfies(h -> {
            assertThat(h.product()).isEqualTo("VMware Fusion");
            assertThat(h.how()).isEqualTo("VMware's inventory or VM files (vmrun not found)");
        });
        assertThat(e.all(VmObserved.class)).singleElement().satisfies(vm -> {
            assertThat(vm.declaredOs()).isEqualTo("arm-ubuntu-64");
            assertThat(vm.state()).isEqualTo(VmState.UNKNOWN);
            assertThat(vm.guest().prettyName()).isEqualTo("Ubuntu 22.04.1 LTS");
        });
        GradeResult r = grade(rubric(tmp, List.of("vmware"), null), evidence());
        assertAllPassed(r);
        assertThat(VmInventory.summaries(VmTestKit.read(evidence()).observations())).singleElement()
                .satisfies(s -> assertThat(s.hypervisorLabel()).isEqualTo("VMware Fusion"));
    }

    /** A dynamic VDI image: the header (signature, capacity) and a file as large as the data it holds. */
    private static void writeVdi(Path file, long capacity, long size) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] header = new byte[512];
            byte[] text = "<<< Oracle VM VirtualBox Disk Image >>>\n".getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(text, 0, header, 0, text.length);
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(header).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            b.putInt(64, 0xBEDA107F);
            b.putInt(68, 0x00010001);
            b.putLong(368, capacity);
            f.write(header);
            f.setLength(size);
        }
    }

    @Test
    @DisplayName("format test: VMware Workstation 17 through the inventory, .vmx, VMDK and vmrun list")
    void vmware() throws Exception {
        Path vmFolder = Files.createDirectories(home().resolve("vmware/Ubuntu 64-bit"));
        Path vmx = vmFolder.resolve("Ubuntu 64-bit.vmx");
        Files.writeString(vmx, fixture("vmware/workstation17-windows-ubuntu.vmx"), StandardCharsets.ISO_8859_1);
        Files.writeString(vmFolder.resolve("Ubuntu 64-bit.vmdk"), fixture("vmware/Ubuntu 64-bit.vmdk"));
        for (int i = 1; i <= 6; i++) {
            try (RandomAccessFile f = new RandomAccessFile(vmFolder.resolve("Ubuntu 64-bit-s00" + i + ".vmdk").toFile(), "rw")) {
                f.setLength(i <= 2 ? 2L << 30 : 1L << 20);
            }
        }
        Files.writeString(vmFolder.resolve("vmware.log"), "2025-11-20T14:10:31.402Z In(05) vmx Log for VMware Workstation pid=1234\n");
        Files.write(vmFolder.resolve("Ubuntu 64-bit.nvram"), new byte[]{0x4d, 0x52, 0x56, 0x4e});
        Path offline = Files.createDirectories(home().resolve("elsewhere/ubuntu-offline"));
        Files.writeString(offline.resolve("ubuntu-offline.vmx"), fixture("vmware/workstation17-no-network.vmx"));
        Files.createDirectories(home().resolve(".vmware"));
        Files.writeString(home().resolve(".vmware/inventory.vmls"), ".encoding = \"UTF-8\"\nvmlist1.config = \"" + vmx
                + "\"\nvmlist1.DisplayName = \"Ubuntu 64-bit\"\nvmlist2.config = \"" + offline.resolve("ubuntu-offline.vmx")
                + "\"\nvmlist2.DisplayName = \"ubuntu-offline\"\nindex.count = \"0\"\n");
        VmTestKit.script(bin(), "vmrun", "case \"$1\" in\n  list) printf 'Total running VMs: 1\\n%s\\n' '" + vmx + "' ;;\n"
                + "  '') echo 'vmrun version 1.17.0 build-24995812'; echo; echo 'Usage: vmrun [AUTHENTICATION-FLAGS] COMMAND [PARAMETERS]'; exit 255 ;;\n"
                + "  *) exit 255 ;;\nesac");

        Evidence e = probe(VmTestKit.linuxHost(bin(), home()), new VmwareProbe());

        assertThat(e.all(HypervisorObserved.class)).singleElement().satisfies(h -> {
            assertThat(h.product()).isEqualTo("VMware Workstation");
            assertThat(h.version()).isEqualTo("vmrun 1.17.0");
        });
        List<VmObserved> vms = e.all(VmObserved.class);
        assertThat(vms).extracting(VmObserved::name, VmObserved::state)
                .containsExactly(tuple("Ubuntu 64-bit", VmState.RUNNING), tuple("ubuntu-offline", VmState.OFF));
        VmObserved ubuntu = vms.get(0);
        assertThat(ubuntu.disks()).singleElement().satisfies(d -> {
            assertThat(d.capacityBytes()).isEqualTo(20L << 30);
            assertThat(d.allocatedBytes()).isGreaterThan(4L << 30);
        });
        assertThat(ubuntu.bootSigns()).extracting(b -> b.kind().name() + " " + b.detail())
                .contains("STARTED vmware.log", "RUNNING listed by vmrun list");
        assertThat(vms.get(1).nics()).isEmpty();
        assertAllPassed(grade(rubric(tmp, List.of("virtualbox", "vmware"), null), evidence()));
    }

    @Test
    @DisplayName("format test: libvirt through virsh on both URIs: a domain listed twice is recorded once")
    void libvirt() throws Exception {
        Map<String, String> a = new java.util.LinkedHashMap<>();
        for (String uri : List.of("qemu:///system", "qemu:///session")) {
            a.put("-c " + uri + " version", "libvirt/version.txt");
            a.put("-c " + uri + " list --all --name", "libvirt/list-name.txt");
            a.put("-c " + uri + " dumpxml ubuntu-lab", "libvirt/dumpxml-ubuntu-lab.xml");
            a.put("-c " + uri + " domstate ubuntu-lab --reason", "libvirt/domstate-shutoff.txt");
            a.put("-c " + uri + " net-dumpxml default", "libvirt/net-dumpxml-default.xml");
            a.put("-c " + uri + " net-dumpxml lab-isolated", "libvirt/net-dumpxml-isolated.xml");
            a.put("-c " + uri + " domblkinfo ubuntu-lab vda", "libvirt/domblkinfo-vda.txt");
        }
        VmTestKit.standIn(bin(), "virsh", a);

        Evidence e = probe(VmTestKit.linuxHost(bin(), home()), new LibvirtProbe());

        assertThat(e.all(VmObserved.class)).singleElement().satisfies(vm -> {
            assertThat(vm.declaredOs()).isEqualTo("ubuntu 24.04");
            assertThat(vm.declaredOsId()).isEqualTo("http://ubuntu.com/ubuntu/24.04");
            assertThat(vm.state()).isEqualTo(VmState.OFF);
            assertThat(vm.rawState()).isEqualTo("shut off (unknown)");
            assertThat(vm.memoryMb()).isEqualTo(4096);
            assertThat(vm.nics()).extracting(VmNic::mode, VmNic::rawMode).containsExactly(
                    tuple(NicMode.NAT, "network/default (forward nat)"),
                    tuple(NicMode.HOST_ONLY, "network/lab-isolated (forward (none))"));
            assertThat(vm.bootSigns()).isEmpty();
        });
        GradeResult r = grade(rubric(tmp, List.of("libvirt"), null), evidence());
        assertThat(result(r, "vm.ubuntu-guest").outcome()).isEqualTo(Outcome.PASSED);
        assertThat(result(r, "vm.guest-installed").outcome()).as(outcomes(r)).isEqualTo(Outcome.FAILED);
        assertThat(result(r, "vm.network").outcome()).isEqualTo(Outcome.PASSED);
    }

    @Test
    @DisplayName("format test: Multipass and Parallels through their JSON")
    void multipassAndParallels() throws Exception {
        VmTestKit.standIn(bin(), "multipass", answers(
                "version", "multipass/version.txt",
                "list --format json", "multipass/list.json",
                "info --format json flowing-hawfinch lab-noble", "multipass/info.json"));
        VmTestKit.standIn(bin(), "prlctl", answers(
                "--version", "parallels/version.txt",
                "list -a -i -j", "parallels/list-a-i-j.json"));

        Evidence e = probe(VmTestKit.linuxHost(bin(), home()), new MultipassProbe(), new ParallelsProbe());

        assertThat(e.all(HypervisorObserved.class)).extracting(HypervisorObserved::hypervisor, HypervisorObserved::version)
                .containsExactly(tuple("multipass", "1.14.1"), tuple("parallels", "20.1.2"));
        assertThat(e.all(VmObserved.class)).extracting(VmObserved::name)
                .containsExactly("flowing-hawfinch", "lab-noble", "Ubuntu 24.04 ARM64", "macOS Sequoia");
        assertAllPassed(grade(rubric(tmp, List.of("multipass"), null), evidence()));
        assertAllPassed(grade(rubric(tmp, List.of("parallels"), null), evidence()));
    }

    @Test
    @DisplayName("format test: Hyper-V on a Windows host through PowerShell")
    void hyperV() throws Exception {
        // On this Linux test machine, Windows paths are file names with backslashes in them
        Path root = tmp.resolve("w");
        Files.createDirectories(root);
        String systemRoot = root + "\\Windows";
        Files.writeString(Path.of(systemRoot + "\\System32\\vmms.exe"), "MZ");
        VmTestKit.script(tmp, "w\\powershell.exe", "cat '" + VmTestKit.fixturePath("hyperv/get-vm-script.json") + "'");
        HostEnvironment windows = HostEnvironment.of(HostEnvironment.Os.WINDOWS,
                Map.of("Path", root.toString(), "SystemRoot", systemRoot), root);

        Evidence e = probe(windows, new HyperVProbe());

        assertThat(e.all(HypervisorObserved.class)).singleElement()
                .extracting(HypervisorObserved::version).isEqualTo("10.0.22621.3235");
        assertThat(e.all(VmObserved.class)).extracting(VmObserved::name).containsExactly("Ubuntu 24.04", "Windows 11 dev");
        assertAllPassed(grade(rubric(tmp, List.of("hyperv"), null), evidence()));
    }

    @Test
    @DisplayName("a VBoxManage that hangs is stopped at its bound and makes vm.exists NOT_GRADABLE, naming what was tried")
    void hanging() throws Exception {
        Path pids = tmp.resolve("pids");
        VmTestKit.script(bin(), "VBoxManage", "echo $$ >> '" + pids + "'\nsleep 600");
        HostEnvironment host = VmTestKit.linuxHost(bin(), home());
        VmProbeSettings settings = VmTestKit.settings(host, List.of(new VirtualBoxProbe()))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(30));
        long start = System.nanoTime();
        VmProbing.check(VmTestKit.bundle(evidence()), "check", settings);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(millis).as("bounded").isLessThan(10_000);
        Evidence e = VmTestKit.read(evidence());
        assertThat(e.all(VmProbeFailed.class)).singleElement().satisfies(f -> {
            assertThat(f.problem()).isEqualTo(VmProbeFailed.Problem.TIMEOUT);
            assertThat(f.tried()).endsWith("/VBoxManage --version");
            assertThat(f.step()).isEqualTo(VmProbeFailed.Step.DETECT);
        });
        for (String pid : Files.readAllLines(pids)) {
            assertThat(VmTestKit.gone(Long.parseLong(pid.strip()))).as("stand-in " + pid + " was killed").isTrue();
        }
        GradeResult r = grade(rubric(tmp, List.of("virtualbox", "vmware"), null), evidence());
        assertThat(result(r, "vm.hypervisor").outcome()).isEqualTo(Outcome.PASSED);
        assertThat(result(r, "vm.exists").outcome()).isEqualTo(Outcome.NOT_GRADABLE);
        assertThat(result(r, "vm.exists").message().en())
                .startsWith("The list of VMs could not be read. Tried: " + bin() + "/VBoxManage --version (did not finish within 2 s and was stopped).")
                .endsWith("Close any open dialogs of the hypervisor, restart it if needed, and run \"labgrader check\" again.");
        assertThat(result(r, "vm.exists").message().de())
                .startsWith("Die Liste der VMs konnte nicht gelesen werden. Versucht: " + bin() + "/VBoxManage --version (lief nicht innerhalb von 2 s zu Ende und wurde beendet).");
        assertThat(result(r, "vm.ubuntu-guest").outcome()).isEqualTo(Outcome.NOT_GRADABLE);
    }

    @Test
    @DisplayName("with the default bounds, a VBoxManage that hangs on its first call is given up after 20 s, not 90 s")
    void hangingFirstCallWithDefaultBounds() throws Exception {
        VmTestKit.script(bin(), "VBoxManage", "sleep 600");
        VmProbeSettings settings = VmProbeSettings.defaults().withHost(VmTestKit.linuxHost(bin(), home()))
                .withProbes(List.of(new VirtualBoxProbe()));
        long start = System.nanoTime();
        VmProbing.check(VmTestKit.bundle(evidence()), "check", settings);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(millis).as("the first call's bound, and nothing after it").isBetween(19_000L, 26_000L);
        GradeResult r = grade(rubric(tmp, List.of("virtualbox", "vmware"), null), evidence());
        assertThat(result(r, "vm.hypervisor").outcome()).isEqualTo(Outcome.PASSED);
        assertThat(result(r, "vm.hypervisor").message().en()).isEqualTo("Installed, but the hypervisor did not answer: "
                + bin() + "/VBoxManage --version (did not finish within 20 s and was stopped).");
        assertThat(result(r, "vm.hypervisor").message().de()).isEqualTo("Installiert, aber der Hypervisor hat nicht geantwortet: "
                + bin() + "/VBoxManage --version (lief nicht innerhalb von 20 s zu Ende und wurde beendet).");
        assertThat(result(r, "vm.exists").message().en())
                .contains("/VBoxManage --version (did not finish within 20 s and was stopped)");
        assertThat(result(r, "vm.exists").message().de())
                .contains("/VBoxManage --version (lief nicht innerhalb von 20 s zu Ende und wurde beendet)");
    }

    @Test
    @DisplayName("a VBoxManage that fails (VBoxSVC not reachable) makes vm.exists NOT_GRADABLE with its error")
    void failing() throws Exception {
        VmTestKit.script(bin(), "VBoxManage", "case \"$1\" in\n  --version) echo 7.1.4r165100 ;;\n"
                + "  *) echo 'VBoxManage: error: Failed to create the VirtualBox object!' >&2\n"
                + "     echo 'VBoxManage: error: The object functionality is limited' >&2\n"
                + "     echo 'VBoxManage: error: Details: code NS_ERROR_ABORT (0x80004004), component VirtualBoxWrap, interface IVirtualBox' >&2\n"
                + "     exit 1 ;;\nesac");

        Evidence e = probe(VmTestKit.linuxHost(bin(), home()), new VirtualBoxProbe());

        assertThat(e.all(VmProbeFailed.class)).singleElement().satisfies(f -> {
            assertThat(f.problem()).isEqualTo(VmProbeFailed.Problem.NOT_RUNNING);
            assertThat(f.exitCode()).isEqualTo(1);
            assertThat(f.step()).isEqualTo(VmProbeFailed.Step.LIST);
        });
        GradeResult r = grade(rubric(tmp, List.of("virtualbox", "vmware"), null), evidence());
        assertThat(result(r, "vm.hypervisor").outcome()).isEqualTo(Outcome.PASSED);
        assertThat(result(r, "vm.exists").outcome()).isEqualTo(Outcome.NOT_GRADABLE);
        assertThat(result(r, "vm.exists").message().en()).isEqualTo("The list of VMs could not be read. Tried: " + bin()
                + "/VBoxManage list vms (the hypervisor's service is not running or not reachable: VBoxManage: error: Failed to create"
                + " the VirtualBox object! / VBoxManage: error: The object functionality is limited / VBoxManage: error: Details: code"
                + " NS_ERROR_ABORT (0x80004004), component VirtualBoxWrap, interface IVirtualBox). Start the hypervisor or its service"
                + " (open VirtualBox once; libvirtd; multipassd) and run \"labgrader check\" again.");
    }

    @Test
    @DisplayName("no hypervisor at all: vm.hypervisor FAILED with the lab's hint, the rest BLOCKED")
    void noHypervisor() throws Exception {
        Files.createDirectories(bin());
        Evidence e = probe(VmTestKit.linuxHost(bin(), home()), VmProbes.all().toArray(VmProbe[]::new));

        assertThat(e.all(HypervisorNotFound.class)).extracting(HypervisorNotFound::hypervisor)
                .containsExactly("virtualbox", "vmware", "libvirt", "hyperv", "multipass", "parallels");
        assertThat(e.all(VmObserved.class)).isEmpty();
        GradeResult r = grade(rubric(tmp, List.of("virtualbox", "vmware"), null), evidence());
        var hv = result(r, "vm.hypervisor");
        assertThat(hv.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(hv.message().en()).startsWith("Expected VirtualBox or VMware installed, but found no hypervisor (looked: VirtualBox: PATH (VBoxManage, vboxmanage), "
                + home() + "/.config/VirtualBox/VirtualBox.xml, " + home() + "/.VirtualBox/VirtualBox.xml; VMware: PATH (vmrun), ");
        assertThat(hv.hint().en()).startsWith("Install VirtualBox (virtualbox.org) or VMware Workstation or Fusion");
        assertThat(hv.message().de()).startsWith("Erwartet: VirtualBox oder VMware installiert. Gefunden: kein Hypervisor (gesucht: VirtualBox: ");
        assertThat(r.criteria()).filteredOn(c -> !c.id().equals("vm.hypervisor")).extracting(c -> c.outcome())
                .containsOnly(Outcome.BLOCKED);
    }

    @Test
    @DisplayName("this machine's /etc/os-release and containers are never VM evidence")
    void hostOsReleaseIsNotAVm() throws Exception {
        Files.createDirectories(bin());
        Evidence e = probe(VmTestKit.linuxHost(bin(), home()), VmProbes.all().toArray(VmProbe[]::new));
        assertThat(e.all(VmObserved.class)).isEmpty();
        String journal = Files.readString(evidence().resolve("journal.jsonl"));
        if (Files.exists(Path.of("/etc/os-release"))) {
            String prettyName = Files.readAllLines(Path.of("/etc/os-release")).stream()
                    .filter(l -> l.startsWith("PRETTY_NAME=")).findFirst().orElse("PRETTY_NAME=\"-\"").substring(12).replace("\"", "");
            assertThat(journal).doesNotContain(prettyName);
        }
        assertThat(VmInventory.summaries(e.observations())).isEmpty();
    }

    private String rawText() throws IOException {
        try (Stream<Path> files = Files.list(evidence().resolve("raw"))) {
            StringBuilder all = new StringBuilder();
            for (Path f : files.sorted().toList()) {
                all.append(Files.readString(f)).append('\n');
            }
            return all.toString();
        }
    }
}
