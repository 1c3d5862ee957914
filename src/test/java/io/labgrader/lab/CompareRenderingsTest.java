package io.labgrader.lab;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.labgrader.evidence.Observation;
import io.labgrader.evidence.compare.ComparisonJournals;
import io.labgrader.evidence.compare.ContainerStatsObserved;
import io.labgrader.evidence.docker.EngineObserved;
import io.labgrader.evidence.vm.BootSign;
import io.labgrader.evidence.vm.VmDisk;
import io.labgrader.evidence.vm.VmObserved;
import io.labgrader.evidence.vm.VmState;
import io.labgrader.lab.module.DockerVsVmLab;
import io.labgrader.module.ReportSection;
import io.labgrader.rubric.LocalizedText.Language;
import io.labgrader.testing.GermanLeaks;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static io.labgrader.evidence.compare.ComparisonJournals.T;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Ihr Vergleich" / "Your comparison" as the console, report.md and report.json show it, whole and byte for byte,
 * in German and English, for journals that reach every figure's text: a finished lab, Docker alone, a libvirt VM
 * with nothing reported, a VMware VM only seen running beside a container with a CPU limit, a Hyper-V VM without
 * disks, a VirtualBox VM whose guest never reported. The expected files under compare-renderings/ were written by
 * the comparison before its texts moved into the lab's bundle, so any change of a word, a space or a number format
 * fails here.
 */
class CompareRenderingsTest {

    private static final ObjectWriter JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT).build()
            .writer();

    static Stream<Arguments> renderings() {
        List<Arguments> all = new ArrayList<>();
        for (Map.Entry<String, List<Observation>> journal : journals().entrySet()) {
            for (Language language : List.of(Language.DE, Language.EN)) {
                all.add(Arguments.of(journal.getKey(), language));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("renderings")
    void everyRenderingIsWhatItWas(String journal, Language language) throws Exception {
        String name = journal + "." + language.tag();
        assertThat(render(journals().get(journal), language))
                .as("expected the comparison of '%s' to render exactly as compare-renderings/%s.txt", journal, name)
                .isEqualTo(expected(name + ".txt"));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("renderings")
    void germanHoldsNoEnglishOfTheBundles(String journal, Language language) throws Exception {
        String shown = render(journals().get(journal), language);
        if (language.equals(Language.DE)) {
            assertThat(GermanLeaks.in(shown)).as("English fragments in the German comparison of '%s':%n%s", journal, shown).isEmpty();
        } else {
            // the same check finds the English it looks for in English, so an empty list above means something
            assertThat(GermanLeaks.in(shown)).as("English fragments found in the English comparison of '%s'", journal).isNotEmpty();
        }
    }

    /** The section's console text, Markdown, report.json value and class-chart labels, one after the other. */
    static String render(List<Observation> journal, Language language) throws IOException {
        ReportSection section = new DockerVsVmLab().reportSections().stream()
                .filter(s -> s.id().equals("comparison")).findFirst().orElseThrow();
        Object data = section.data(journal);
        StringBuilder out = new StringBuilder("== console\n")
                .append(section.console(data, language, UnaryOperator.identity(), UnaryOperator.identity()))
                .append("\n== markdown\n").append(section.markdown(data, language))
                .append("\n== json\n").append(JSON.writeValueAsString(section.json(data, language)))
                .append("\n== numbers\n").append(section.numbers(data))
                .append("\n== class figures\n");
        for (ReportSection.ClassFigure f : section.classFigures(language)) {
            out.append(f.key()).append(" | ").append(f.label()).append(" | ").append(f.text().apply(1536.5)).append('\n');
        }
        return out.toString();
    }

    static Map<String, List<Observation>> journals() {
        List<Observation> lab = ComparisonJournals.finishedLab("web");
        return Map.of(
                "finished-lab", lab,
                "docker-only", lab.stream().filter(o -> !(o instanceof VmObserved)).toList(),
                "libvirt-nothing-reported", List.of(vm("libvirt", null, null, List.of(new VmDisk("vda", "qcow2", 20L << 30, null, null)),
                        List.of())),
                "vmware-seen-running", List.of(vm("vmware", 2048L, 1, List.of(), List.of(new BootSign(BootSign.Kind.RUNNING, "vmrun list", null))),
                        limitedContainer()),
                "hyperv-started", List.of(vm("hyperv", 1024L, 3, List.of(),
                        List.of(new BootSign(BootSign.Kind.STARTED, "Logs/run.log", T.minusSeconds(30)))), engine()),
                "virtualbox-no-guest", List.of(vm("virtualbox", 4096L, 2, List.of(new VmDisk("SATA-0-0", "VDI", 25L << 30, 3L << 30, null)),
                        List.of(new BootSign(BootSign.Kind.STARTED, "Logs/VBox.log", T.minusSeconds(600))))));
    }

    private static VmObserved vm(String hypervisor, Long memoryMb, Integer cpus, List<VmDisk> disks, List<BootSign> signs) {
        return new VmObserved(T.plusSeconds(60), "check", hypervisor, "1.0", "guest-" + hypervisor, "uuid-" + hypervisor,
                signs.isEmpty() ? VmState.OFF : VmState.RUNNING, null, null, null, null, memoryMb, cpus, disks, List.of(),
                signs, null, List.of(), List.of());
    }

    /** nginx started with --cpus 1.5, read by a check: no start time, a CPU limit, no engine version seen. */
    private static ContainerStatsObserved limitedContainer() {
        return new ContainerStatsObserved(T.plusSeconds(6), "check", ComparisonJournals.NGINX_ID, "", "nginx:latest",
                2_000_000_000L, null, 24L << 30, 4, 1_500_000_000L, 0L, 0L, "raw/stats.json");
    }

    private static EngineObserved engine() {
        return new EngineObserved(T, "check", "npipe:////./pipe/docker_engine", "27.3.1", "1.47", "linux", "amd64",
                "5.15.153.1-microsoft-standard-WSL2", "Docker Desktop", "ID", null);
    }

    private static String expected(String file) throws IOException {
        try (InputStream in = CompareRenderingsTest.class.getResourceAsStream("compare-renderings/" + file)) {
            assertThat(in).as("expected the file compare-renderings/%s in src/test/resources/io/labgrader/lab", file).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
