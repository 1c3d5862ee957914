package io.labgrader.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import io.labgrader.testing.StdStreams;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A lab is a module: labgrader labs lists the jar's labs, --lab chooses one, and a lab or probe it lacks is named. */
class LabsCommandTest {

    private static final Path PERFECT = Path.of("src/test/resources/batch/bundles/perfect");

    @TempDir
    Path dir;
    private final StdStreams std = new StdStreams();

    @BeforeEach
    void capture() {
        std.capture();
    }

    @AfterEach
    void restore() {
        std.restore();
    }

    private String out() {
        return std.out();
    }

    private String err() {
        return std.err();
    }

    /** The rubric.yml of the first lab with one edit, in the test's folder. */
    private Path labRubricWith(String from, String to) throws java.io.IOException {
        return Files.writeString(dir.resolve("rubric.yml"), Files.readString(Path.of("rubric.yml")).replaceFirst(from, to));
    }

    @Test
    @DisplayName("labs lists the first lab with its id, its title in the chosen language and its rubric, exit 0")
    void labsListsTheFirstLab() {
        assertThat(Main.execute("labs", "--lang", "en")).isZero();
        assertThat(out()).containsPattern("(?m)^id +title +rubric$")
                .containsPattern("(?m)^docker-vs-vm +Docker vs\\. virtual machine +/io/labgrader/cli/rubric\\.yml \\(default\\)$")
                .contains("Choose one with --lab ID, or a rubric of your own with --rubric FILE.");
        std.reset();
        assertThat(Main.execute("labs", "--lang", "de")).isZero();
        assertThat(out()).containsPattern("(?m)^docker-vs-vm +Docker vs\\. virtuelle Maschine +/io/labgrader/cli/rubric\\.yml \\(Standard\\)$");
    }

    @Test
    @DisplayName("--lab docker-vs-vm grades with the lab's built-in rubric: the same report as --rubric rubric.yml")
    void labSelectsTheBuiltInRubric() throws Exception {
        assertThat(Main.execute("grade", PERFECT.toString(), "--lab", "docker-vs-vm", "--lang", "en",
                "--out", dir.resolve("lab").toString())).isZero();
        assertThat(Main.execute("grade", PERFECT.toString(), "--rubric", "rubric.yml", "--lang", "en",
                "--out", dir.resolve("file").toString())).isZero();
        ObjectMapper json = new ObjectMapper();
        JsonNode byLab = json.readTree(dir.resolve("lab/report.json").toFile());
        JsonNode byFile = json.readTree(dir.resolve("file/report.json").toFile());
        assertThat(byLab.get("rubric").asText()).isEqualTo("docker-vs-vm");
        assertThat(byLab.get("score")).as("score").isEqualTo(byFile.get("score"));
        assertThat(byLab.get("rubricSha256")).as("the built-in rubric is rubric.yml").isEqualTo(byFile.get("rubricSha256"));
        assertThat(byLab.get("criteria")).isEqualTo(byFile.get("criteria"));
    }

    @Test
    @DisplayName("--lab of no lab: exit 2 and the labs there are, no stack trace")
    void unknownLab() {
        assertThat(Main.execute("rubric", "--lab", "docker-compose")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err()).isEqualTo("labgrader: --lab: no lab 'docker-compose' in this labgrader; it holds: docker-networks, docker-vs-vm"
                + " (labgrader labs lists them)" + System.lineSeparator());
    }

    @Test
    @DisplayName("--lab and --rubric together: exit 2, give one")
    void labAndRubric() {
        assertThat(Main.execute("grade", PERFECT.toString(), "--lab", "docker-vs-vm", "--rubric", "rubric.yml"))
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err()).contains("labgrader: --rubric rubric.yml and --lab docker-vs-vm both choose the rubric; give one of them");
    }

    @Test
    @DisplayName("a rubric whose id no lab has: exit 2, the labs there are and how to name one")
    void rubricOfNoLab() throws Exception {
        Path rubric = labRubricWith("(?m)^id: docker-vs-vm$", "id: docker-compose");
        assertThat(Main.execute("rubric", "--rubric", rubric.toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err()).isEqualTo("labgrader: the rubric is invalid:" + System.lineSeparator() + "  " + rubric
                + ": no lab 'docker-compose' in this labgrader (it holds: docker-networks, docker-vs-vm); a rubric names its lab with 'lab:',"
                + " or by its id; labgrader labs lists the labs" + System.lineSeparator());
    }

    @Test
    @DisplayName("the same rubric naming its lab with lab: is the lab's")
    void rubricNamingItsLab() throws Exception {
        Path rubric = labRubricWith("(?m)^id: docker-vs-vm$", "id: docker-compose\nlab: docker-vs-vm");
        assertThat(Main.execute("rubric", "--rubric", rubric.toString(), "--lang", "en")).as(err()).isZero();
        assertThat(out()).contains("(docker-compose, " + rubric + ")");
    }

    @Test
    @DisplayName("a section declaring a probe its lab lacks: exit 2, the section, the probe and the lab's probes")
    void unknownProbe() throws Exception {
        Path rubric = labRubricWith("    probe: vm\n", "    probe: virtualbox\n");
        assertThat(Main.execute("rubric", "--rubric", rubric.toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err()).isEqualTo("labgrader: the rubric is invalid:" + System.lineSeparator() + "  " + rubric
                + ": section 'vm' declares probe 'virtualbox', which lab docker-vs-vm does not have; its probes: docker, vm"
                + System.lineSeparator());
    }
}
