package io.labgrader.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labgrader.rubric.LocalizedText.Language;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JsonReportTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final JsonReport report = new JsonReport();

    @Test
    void englishReportIsExactlyTheGoldenFile() throws IOException {
        try (InputStream golden = getClass().getResourceAsStream("/report/four-outcomes.en.json")) {
            assertThat(golden).isNotNull();
            String expected = new String(golden.readAllBytes(), StandardCharsets.UTF_8).strip();
            assertThat(report.render(Fixtures.fourOutcomes(), Language.EN).replace("\r\n", "\n"))
                    .isEqualTo(expected);
        }
    }

    @Test
    void fieldsComeInAFixedOrder() throws IOException {
        JsonNode json = mapper.readTree(report.render(Fixtures.fourOutcomes(), Language.EN));

        assertThat(names(json)).containsExactly("rubric", "rubricTitle", "rubricSha256", "evidence", "gradedAt",
                "language", "score", "maxScore", "percent", "counts", "criteria", "vms");
        assertThat(names(json.get("counts"))).containsExactly("PASSED", "FAILED", "BLOCKED", "NOT_GRADABLE");
        assertThat(names(json.get("criteria").get(0))).containsExactly("id", "section", "title", "outcome",
                "points", "maxPoints", "message", "hint");
    }

    @Test
    void germanReportParsesBackWithGermanTexts() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        report.write(Fixtures.fourOutcomes(), Language.DE, bytes);
        JsonNode json = mapper.readTree(bytes.toByteArray());

        assertThat(json.get("rubric").asText()).isEqualTo("docker-vs-vm");
        assertThat(json.get("rubricTitle").asText()).isEqualTo("Docker vs. virtuelle Maschine");
        assertThat(json.get("rubricSha256").asText()).isEqualTo(Fixtures.SHA);
        assertThat(json.get("gradedAt").asText()).isEqualTo("2025-03-14T09:26:53Z");
        assertThat(json.get("language").asText()).isEqualTo("de");
        assertThat(json.get("score").asInt()).isEqualTo(5);
        assertThat(json.get("maxScore").asInt()).isEqualTo(40);
        assertThat(json.get("percent").decimalValue()).isEqualByComparingTo("12.5");
        assertThat(json.get("counts").get("NOT_GRADABLE").asInt()).isEqualTo(1);

        JsonNode failed = json.get("criteria").get(1);
        assertThat(failed.get("id").asText()).isEqualTo("docker.hello-world");
        assertThat(failed.get("outcome").asText()).isEqualTo("FAILED");
        assertThat(failed.get("title").asText()).isEqualTo("hello-world ausgeführt");
        assertThat(failed.get("message").asText())
                .isEqualTo("Erwartet wurde ein Container aus hello-world:latest, aber es gab keinen.");
        assertThat(failed.get("hint").asText()).isEqualTo("Führen Sie \"docker run hello-world\" aus.");
        assertThat(json.get("criteria").findValuesAsText("outcome"))
                .containsExactly("PASSED", "FAILED", "BLOCKED", "NOT_GRADABLE");
    }

    @Test
    void countsListOutcomesThatDidNotOccur() throws IOException {
        JsonNode json = mapper.readTree(report.render(Fixtures.result(List.of(Fixtures.passed())), Language.EN));

        assertThat(json.get("counts").toString()).isEqualTo("{\"PASSED\":1,\"FAILED\":0,\"BLOCKED\":0,\"NOT_GRADABLE\":0}");
        assertThat(json.get("percent").asText()).isEqualTo("100");
    }

    @Test
    void hostileTextLosesEscapeSequencesAndControlCharacters() throws IOException {
        String text = report.render(Fixtures.result(List.of(Fixtures.hostile())), Language.EN);
        JsonNode c = mapper.readTree(text).get("criteria").get(0);

        assertThat(c.get("title").asText()).isEqualTo("Name evil</testcase><script>alert(1)</script>|x");
        assertThat(c.get("message").asText())
                .isEqualTo("Container 'evil</testcase><script>alert(1)</script>|x'\nexited with 1");
        assertThat(text).doesNotContain("\\u001B", "\\u0000", "[2J");
    }

    @Test
    void sameResultGivesSameBytes() {
        assertThat(report.render(Fixtures.fourOutcomes(), Language.DE))
                .isEqualTo(report.render(Fixtures.fourOutcomes(), Language.DE));
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
