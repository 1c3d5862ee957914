package io.labgrader.probe.vm;

import io.labgrader.evidence.vm.NicMode;
import io.labgrader.evidence.vm.VmDisk;
import io.labgrader.evidence.vm.VmNic;
import io.labgrader.evidence.vm.VmState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.labgrader.probe.vm.VmTestKit.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

@DisplayName("format test: VMware Workstation 17, Fusion on Apple Silicon, inventory, vmrun")
class VmwareFormatTest {

    @Test
    @DisplayName("format test: Workstation 17 .vmx on Windows (windows-1252, CRLF, NAT, SCSI disk, ISO, VMware Tools report)")
    void workstation17() {
        Map<String, String> vmx = VmxParser.parse(fixture("vmware/workstation17-windows-ubuntu.vmx"));
        assertThat(vmx).containsEntry("guestos", "ubuntu-64").containsEntry("memsize", "4096")
                .containsEntry("sata0:1.filename", "C:\\Users\\student\\Downloads\\ubuntu-24.04.1-desktop-amd64.iso");
        VmBuilder vm = new VmBuilder("vmware");
        VmxReader.apply(vm, vmx, null);
        assertThat(vm.name).isEqualTo("Ubuntu 64-bit");
        assertThat(vm.uuid).isEqualTo("564d7a3f9c1e22b48d0a6e55c7123b9f");
        assertThat(vm.declaredOs).isEqualTo("ubuntu-64");
        assertThat(vm.memoryMb).isEqualTo(4096);
        assertThat(vm.cpus).isEqualTo(2);
        assertThat(vm.nics).extracting(VmNic::index, VmNic::mode, VmNic::rawMode, VmNic::mac)
                .containsExactly(tuple(0, NicMode.NAT, "nat", "00:0c:29:12:3b:9f"));
        assertThat(vm.disks).extracting(VmDisk::name, VmDisk::format, VmDisk::location)
                .containsExactly(tuple("scsi0:0", "VMDK", "Ubuntu 64-bit.vmdk"));
        assertThat(vm.guest.via()).isEqualTo("VMware Tools (guestInfo.detailed.data)");
        assertThat(vm.guest.osName()).isEqualTo("Ubuntu");
        assertThat(vm.guest.osVersion()).isEqualTo("24.04");
        assertThat(vm.guest.prettyName()).isEqualTo("Ubuntu 24.04.1 LTS");
        assertThat(vm.guest.kernelRelease()).isEqualTo("6.8.0-48-generic");
        assertThat(vm.guest.properties()).containsEntry("cpeString", "cpe:/o:canonical:ubuntu_linux:24.04");
    }

    @Test
    @DisplayName("format test: Fusion on Apple Silicon .vmx (arm-ubuntu-64, NVMe disk, e1000e)")
    void fusionAppleSilicon() {
        VmBuilder vm = new VmBuilder("vmware");
        VmxReader.apply(vm, VmxParser.parse(fixture("vmware/fusion-applesilicon-ubuntu.vmx")), null);
        assertThat(vm.declaredOs).isEqualTo("arm-ubuntu-64");
        assertThat(vm.cpus).isEqualTo(4);
        assertThat(vm.disks).extracting(VmDisk::name).containsExactly("nvme0:0");
        assertThat(vm.nics).extracting(VmNic::mode).containsExactly(NicMode.NAT);
        assertThat(vm.guest.prettyName()).isEqualTo("Ubuntu 22.04.1 LTS");
        assertThat(vm.guest.properties()).containsEntry("architecture", "Arm");
    }

    @Test
    @DisplayName("format test: \"Other Linux\" .vmx whose VMware Tools report Ubuntu; custom VMnet1/VMnet2; |22 escapes")
    void otherLinux() {
        Map<String, String> vmx = VmxParser.parse(fixture("vmware/workstation17-other-linux.vmx"));
        assertThat(vmx.get("annotation")).isEqualTo("Lab VM \"created by the lab script\"\n");
        VmBuilder vm = new VmBuilder("vmware");
        VmxReader.apply(vm, vmx, null);
        assertThat(vm.declaredOs).isEqualTo("other5xlinux-64");
        assertThat(vm.cpus).isEqualTo(1);
        assertThat(vm.guest.osName()).isEqualTo("Ubuntu");
        assertThat(vm.nics).extracting(VmNic::mode, VmNic::rawMode, VmNic::connected)
                .containsExactly(tuple(NicMode.HOST_ONLY, "custom/VMnet1", null), tuple(NicMode.OTHER, "custom/VMnet2", false));
    }

    @Test
    @DisplayName("format test: .vmx with the network adapter removed")
    void noNetwork() {
        VmBuilder vm = new VmBuilder("vmware");
        VmxReader.apply(vm, VmxParser.parse(fixture("vmware/workstation17-no-network.vmx")), null);
        assertThat(vm.nics).isEmpty();
        assertThat(vm.guest).isNull();
    }

