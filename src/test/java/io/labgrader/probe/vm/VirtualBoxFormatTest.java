package io.labgrader.probe.vm;

import io.labgrader.evidence.vm.BootSign;
import io.labgrader.evidence.vm.NicMode;
import io.labgrader.evidence.vm.VmNic;
import io.labgrader.evidence.vm.VmState;
import io.labgrader.probe.vm.VBoxManageParser.GuestProperty;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.labgrader.probe.vm.VmTestKit.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

@DisplayName("format test: VirtualBox 6.1 and 7.x (VBoxManage, VirtualBox.xml, .vbox)")
class VirtualBoxFormatTest {

    @Test
    @DisplayName("format test: VBoxManage list vms, with an inaccessible VM")
    void listVms() {
        assertThat(VBoxManageParser.listVms(fixture("virtualbox/6.1-list-vms.txt")))
                .extracting(VBoxManageParser.ListedVm::name, VBoxManageParser.ListedVm::uuid)
                .containsExactly(tuple("ubuntu-lab", "6294f16b-4f05-4430-afb9-773bdb237aec"),
                        tuple("win10", "0b7e1f6c-2d3a-4c55-9a1e-8f2b7c9d4e10"));
        assertThat(VBoxManageParser.listVms(fixture("virtualbox/7.1-list-vms.txt")))
                .extracting(VBoxManageParser.ListedVm::name).containsExactly("Ubuntu 24.04", "<inaccessible>");
    }

    @Test
    @DisplayName("format test: VBoxManage --version of 7.1, 6.1 and a distribution build")
    void version() {
        assertThat(VBoxManageParser.version("7.1.4r165100\n")).isEqualTo("7.1.4");
        assertThat(VBoxManageParser.version("6.1.50r161033\n")).isEqualTo("6.1.50");
        assertThat(VBoxManageParser.version("6.1.38_Ubuntur153438\n")).isEqualTo("6.1.38");
    }

    @Test
    @DisplayName("format test: showvminfo --machinereadable 6.1 (Ubuntu, powered off, NAT and host-only, ISO and VDI)")
    void showVmInfo61() {
        Map<String, String> info = VBoxManageParser.machineReadable(fixture("virtualbox/6.1-showvminfo-ubuntu.txt"));
        assertThat(info).containsEntry("ostype", "Ubuntu (64-bit)").containsEntry("memory", "2048")
                .containsEntry("SATA-0-0", "/home/student/VirtualBox VMs/ubuntu-lab/ubuntu-lab.vdi")
                .containsEntry("Forwarding(0)", "ssh,tcp,127.0.0.1,2222,,22");
        VmBuilder vm = new VmBuilder("virtualbox");
        VirtualBoxProbe.applyShowVmInfo(vm, info);
        assertThat(vm.name).isEqualTo("ubuntu-lab");
        assertThat(vm.uuid).isEqualTo("6294f16b-4f05-4430-afb9-773bdb237aec");
        assertThat(vm.declaredOs).isEqualTo("Ubuntu (64-bit)");
        assertThat(vm.memoryMb).isEqualTo(2048);
        assertThat(vm.cpus).isEqualTo(2);
        assertThat(vm.state).isEqualTo(VmState.OFF);
        assertThat(vm.rawState).isEqualTo("poweroff");
        assertThat(vm.nics).extracting(VmNic::index, VmNic::mode, VmNic::rawMode, VmNic::attachment, VmNic::mac)
                .containsExactly(tuple(1, NicMode.NAT, "nat", null, "080027E5FA8F"),
                        tuple(2, NicMode.HOST_ONLY, "hostonly", "vboxnet0", "0800275D1A2B"));
        assertThat(VBoxMachineInfo.attachments(info)).filteredOn(VBoxMachineInfo.Attached::isHardDisk)
                .extracting(VBoxMachineInfo.Attached::slot, VBoxMachineInfo.Attached::uuid)
                .containsExactly(tuple("SATA-0-0", "c1f6bd8b-3e2a-4d5f-8a9b-0c1d2e3f4a5b"));
        assertThat(VBoxManageParser.iso("2024-03-12T09:41:27.315000000")).isEqualTo(Instant.parse("2024-03-12T09:41:27.315Z"));
    }

