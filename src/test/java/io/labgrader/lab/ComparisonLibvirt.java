package io.labgrader.lab;

import io.labgrader.evidence.compare.Comparison;
import io.labgrader.evidence.compare.Figure;
import io.labgrader.grading.GradeResult;
import io.labgrader.lab.module.ComparisonConsole;
import io.labgrader.lab.module.ComparisonText;
import io.labgrader.rubric.LocalizedText.Language;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Your comparison" of a running libvirt domain whose QEMU guest agent answers (VmLibvirtTest): the memory it
 * reserves and its vCPUs as {@code virsh dominfo} gives them, and the guest's own kernel as the agent reports it
 * ({@code virsh guestinfo --os}, os.kernel-release); live and offline alike.
 */
final class ComparisonLibvirt {

    private ComparisonLibvirt() {
    }

    static void assertFigures(GradeResult live, GradeResult offline, String domain, String guestinfo, String dominfo) {
        Comparison c = (Comparison) live.section("comparison");
        assertThat(offline.section("comparison")).as("the offline regrade's comparison").isEqualTo(c);

        long maxMemoryKib = Long.parseLong(field(dominfo, "Max memory").replace(" KiB", "").strip());
        Figure memory = c.figure("vm.memory").orElseThrow();
        assertThat(memory.subject()).isEqualTo(domain);
        assertThat(memory.number()).as("memory reserved, in bytes, against virsh dominfo's %s KiB", maxMemoryKib)
                .isEqualTo(maxMemoryKib * 1024.0);
        assertThat(memory.source()).startsWith("libvirt");
        assertThat(c.figure("vm.cpus").orElseThrow().number()).isEqualTo(Double.parseDouble(field(dominfo, "CPU(s)")));

        String kernel = field(guestinfo, "os.kernel-release");
        System.out.printf("comparison test: domain %s reserves %d KiB, %s vCPU(s), guest kernel %s%n", domain, maxMemoryKib,
                field(dominfo, "CPU(s)"), kernel);
        Figure guestKernel = c.figure("vm.kernel").orElseThrow();
        assertThat(guestKernel.text()).as("the guest agent's kernel").isEqualTo(kernel);
        assertThat(guestKernel.source()).isEqualTo("QEMU guest agent");
        assertThat(c.figure("vm.guest-report").orElseThrow().present()).isTrue();
        assertThat(c.figure("vm.last-start").orElseThrow().present()).as("a running domain is a VM start").isTrue();
        assertThat(ComparisonText.note(c.figure("vm.memory.guest").orElseThrow(), Language.EN)).contains("virsh dommemstat");
        assertThat(ComparisonConsole.render(c, Language.EN)).contains("Kernel: " + kernel + "  [" + domain + "]")
                .contains("Memory reserved: " + (maxMemoryKib >= 1024 * 1024 ? "" : (maxMemoryKib / 1024) + ".0 MiB"));
        assertThat(ComparisonConsole.render(c, Language.DE)).contains("Virtuelle CPUs: ")
                .contains("libvirt nennt weder Startzeit noch Startdauer");
    }

    /** "Max memory:     262144 KiB" or "os.kernel-release   : 6.1.0-18-amd64" */
    private static String field(String output, String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\s*:\\s*(.*?)\\s*$").matcher(output);
        assertThat(m.find()).as("expected '%s' in:%n%s", name, output).isTrue();
        return m.group(1);
    }
}