    @Test
    @DisplayName("format test: inventory.vmls on Windows (folders skipped), Fusion's vmInventory, preferences, vmrun list")
    void inventories() {
        assertThat(VmxParser.inventoryPaths(fixture("vmware/inventory-windows.vmls"))).containsExactly(
                "C:\\Users\\student\\Documents\\Virtual Machines\\Ubuntu 64-bit\\Ubuntu 64-bit.vmx",
                "D:\\VMs\\lab-vm\\lab-vm.vmx");
        assertThat(VmxParser.inventoryPaths(fixture("vmware/fusion-vmInventory"))).containsExactly(
                "/Users/student/Virtual Machines.localized/Ubuntu 22.04 ARM.vmwarevm/Ubuntu 22.04 ARM.vmx");
        assertThat(VmxParser.recentPaths(fixture("vmware/preferences-linux")))
                .containsExactly("/home/student/vmware/ubuntu-offline/ubuntu-offline.vmx");
        assertThat(VmxParser.running(fixture("vmware/vmrun-list.txt")))
                .containsExactly("/home/student/vmware/Ubuntu 64-bit/Ubuntu 64-bit.vmx");
        assertThat(VmxParser.running(fixture("vmware/vmrun-list-none.txt"))).isEmpty();
    }

    @Test
    @DisplayName("format test: Windows, macOS and Linux locations of vmrun, inventory and VM folders")
    void locations() {
        HostEnvironment win = HostEnvironment.of(HostEnvironment.Os.WINDOWS, Map.of("ProgramFiles(x86)", "C:\\Program Files (x86)",
                "APPDATA", "C:\\Users\\student\\AppData\\Roaming"), Path.of("C:\\Users\\student"));
        assertThat(VmwareProbe.vmrunLocations(win)).contains("C:\\Program Files (x86)\\VMware\\VMware Workstation\\vmrun.exe");
        assertThat(VmwareProbe.inventoryLocations(win)).containsExactly("C:\\Users\\student\\AppData\\Roaming\\VMware\\inventory.vmls",
                "C:\\Users\\student\\AppData\\Roaming\\VMware\\preferences.ini");
        assertThat(VmwareProbe.defaultVmFolders(win)).containsExactly("C:\\Users\\student\\Documents\\Virtual Machines");
        HostEnvironment mac = HostEnvironment.of(HostEnvironment.Os.MACOS, Map.of(), Path.of("/Users/student"));
        assertThat(VmwareProbe.vmrunLocations(mac)).contains("/Applications/VMware Fusion.app/Contents/Library/vmrun");
        assertThat(VmwareProbe.inventoryLocations(mac)).contains("/Users/student/Library/Application Support/VMware Fusion/vmInventory");
        HostEnvironment linux = HostEnvironment.of(HostEnvironment.Os.LINUX, Map.of(), Path.of("/home/student"));
        assertThat(VmwareProbe.inventoryLocations(linux)).contains("/home/student/.vmware/inventory.vmls");
    }

    @Test
    @DisplayName("format test: a split VMDK descriptor: capacity from its extents, allocation from the extent files")
    void vmdkDescriptor(@TempDir Path dir) throws Exception {
        Path descriptor = dir.resolve("Ubuntu 64-bit.vmdk");
        Files.writeString(descriptor, fixture("vmware/Ubuntu 64-bit.vmdk"));
        for (int i = 1; i <= 6; i++) {
            try (RandomAccessFile f = new RandomAccessFile(dir.resolve("Ubuntu 64-bit-s00" + i + ".vmdk").toFile(), "rw")) {
                f.setLength(i == 1 ? 3L * 1024 * 1024 * 1024 : 64L * 1024 * 1024);
            }
        }
        DiskImages.ImageInfo info = DiskImages.inspect(descriptor);
        assertThat(info.format()).isEqualTo("VMDK");
        assertThat(info.capacityBytes()).isEqualTo(20L * 1024 * 1024 * 1024);
        assertThat(info.allocatedBytes()).isEqualTo(3L * 1024 * 1024 * 1024 + 5 * 64L * 1024 * 1024 + Files.size(descriptor));
        assertThat(DiskImages.extents(fixture("vmware/Ubuntu 64-bit.vmdk"))).hasSize(6);
    }

    @Test
    @DisplayName("format test: .vmx state without vmrun: suspended via checkpoint.vmState")
    void suspended() {
        VmBuilder vm = new VmBuilder("vmware");
        VmxReader.apply(vm, VmxParser.parse("guestOS = \"ubuntu-64\"\ncheckpoint.vmState = \"Ubuntu 64-bit-2f1c.vmss\"\n"), null);
        assertThat(vm.state).isEqualTo(VmState.SAVED);
    }
}