    @Test
    @DisplayName("format test: showvminfo --machinereadable 7.1 on Windows (escaped backslashes, unquoted facility keys, running)")
    void showVmInfo71() {
        Map<String, String> info = VBoxManageParser.machineReadable(fixture("virtualbox/7.1-showvminfo-ubuntu.txt"));
        assertThat(info).containsEntry("platformArchitecture", "x86")
                .containsEntry("CfgFile", "C:\\Users\\student\\VirtualBox VMs\\Ubuntu 24.04\\Ubuntu 24.04.vbox")
                .containsEntry("GuestAdditionsFacility_VirtualBox Base Driver", "50,1732111844190")
                .containsEntry("VideoMode", "1280,800,32");
        VmBuilder vm = new VmBuilder("virtualbox");
        VirtualBoxProbe.applyShowVmInfo(vm, info);
        assertThat(vm.declaredOs).isEqualTo("Other Linux (64-bit)");
        assertThat(vm.state).isEqualTo(VmState.RUNNING);
        assertThat(vm.cpus).isEqualTo(4);
        assertThat(vm.bootSigns).extracting(BootSign::kind).containsExactly(BootSign.Kind.RUNNING);
        assertThat(vm.nics).extracting(VmNic::index, VmNic::mode, VmNic::attachment, VmNic::connected)
                .containsExactly(tuple(1, NicMode.NAT, null, true),
                        tuple(2, NicMode.BRIDGED, "Intel(R) Wi-Fi 6 AX201 160MHz", false),
                        tuple(3, NicMode.NAT_NETWORK, "NatNetwork", true));
        assertThat(vm.guest.toolsVersion()).isEqualTo("7.1.4 r165100");
        assertThat(vm.guest.properties()).containsEntry("GuestOSType", "Linux26_64");
    }

    @Test
    @DisplayName("format test: showvminfo of an inaccessible VM")
    void inaccessible() {
        VmBuilder vm = new VmBuilder("virtualbox");
        vm.name = "<inaccessible>";
        VirtualBoxProbe.applyShowVmInfo(vm, VBoxManageParser.machineReadable(fixture("virtualbox/7.1-showvminfo-inaccessible.txt")));
        assertThat(vm.rawState).isEqualTo("inaccessible");
        assertThat(vm.uuid).isEqualTo("9a8b7c6d-5e4f-4321-8a9b-c0d1e2f3a4b5");
    }

    @Test
    @DisplayName("format test: showvminfo --machinereadable with a description of several lines (printed unescaped) keeps its keys")
    void multiLineDescription() {
        // VBoxManageInfo.cpp outputMachineReadableString escapes only '"' and '\\': a newline is printed as it is
        String out = fixture("virtualbox/7.1-showvminfo-ubuntu.txt").replace("description=\"Lab VM\"",
                "description=\"Lab VM for the course\nostype=\\\"Windows 10 (64-bit)\\\"\nmemory=1\"");
        assertThat(out).contains("\nmemory=1\"");

        Map<String, String> v = VBoxManageParser.machineReadable(out);

        assertThat(v.get("description")).isEqualTo("Lab VM for the course\nostype=\"Windows 10 (64-bit)\"\nmemory=1");
        assertThat(v.get("ostype")).isEqualTo("Other Linux (64-bit)");
        assertThat(v.get("memory")).isNotEqualTo("1");
    }

    @Test
    @DisplayName("format test: guestproperty enumerate 6.x (Name: …, value: …, timestamp: …, flags: …)")
    void guestProperties6() {
        List<GuestProperty> props = VBoxManageParser.guestProperties(fixture("virtualbox/6.1-guestproperty-ubuntu.txt"));
        assertThat(props).hasSize(24);
        assertThat(props).filteredOn(p -> p.name().equals("/VirtualBox/GuestInfo/OS/Version")).singleElement()
                .satisfies(p -> {
                    assertThat(p.value()).isEqualTo("#101~20.04.1-Ubuntu SMP Thu Nov 16 14:22:28 UTC 2023");
                    assertThat(p.timestamp()).isEqualTo(Instant.ofEpochSecond(1710236389L, 117065000L));
                    assertThat(p.flags()).isEmpty();
                });
        assertThat(props).filteredOn(p -> p.name().equals("/VirtualBox/GuestInfo/OS/ServicePack")).singleElement()
                .extracting(GuestProperty::value).isEqualTo("");
        assertThat(props).filteredOn(p -> p.name().equals("/VirtualBox/HostInfo/VBoxVer")).singleElement()
                .extracting(GuestProperty::flags).isEqualTo("TRANSIENT, RDONLYGUEST");
        VmBuilder vm = new VmBuilder("virtualbox");
        VBoxGuestProperties.apply(vm, props);
        assertThat(vm.guest.via()).isEqualTo("VirtualBox Guest Additions 6.1.50");
        assertThat(vm.guest.osName()).isEqualTo("Linux");
        assertThat(vm.guest.kernelRelease()).isEqualTo("5.15.0-91-generic");
        assertThat(vm.guest.kernelVersion()).contains("-Ubuntu SMP");
        assertThat(vm.guest.properties()).doesNotContainKeys("/VirtualBox/GuestInfo/OS/LoggedInUsersList",
                "/VirtualBox/GuestInfo/OS/LoggedInUsers");
        assertThat(vm.hypervisorVersion).isEqualTo("6.1.50");
        assertThat(vm.bootSigns).extracting(BootSign::kind).containsExactly(BootSign.Kind.STARTED);
        assertThat(VBoxManageParser.guestProperties(fixture("virtualbox/6.1-guestproperty-empty.txt"))).isEmpty();
    }

