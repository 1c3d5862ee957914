package io.labgrader.lab;

import io.labgrader.evidence.EvidenceBundle;
import io.labgrader.evidence.docker.EngineObserved;
import io.labgrader.grading.GradeResult;
import io.labgrader.grading.Grading;
import io.labgrader.probe.vm.VmTestKit;
import io.labgrader.report.ConsoleReport;
import io.labgrader.rubric.LocalizedText.Language;
import io.labgrader.rubric.Rubric;
import io.labgrader.rubric.RubricLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Adding a language is adding files: French exists only as messages_fr.properties in the test resources (one core
 * key, one lab key) and as fr: texts in a rubric. A grading shown in French uses each of them, and English for
 * everything French lacks; German and English stay what they were.
 */
class ThirdLanguageTest {

    @TempDir
    Path tmp;

    @Test
    void frenchWhereTheFilesHaveItAndEnglishForTheRest() throws Exception {
        String text = VmTestKit.vmSectionOnly(Files.readString(VmTestKit.projectRubric(), StandardCharsets.UTF_8))
                .replace("          en: Hypervisor installed\n", "          en: Hypervisor installed\n          fr: Hyperviseur installé\n");
        assertThat(text).contains("fr: Hyperviseur installé");
        Path file = tmp.resolve("rubric.yml");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Rubric rubric = RubricLoader.load(file);

        Path dir = tmp.resolve("evidence");
        EvidenceBundle bundle = VmTestKit.bundle(dir);
        bundle.record(new EngineObserved(Instant.parse("2025-11-20T14:00:00Z"), "check", "unix:///var/run/docker.sock", "27.3.1",
                "1.47", "linux", "amd64", "6.8.0", "Ubuntu", "d1", null));
        GradeResult result = Grading.grade(rubric, dir, Language.EN, VmTestKit.clock());

        Language fr = Language.parseOrDefault("fr");
        String console = new ConsoleReport().render(result, fr, false);
        // the rubric's French title, the lab's French message, the engine's French score label
        assertThat(console).contains("Hyperviseur installé")
                .contains("Les preuves ne contiennent aucune recherche d'hyperviseurs. Lancez \"labgrader check\" sur l'ordinateur où vous avez créé la VM.")
                .contains("Points : 0 / ");
        // what French lacks: the other criteria's titles (rubric) and messages (core bundle) in English
        assertThat(console).contains("Ubuntu installed and run").contains("Cannot be graded because vm.hypervisor (Hyperviseur installé) could not be graded.");
        // German and English are untouched by the French files
        assertThat(new ConsoleReport().render(result, Language.DE, false)).contains("Die Nachweise enthalten keine Suche nach Hypervisoren.")
                .contains("Punkte: 0 / ").doesNotContain("Hyperviseur");
        assertThat(new ConsoleReport().render(result, Language.EN, false)).contains("The evidence holds no search for hypervisors.")
                .contains("Score: 0 / ").doesNotContain("Hyperviseur");
    }
}
