package io.labgrader.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labgrader.evidence.vm.GuestReport;
import io.labgrader.evidence.vm.NicMode;
import io.labgrader.evidence.vm.VmDisk;
import io.labgrader.evidence.vm.VmNic;
import io.labgrader.evidence.vm.VmState;
import io.labgrader.evidence.vm.VmSummary;
import io.labgrader.grading.GradeResult;
import io.labgrader.grading.SectionData;
import io.labgrader.rubric.LocalizedText.Language;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every VM found is shown, for the lab's "examine resources and network", in each report format. */
class VmReportsTest {

    private static final Instant T = Instant.parse("2026-11-28T10:00:00Z");

    private static GradeResult withOneVm() {
        GradeResult base = Fixtures.fourOutcomes();
        VmSummary vm = new VmSummary("virtualbox", "VirtualBox", "7.1.4", "ubuntu|lab\u001b[2J", "6294f16b-4f05-4430-afb9-773bdb237aec",
                VmState.OFF, "poweroff", "Ubuntu (64-bit)", "Ubuntu_64",
                new GuestReport("guest additions", "ubuntu", "Ubuntu", "24.04", "Ubuntu 24.04.1 LTS", null, null, "7.1.4", T, Map.of()),
                T, 4096L, 2, List.of(new VmDisk("disk", "VDI", 25L << 30, 9L << 30, null)),
                List.of(new VmNic(1, NicMode.NAT, "nat", null, "080027C0FFEE", true),
                        new VmNic(2, NicMode.HOST_ONLY, "hostonly", "vboxnet0", "080027C0FFEF", true)),
                true, List.of(), null, List.of("VBoxManage"), T, T);
        return base.withSections(List.of(new SectionData("docker-vs-vm", "vms", List.of(vm))));
    }

    @Test
    void jsonListsTheVmWithResourcesAndNetwork() throws Exception {
        JsonNode vm = new ObjectMapper().readTree(new JsonReport().render(withOneVm(), Language.EN)).path("vms").get(0);
        assertThat(vm.path("hypervisor").asText()).isEqualTo("VirtualBox 7.1.4");
        assertThat(vm.path("name").asText()).isEqualTo("ubuntu|lab");
        assertThat(vm.path("declaredOs").asText()).isEqualTo("Ubuntu (64-bit)");
        assertThat(vm.path("guestOs").asText()).contains("Ubuntu 24.04.1 LTS");
        assertThat(vm.path("memoryMb").asLong()).isEqualTo(4096);
        assertThat(vm.path("cpus").asInt()).isEqualTo(2);
        assertThat(vm.path("disks").get(0).path("format").asText()).isEqualTo("VDI");
        assertThat(vm.path("nics")).extracting(n -> n.path("mode").asText()).containsExactly("NAT", "host-only");
    }

    @Test
    void markdownHasATableRowPerVmWithEscapedNames() {
        String md = new MarkdownReport().render(withOneVm(), Language.DE);
        assertThat(md).contains("### Gefundene VMs")
                .contains("| VirtualBox 7.1.4 | ubuntu\\|lab |")
                .contains("| 4096 MB | 2 |")
                .contains("host-only");
        assertThat(md).doesNotContain("\u001b");
    }

    @Test
    void consoleListsEachVmOnOneCleanLine() {
        String text = new ConsoleReport().render(withOneVm(), Language.EN, false);
        assertThat(text).contains("VMs found:\n  VirtualBox 7.1.4 · 'ubuntu|lab'").contains("4096 MB").contains("2 CPUs")
                .doesNotContain("\u001b");
    }
}