    @Test
    @DisplayName("format test: guestproperty enumerate 7.x (name = 'value' @ time flags)")
    void guestProperties7() {
        List<GuestProperty> props = VBoxManageParser.guestProperties(fixture("virtualbox/7.1-guestproperty-ubuntu.txt"));
        assertThat(props).hasSize(25);
        assertThat(props).filteredOn(p -> p.name().equals("/VirtualBox/GuestInfo/OS/Version")).singleElement()
                .satisfies(p -> {
                    assertThat(p.value()).isEqualTo("#48-Ubuntu SMP PREEMPT_DYNAMIC Fri Sep 27 14:04:52 UTC 2024");
                    assertThat(p.timestamp()).isEqualTo(Instant.parse("2025-11-20T14:10:44.189Z"));
                });
        assertThat(props).filteredOn(p -> p.name().equals("/VirtualBox/GuestAdd/VBoxService/--timesync-set-start")).singleElement()
                .satisfies(p -> {
                    assertThat(p.value()).isEmpty();
                    assertThat(p.flags()).isEqualTo("TRANSIENT, RDONLYGUEST");
                });
        VmBuilder vm = new VmBuilder("virtualbox");
        VBoxGuestProperties.apply(vm, props);
        assertThat(vm.guest.via()).isEqualTo("VirtualBox Guest Additions 7.1.4");
        assertThat(vm.guest.kernelRelease()).isEqualTo("6.8.0-48-generic");
        assertThat(vm.guest.reportedAt()).isEqualTo(Instant.parse("2025-11-20T14:10:44.189Z"));
    }

    @Test
    @DisplayName("format test: guest user names are removed from captures of both guestproperty forms and .vbox")
    void guestUsersRedacted() {
        String six = VBoxGuestProperties.redactGuestUsers(fixture("virtualbox/6.1-guestproperty-ubuntu.txt"));
        String seven = VBoxGuestProperties.redactGuestUsers(fixture("virtualbox/7.1-guestproperty-ubuntu.txt"));
        assertThat(six).contains("LoggedInUsersList, value: <user>, timestamp:").doesNotContain("value: student,");
        assertThat(seven).containsPattern("LoggedInUsersList\\s+= '<user>'").contains("/VirtualBox/GuestInfo/User/<user>/UsageState")
                .doesNotContain("'student'").doesNotContain("User/student");
        assertThat(VBoxGuestProperties.redactGuestUsers("<GuestProperty name=\"/VirtualBox/GuestInfo/OS/LoggedInUsersList\" value=\"alice,bob\"/>"))
                .isEqualTo("<GuestProperty name=\"/VirtualBox/GuestInfo/OS/LoggedInUsersList\" value=\"<user>\"/>");
    }

    @Test
    @DisplayName("format test: showmediuminfo of a base image and of a snapshot's differencing image")
    void mediumInfo() {
        VBoxManageParser.MediumInfo base = VBoxManageParser.mediumInfo(fixture("virtualbox/6.1-showmediuminfo-ubuntu.txt"));
        assertThat(base.format()).isEqualTo("VDI");
        assertThat(base.parentUuid()).isNull();
        assertThat(base.capacityBytes()).isEqualTo(25600L * 1024 * 1024);
        assertThat(base.sizeOnDiskBytes()).isEqualTo(8714L * 1024 * 1024);
        VBoxManageParser.MediumInfo diff = VBoxManageParser.mediumInfo(fixture("virtualbox/7.1-showmediuminfo-snapshot.txt"));
        assertThat(diff.parentUuid()).isEqualTo("5b4a3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d");
        assertThat(diff.sizeOnDiskBytes()).isEqualTo(412L * 1024 * 1024);
    }

    @Test
    @DisplayName("format test: VirtualBox.xml registry (Linux) with a relative entry and the GUI's version note")
    void registry() throws Exception {
        VBoxSettingsParser.Registry r = VBoxSettingsParser.registry(fixture("virtualbox/VirtualBox.xml"));
        assertThat(r.machines()).extracting(VBoxSettingsParser.MachineEntry::uuid, VBoxSettingsParser.MachineEntry::src)
                .containsExactly(tuple("6294f16b-4f05-4430-afb9-773bdb237aec", "/home/student/VirtualBox VMs/ubuntu-lab/ubuntu-lab.vbox"),
                        tuple("0b7e1f6c-2d3a-4c55-9a1e-8f2b7c9d4e10", "VMs/win10/win10.vbox"));
        assertThat(r.versionHint()).isEqualTo("6.1.50");
    }

