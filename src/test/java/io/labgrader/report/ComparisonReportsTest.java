package io.labgrader.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labgrader.evidence.compare.Comparison;
import io.labgrader.evidence.compare.ComparisonJournals;
import io.labgrader.grading.GradeResult;
import io.labgrader.grading.SectionData;
import io.labgrader.lab.module.ComparisonConsole;
import io.labgrader.rubric.LocalizedText.Language;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** "Ihr Vergleich" / "Your comparison" in the console, report.md and report.json, in both languages, escaped. */
class ComparisonReportsTest {

    private static final String HOSTILE = "web|<script>alert(1)</script>\u001b[31m*x*";

    private static GradeResult result(String nginxName) {
        GradeResult base = Fixtures.fourOutcomes();
        return base.withSections(List.of(new SectionData("docker-vs-vm", "vms", List.of()),
                new SectionData("docker-vs-vm", "comparison", Comparison.of(ComparisonJournals.finishedLab(nginxName)))));
    }

    @Test
    void consoleShowsEachFigureWithSourceAndTimeInGermanAndEnglish() {
        String de = new ConsoleReport().render(result("web"), Language.DE, false);
        assertThat(de).contains("Ihr Vergleich:").contains("Start bis zur ersten Antwort (HTTP 200): 412 ms  [web (nginx:latest)]")
                .contains("Lebensdauer von hello-world (create bis die): 1,25 s")
                .contains("keine Grenze: teilt die 2 CPUs des Hosts")
                .contains("Reservierter Speicher: 4,0 GiB")
                .contains("Vom Gast genutzt: -")
                .contains("(GET /images/json Size, 2026-11-28 10:00:00 UTC)");
        String en = new ConsoleReport().render(result("web"), Language.EN, false);
        assertThat(en).contains("Your comparison:").contains("Life of hello-world (create to die): 1.25 s")
                .contains("Memory in use (docker stats): 9.5 MiB").contains("Kernel: 6.8.0-45-generic")
                .contains("no limit: shares the host's 2 CPUs");
        String section = ComparisonConsole.render((Comparison) result("web").section("comparison"), Language.EN);
        assertThat(en).endsWith(section);
        assertThat(section.chars().filter(ch -> ch > 127).count()).as("non-ASCII characters in the English comparison").isZero();
    }

    @Test
    void hostileNamesAreCleanedForTheConsoleAndEscapedForMarkdown() {
        String console = new ConsoleReport().render(result(HOSTILE), Language.EN, false);
        assertThat(console).doesNotContain("\u001b").contains("web|<script>");
        String md = new MarkdownReport().render(result(HOSTILE), Language.EN);
        assertThat(md).contains("### Your comparison")
                .contains("web\\|&lt;script&gt;alert(1)&lt;/script&gt;\\*x\\*")
                .doesNotContain("<script>").doesNotContain("\u001b");
        assertThat(md).contains("| Start | Container | Start to first answer (HTTP 200) | 412 ms |");
    }

    @Test
    void jsonCarriesNumberUnitSourceAndTime() throws Exception {
        JsonNode c = new ObjectMapper().readTree(new JsonReport().render(result(HOSTILE), Language.DE)).path("comparison");
        assertThat(c.path("informational").asBoolean()).isTrue();
        assertThat(c.path("title").asText()).isEqualTo("Ihr Vergleich");
        JsonNode start = c.path("rows").get(0).path("container").get(0);
        assertThat(start.path("key").asText()).isEqualTo("container.start-to-answer");
        assertThat(start.path("number").asDouble()).isEqualTo(412.0);
        assertThat(start.path("unit").asText()).isEqualTo("ms");
        assertThat(start.path("subject").asText()).isEqualTo("web|<script>alert(1)</script>*x* (nginx:latest)");
        assertThat(start.path("at").asText()).isEqualTo("2026-11-28T10:00:05.412Z");
        JsonNode guestMemory = c.path("rows").get(1).path("vm").get(1);
        assertThat(guestMemory.path("value").asText()).isEqualTo("-");
        assertThat(guestMemory.path("number").isMissingNode() || guestMemory.path("number").isNull()).isTrue();
        assertThat(guestMemory.path("note").asText()).contains("VBoxManage metrics");
    }

    @Test
    void withoutObservationsThereIsNoSection() throws Exception {
        GradeResult none = Fixtures.fourOutcomes();
        assertThat(new ConsoleReport().render(none, Language.EN, false)).doesNotContain("Your comparison");
        assertThat(new MarkdownReport().render(none, Language.EN)).doesNotContain("Your comparison");
        assertThat(new ObjectMapper().readTree(new JsonReport().render(none, Language.EN)).has("comparison")).isFalse();
    }
}
