package io.labgrader.probe.vm;

import io.labgrader.evidence.EvidenceBundle;
import io.labgrader.evidence.compare.Comparison;
import io.labgrader.evidence.compare.Figure;
import io.labgrader.lab.module.ComparisonText;
import io.labgrader.lab.module.ComparisonConsole;
import io.labgrader.rubric.LocalizedText.Language;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static io.labgrader.probe.vm.VmTestKit.answers;
import static io.labgrader.probe.vm.VmTestKit.fixture;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Your comparison" of VMs that cannot run here: stand-in executables print exactly what VBoxManage 7.1 and vmrun
 * print (the fixtures in src/test/resources/formats), the real probes write a real evidence bundle, and the
 * comparison is built from its journal. What each tool does not offer is said, not guessed (VirtualBox's
 * VBoxServiceVMInfo.cpp writes /VirtualBox/GuestInfo/OS/* but no uptime; VMStateChangeTime is the last state change).
 */
@DisplayName("Your comparison with stand-ins for VirtualBox and VMware")
class ComparisonStandInTest {

    @TempDir
    Path tmp;

    private Comparison probe(VmProbe probe) throws IOException {
        EvidenceBundle bundle = VmTestKit.bundle(tmp.resolve("evidence"));
        VmProbing.check(bundle, "check", VmTestKit.settings(VmTestKit.linuxHost(tmp.resolve("bin"), home()), List.of(probe)));
        return Comparison.of(VmTestKit.read(tmp.resolve("evidence")).observations());
    }

    private Path home() throws IOException {
        return Files.createDirectories(tmp.resolve("userhome"));
    }

    @Test
    @DisplayName("format test: VirtualBox 7.1: memory, CPUs, disks, VMStateChangeTime, Guest Additions' kernel and run level")
    void virtualBox71() throws Exception {
        VmTestKit.standIn(tmp.resolve("bin"), "VBoxManage", answers(
                "--version", "virtualbox/7.1-version.txt",
                "list vms", "virtualbox/7.1-list-vms.txt",
                "showvminfo 3f1b2c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d --machinereadable", "virtualbox/7.1-showvminfo-ubuntu.txt",
                "guestproperty enumerate 3f1b2c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", "virtualbox/7.1-guestproperty-ubuntu.txt",
                "showmediuminfo disk 7d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a", "virtualbox/7.1-showmediuminfo-snapshot.txt",
                "showmediuminfo disk 5b4a3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d", "virtualbox/7.1-showmediuminfo-base.txt"));

        Comparison c = probe(new VirtualBoxProbe());

        assertThat(number(c, "vm.memory")).isEqualTo(4096.0 * 1024 * 1024);   // memory=4096
        assertThat(number(c, "vm.cpus")).isEqualTo(4.0);                       // cpus=4
        assertThat(number(c, "vm.disk.capacity")).isEqualTo((double) (25600L << 20));
        assertThat(number(c, "vm.disk.allocated")).isEqualTo((double) ((412L + 9321L) << 20));
        Figure start = c.figure("vm.last-start").orElseThrow();
        assertThat(start.at()).isEqualTo(Instant.parse("2025-11-20T14:10:31.402Z"));   // VMStateChangeTime
        assertThat(start.source()).isEqualTo("VirtualBox: state running");
        assertThat(ComparisonText.note(start, Language.EN)).contains("VMStateChangeTime").contains("no uptime");
        assertThat(c.figure("vm.kernel").orElseThrow().text()).isEqualTo("6.8.0-48-generic");   // /VirtualBox/GuestInfo/OS/Release
        assertThat(c.figure("vm.guest-report").orElseThrow().text()).startsWith("VirtualBox Guest Additions 7.1.4");
        assertThat(c.figure("vm.memory.guest").orElseThrow().present()).isFalse();
        assertThat(c.vmStartObserved()).isTrue();
        assertThat(c.containerStartObserved()).as("no Docker in this evidence").isFalse();

        String de = ComparisonConsole.render(c, Language.DE);
        assertThat(de).contains("Letzter Start: 2025-11-20 14:10:31 UTC  [Ubuntu 24.04]")
                .contains("Reservierter Speicher: 4,0 GiB").contains("Virtuelle CPUs: 4 CPUs")
                .contains("Vom Gast genutzt: -").contains("Nur über \"VBoxManage metrics\"")
                .contains("Start bis zur ersten Antwort (HTTP 200): -");
    }

    @Test
    @DisplayName("format test: VMware Workstation 17: memsize, numvcpus, guestInfo.detailed.data's kernel, no start time")
    void vmware() throws Exception {
        Path vmFolder = Files.createDirectories(home().resolve("vmware/Ubuntu 64-bit"));
        Path vmx = vmFolder.resolve("Ubuntu 64-bit.vmx");
        Files.writeString(vmx, fixture("vmware/workstation17-windows-ubuntu.vmx"), StandardCharsets.ISO_8859_1);
        Files.writeString(vmFolder.resolve("Ubuntu 64-bit.vmdk"), fixture("vmware/Ubuntu 64-bit.vmdk"));
        Files.createDirectories(home().resolve(".vmware"));
        Files.writeString(home().resolve(".vmware/inventory.vmls"), ".encoding = \"UTF-8\"\nvmlist1.config = \"" + vmx
                + "\"\nvmlist1.DisplayName = \"Ubuntu 64-bit\"\nindex.count = \"0\"\n");
        VmTestKit.script(tmp.resolve("bin"), "vmrun", "case \"$1\" in\n  list) printf 'Total running VMs: 1\\n%s\\n' '" + vmx + "' ;;\n"
                + "  '') echo 'vmrun version 1.17.0 build-24995812'; echo; echo 'Usage: vmrun [AUTHENTICATION-FLAGS] COMMAND [PARAMETERS]'; exit 255 ;;\n"
                + "  *) exit 255 ;;\nesac");

        Comparison c = probe(new VmwareProbe());

        assertThat(number(c, "vm.memory")).isEqualTo(4096.0 * 1024 * 1024);   // memsize = "4096"
        assertThat(number(c, "vm.cpus")).isEqualTo(2.0);                       // numvcpus = "2"
        assertThat(c.figure("vm.kernel").orElseThrow().text()).isEqualTo("6.8.0-48-generic");
        Figure start = c.figure("vm.last-start").orElseThrow();
        assertThat(start.unit()).as("vmrun gives no start time: only that it runs").isEqualTo(Figure.Unit.SEEN_RUNNING);
        assertThat(ComparisonText.note(start, Language.EN)).startsWith("vmrun and the .vmx file give no start time");
        assertThat(ComparisonText.note(c.figure("vm.memory.guest").orElseThrow(), Language.EN)).isEqualTo("VMware does not report the guest's memory use.");
        assertThat(ComparisonConsole.render(c, Language.EN)).contains("Last start: running when checked at ");
    }

    private static double number(Comparison c, String key) {
        Figure f = c.figure(key).orElseThrow();
        assertThat(f.number()).as("expected a number for %s but found %s", key, f).isNotNull();
        return f.number();
    }
}
