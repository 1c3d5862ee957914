package io.labgrader.module;

import io.labgrader.rubric.Rubric;
import io.labgrader.rubric.RubricLoader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Which probes run is what the rubric's sections declare; without probe:, the probe named like the section. */
class SectionProbesTest {

    @TempDir
    Path dir;

    private static LabModule firstLab() {
        return Labs.byId(Labs.DEFAULT_LAB).orElseThrow();
    }

    @Test
    @DisplayName("the jar holds the first lab, found with ServiceLoader, with the probes docker and vm")
    void theFirstLabIsFound() {
        assertThat(Labs.all()).extracting(LabModule::id).contains("docker-vs-vm");
        assertThat(firstLab().probes()).containsOnlyKeys("docker", "vm");
    }

    @Test
    @DisplayName("rubric.yml declares docker and vm: both run, in the order of its sections")
    void declared() throws Exception {
        Rubric rubric = RubricLoader.load(Path.of("rubric.yml"));
        assertThat(rubric.sections()).extracting(s -> s.probes().toString()).containsExactly("[docker]", "[vm]");
        assertThat(SectionProbes.of(rubric, firstLab())).containsOnlyKeys("docker", "vm");
        assertThat(SectionProbes.of(rubric, firstLab()).keySet()).containsExactly("docker", "vm");
    }

    @Test
    @DisplayName("a rubric written before probe: runs the probe named like each section, as before")
    void fallbackByName() throws Exception {
        Path file = Files.writeString(dir.resolve("rubric.yml"), Files.readString(Path.of("rubric.yml"))
                .replace("    probe: docker\n", "").replace("    probe: vm\n", ""));
        Rubric rubric = RubricLoader.load(file);
        assertThat(rubric.sections()).allMatch(s -> s.probes().isEmpty());
        assertThat(SectionProbes.of(rubric, firstLab()).keySet()).containsExactly("docker", "vm");
    }

    @Test
    @DisplayName("only the docker section: only the Docker probe; the example's compare section declares both")
    void onlyWhatTheSectionsNeed() throws Exception {
        String lab = Files.readString(Path.of("rubric.yml"));
        Path dockerOnly = Files.writeString(dir.resolve("docker.yml"), lab.substring(0, lab.indexOf("  - id: vm")));
        assertThat(SectionProbes.of(RubricLoader.load(dockerOnly), firstLab()).keySet()).containsExactly("docker");
        Rubric compare = RubricLoader.load(Path.of("docs/examples/rubric-compare.yml"));
        assertThat(compare.lab()).isEqualTo("docker-vs-vm");
        assertThat(SectionProbes.of(compare, firstLab()).keySet()).containsExactly("docker", "vm");
    }

    @Test
    @DisplayName("probe: must be written like a name")
    void probeMustBeAName() throws Exception {
        Path file = Files.writeString(dir.resolve("rubric.yml"), Files.readString(Path.of("rubric.yml"))
                .replace("    probe: vm\n", "    probe: {name: vm}\n"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RubricLoader.load(file))
                .hasMessageContaining("'probe' of section 'vm' must be a name of lower-case letters, digits, '.', '-' or '_'");
    }
}