    @Test
    @DisplayName("format test: .vbox settings: snapshot copies and disabled network modes are not the current settings")
    void vboxFile() throws Exception {
        VBoxSettingsParser.Machine m = VBoxSettingsParser.machine(fixture("virtualbox/ubuntu-lab.vbox"));
        assertThat(m.name()).isEqualTo("ubuntu-lab");
        assertThat(m.osType()).isEqualTo("Ubuntu_64");
        assertThat(m.memoryMb()).isEqualTo(2048);
        assertThat(m.cpus()).isEqualTo(2);
        assertThat(m.nics()).extracting(VmNic::index, VmNic::mode, VmNic::rawMode, VmNic::attachment)
                .containsExactly(tuple(1, NicMode.NAT, "NAT", null), tuple(2, NicMode.HOST_ONLY, "HostOnlyInterface", "vboxnet0"));
        assertThat(m.disks()).extracting(VBoxSettingsParser.AttachedDisk::uuid)
                .containsExactly("d2e3f4a5-6b7c-4d8e-9f0a-1b2c3d4e5f6a");
        assertThat(m.media().get("d2e3f4a5-6b7c-4d8e-9f0a-1b2c3d4e5f6a").parentUuid()).isEqualTo("c1f6bd8b-3e2a-4d5f-8a9b-0c1d2e3f4a5b");
        assertThat(m.guestProperties()).extracting(GuestProperty::name).contains("/VirtualBox/GuestInfo/OS/Version");
        VBoxSettingsParser.Machine win = VBoxSettingsParser.machine(fixture("virtualbox/win10.vbox"));
        assertThat(win.disks()).hasSize(1);
        assertThat(win.nics()).extracting(VmNic::mode).containsExactly(NicMode.NAT);
    }

    @Test
    @DisplayName("format test: Windows paths: VirtualBox.xml entries, install locations, settings locations")
    void windowsPaths() throws Exception {
        VBoxSettingsParser.Registry r = VBoxSettingsParser.registry(fixture("virtualbox/VirtualBox-windows.xml"));
        assertThat(r.machines()).extracting(VBoxSettingsParser.MachineEntry::src)
                .containsExactly("C:\\Users\\student\\VirtualBox VMs\\Ubuntu 24.04\\Ubuntu 24.04.vbox", "D:\\VMs\\old-lab\\old-lab.vbox");
        HostEnvironment win = HostEnvironment.of(HostEnvironment.Os.WINDOWS, Map.of(
                "VBOX_MSI_INSTALL_PATH", "D:\\Apps\\VirtualBox\\", "ProgramFiles", "C:\\Program Files", "Path", "C:\\Windows\\system32"),
                Path.of("C:\\Users\\student"));
        assertThat(VirtualBoxProbe.usualLocations(win)).startsWith("D:\\Apps\\VirtualBox\\VBoxManage.exe",
                "C:\\Program Files\\Oracle\\VirtualBox\\VBoxManage.exe");
        assertThat(VirtualBoxProbe.settingsLocations(win)).containsExactly("C:\\Users\\student\\.VirtualBox\\VirtualBox.xml");
        assertThat(win.pathDirs()).containsExactly("C:\\Windows\\system32");
        assertThat(VBoxSettingsReader.resolve(win, "C:\\Users\\student\\.VirtualBox", "VMs/x/x.vbox"))
                .isEqualTo("C:\\Users\\student\\.VirtualBox\\VMs\\x\\x.vbox");
        assertThat(VBoxSettingsReader.resolve(win, "C:\\Users\\student\\.VirtualBox", "D:\\VMs\\old-lab\\old-lab.vbox"))
                .isEqualTo("D:\\VMs\\old-lab\\old-lab.vbox");
        HostEnvironment mac = HostEnvironment.of(HostEnvironment.Os.MACOS, Map.of(), Path.of("/Users/student"));
        assertThat(VirtualBoxProbe.usualLocations(mac)).contains("/Applications/VirtualBox.app/Contents/MacOS/VBoxManage");
        assertThat(VirtualBoxProbe.settingsLocations(mac)).startsWith("/Users/student/Library/VirtualBox/VirtualBox.xml");
        HostEnvironment linux = HostEnvironment.of(HostEnvironment.Os.LINUX, Map.of("VBOX_USER_HOME", "/srv/vbox"), Path.of("/home/student"));
        assertThat(VirtualBoxProbe.settingsLocations(linux)).containsExactly("/srv/vbox/VirtualBox.xml",
                "/home/student/.config/VirtualBox/VirtualBox.xml", "/home/student/.VirtualBox/VirtualBox.xml");
        assertThat(VirtualBoxProbe.usualLocations(linux)).contains("/usr/bin/VBoxManage", "/usr/lib/virtualbox/VBoxManage");
    }
}
