package io.labgrader.probe.vm;

import io.labgrader.evidence.vm.VmObserved;
import io.labgrader.grading.GradeResult;
import io.labgrader.grading.Outcome;
import io.labgrader.probe.vm.VBoxGuestPropertyPrinter.Property;
import io.labgrader.probe.vm.VBoxManageParser.GuestProperty;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;

import static io.labgrader.probe.vm.VmTestKit.fixture;
import static io.labgrader.probe.vm.VmTestKit.grade;
import static io.labgrader.probe.vm.VmTestKit.outcomes;
import static io.labgrader.probe.vm.VmTestKit.result;
import static io.labgrader.probe.vm.VmTestKit.rubric;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code VBoxManage guestproperty enumerate} of VirtualBox 6.0, 6.1, 7.0, 7.1 and 7.2, printed by
 * {@link VBoxGuestPropertyPrinter} from the print statements of VirtualBox's source (VBoxManage cannot be installed
 * here). Every property must be read back, above all the ones the guest writes itself, which carry no flags.
 */
class VBoxGuestPropertyFormatTest {

    private static final long BOOT = Instant.parse("2024-03-12T09:40:58.123456789Z").getEpochSecond() * 1_000_000_000L + 123_456_789L;

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "format test: VirtualBox {0} guestproperty enumerate ({1} form), guest-written lines without flags")
    @CsvSource({
            "6.0.24, old, 139119",
            "6.1.50, old, 161033",
            "7.0.20, new, 163906",
            "7.0.20, old, 163906",  // 7.x with --old-format
            "7.1.4, new, 165100",
            "7.2.4, new, 170995"})
    void everyPropertyIsReadBack(String version, String form, String revision) {
        List<Property> printed = VBoxGuestPropertyPrinter.ubuntuGuest(version, revision, BOOT);
        String out = form.equals("old") ? VBoxGuestPropertyPrinter.oldFormat(printed) : VBoxGuestPropertyPrinter.newFormat(printed);

        List<GuestProperty> read = VBoxManageParser.guestProperties(out);

        assertThat(read).as(out).hasSameSizeAs(printed);
        for (Property p : printed) {
            assertThat(read).as(p.name()).filteredOn(r -> r.name().equals(p.name())).singleElement().satisfies(r -> {
                assertThat(r.value()).isEqualTo(p.value());
                assertThat(r.flags()).isEqualTo(p.flags());
                Instant at = Instant.ofEpochSecond(0, p.timestampNanos());
                // the old form prints nanoseconds, the new one milliseconds
                assertThat(r.timestamp()).isEqualTo(form.equals("old") ? at : at.truncatedTo(ChronoUnit.MILLIS));
            });
        }
        VmBuilder vm = new VmBuilder("virtualbox");
        VBoxGuestProperties.apply(vm, read);
        assertThat(vm.guest.via()).isEqualTo("VirtualBox Guest Additions " + version);
        assertThat(vm.guest.kernelVersion()).contains("-Ubuntu SMP");
    }

    @Test
    @DisplayName("format test: 6.x lines as copied from a terminal, whose empty flags lost their trailing blank (\"flags:\")")
    void trailingBlankGone() {
        String out = VBoxGuestPropertyPrinter.oldFormat(VBoxGuestPropertyPrinter.ubuntuGuest("6.1.50", "161033", BOOT))
                .lines().map(String::stripTrailing).collect(Collectors.joining("\r\n"));
        assertThat(out).contains("UTC 2023, timestamp: " + (BOOT + 31_117_065_000L) + ", flags:\r\n");

        List<GuestProperty> read = VBoxManageParser.guestProperties(out);

        assertThat(read).hasSize(24);
        assertThat(read).filteredOn(r -> r.name().equals("/VirtualBox/GuestInfo/OS/Release")).singleElement()
                .satisfies(r -> assertThat(r.flags()).isEmpty());
    }

    @Test
    @DisplayName("format test: VirtualBox 6.1 stand-in: a VM declared \"Other Linux (64-bit)\" whose Guest Additions report Ubuntu passes vm.ubuntu-guest")
    void otherLinuxWithUbuntuGuestUnder61() throws Exception {
        Path bin = tmp.resolve("bin");
        Path home = Files.createDirectories(tmp.resolve("userhome"));
        String uuid = "6294f16b-4f05-4430-afb9-773bdb237aec";
        String showvminfo = fixture("virtualbox/6.1-showvminfo-ubuntu.txt")
                .replace("ostype=\"Ubuntu (64-bit)\"", "ostype=\"Other Linux (64-bit)\"");
        assertThat(showvminfo).contains("ostype=\"Other Linux (64-bit)\"");
        VmTestKit.standInTexts(bin, "VBoxManage", VmTestKit.answers(
                "--version", "6.1.50r161033\n",
                "list vms", "\"ubuntu-lab\" {" + uuid + "}\n",
                "showvminfo " + uuid + " --machinereadable", showvminfo,
                "guestproperty enumerate " + uuid,
                VBoxGuestPropertyPrinter.oldFormat(VBoxGuestPropertyPrinter.ubuntuGuest("6.1.50", "161033", BOOT))));
        Path evidence = tmp.resolve("evidence");
        VmProbing.check(VmTestKit.bundle(evidence), "check",
                VmTestKit.settings(VmTestKit.linuxHost(bin, home), List.of(new VirtualBoxProbe())));

        VmObserved vm = VmTestKit.read(evidence).all(VmObserved.class).get(0);
        assertThat(vm.declaredOs()).isEqualTo("Other Linux (64-bit)");
        assertThat(vm.guest().kernelVersion()).contains("-Ubuntu SMP");
        GradeResult r = grade(rubric(tmp, List.of("virtualbox"), null), evidence);
        assertThat(result(r, "vm.ubuntu-guest").outcome()).as(outcomes(r)).isEqualTo(Outcome.PASSED);
        assertThat(result(r, "vm.guest-installed").outcome()).as(outcomes(r)).isEqualTo(Outcome.PASSED);
    }
}
