package io.labgrader.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labgrader.evidence.compare.ComparisonJournals;
import io.labgrader.rubric.LocalizedText.Language;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Your comparison" in a language labgrader does not ship: French exists only as four compare.* keys in the test
 * classpath's io/labgrader/lab/messages_fr.properties (a heading, the row "memory", the label of "vm.cpus", the note
 * on VirtualBox's guest memory). The comparison shows each of them, and English, never German, for every key French
 * lacks, even on a machine whose default locale is German: a language is added by a file, not by code.
 */
class CompareThirdLanguageTest {

    private static final Language FRENCH = Language.parseOrDefault("fr");

    @Test
    void frenchWhereItsFileHasAKeyAndEnglishForEveryOtherKey() throws Exception {
        Locale before = Locale.getDefault();
        String shown;
        try {
            Locale.setDefault(Locale.GERMANY);
            shown = CompareRenderingsTest.render(ComparisonJournals.finishedLab("web"), FRENCH);
        } finally {
            Locale.setDefault(before);
        }
        String console = shown.substring(0, shown.indexOf("== markdown"));

        // the French file's keys: heading, a row title, a figure's label, a hypervisor's note
        assertThat(console).contains("Votre comparaison:")
                .contains("\n  Mémoire\n")
                .contains("VM        Processeurs virtuels: 2 CPUs  [ubuntu]")
                .contains("Seulement par \"VBoxManage metrics\" (Guest/RAM/Usage) après \"metrics setup\" ; labgrader ne le lit pas.");
        // keys French lacks fall back to English through the bundle's parent, whatever the JVM's locale
        assertThat(console).contains("What labgrader observed on your machine")
                .contains("\n  Isolation (kernel)\n")
                .contains("Container Start to first answer (HTTP 200): 412 ms  [web (nginx:latest)]")
                .contains("the guest's own kernel, as it reports it")
                .doesNotContain("Arbeitsspeicher").doesNotContain("Isolation (Kernel)").doesNotContain("Speicher in Gebrauch")
                .doesNotContain("\n  Memory\n");
        // numbers in the reader's locale, as in German: a decimal comma
        assertThat(console).contains("Memory in use (docker stats): 9,5 MiB");
        assertThat(shown).contains("| Mémoire | VM | Memory reserved | 4,0 GiB |")
                .contains("| Isolation (kernel) | Container | Kernel | 6\\.1.0-18-amd64 |");
    }

    @Test
    void reportJsonKeepsItsIdsAndNumbersAndShowsTheFrenchTexts() throws Exception {
        String shown = CompareRenderingsTest.render(ComparisonJournals.finishedLab("web"), FRENCH);
        JsonNode json = new ObjectMapper().readTree(shown.substring(shown.indexOf("== json\n") + 8, shown.indexOf("\n== numbers")));
        assertThat(json.path("title").asText()).isEqualTo("Votre comparaison");
        JsonNode memory = json.path("rows").get(1);
        assertThat(memory.path("id").asText()).isEqualTo("memory");
        assertThat(memory.path("title").asText()).isEqualTo("Mémoire");
        assertThat(memory.path("vm").get(0).path("key").asText()).isEqualTo("vm.memory");
        assertThat(memory.path("vm").get(0).path("label").asText()).isEqualTo("Memory reserved");
        assertThat(memory.path("vm").get(0).path("number").asDouble()).isEqualTo(4096.0 * 1024 * 1024);
        assertThat(json.path("rows").get(2).path("vm").get(0).path("label").asText()).isEqualTo("Processeurs virtuels");
    }
}
