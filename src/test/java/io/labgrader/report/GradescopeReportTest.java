package io.labgrader.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.labgrader.grading.CriterionResult;
import io.labgrader.grading.GradeResult;
import io.labgrader.grading.Outcome;
import io.labgrader.rubric.LocalizedText;
import io.labgrader.rubric.LocalizedText.Language;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * results.json against Gradescope's own specification: gradescope/autograder_samples docs/specs.md, the version with the
 * sections "Test case status" and "Output String Formatting" (Gradescope's servers cannot be reached from here). Each
 * test names the rule of the spec it pins.
 */
class GradescopeReportTest {

    /** specs.md "Output format": every top-level field the spec names; nothing else is written. */
    static final Set<String> TOP_LEVEL = Set.of("score", "execution_time", "output", "output_format", "test_output_format",
            "test_name_format", "visibility", "stdout_visibility", "extra_data", "tests", "leaderboard");
    /** specs.md "Output format": every field of a test the spec names. */
    static final Set<String> PER_TEST = Set.of("score", "max_score", "status", "name", "name_format", "number", "output",
            "output_format", "tags", "visibility", "extra_data");
    /** specs.md "Controlling Test Case Visibility". */
    static final Set<String> VISIBILITIES = Set.of("hidden", "after_due_date", "after_published", "visible");
    /** specs.md "Output String Formatting". */
    static final Set<String> FORMATS = Set.of("text", "simple_format", "html", "md", "ansi");

    private final GradescopeReport report = new GradescopeReport();

    /**
     * Checks a results.json against every rule of the spec: field names, JSON types, the allowed values of status,
     * visibility and formats, "score required if not on each test". Used by the autograder's container test too.
     */
    static void assertValidToSpec(JsonNode results) {
        List<String> fields = new ArrayList<>();
        results.fieldNames().forEachRemaining(fields::add);
        assertThat(TOP_LEVEL).as("top-level fields of results.json").containsAll(fields);
        assertThat(results.path("score").isNumber()).as("score is a number, not a string: " + results.path("score")).isTrue();
        assertThat(results.path("output").isTextual()).as("output is a string").isTrue();
        for (String format : List.of("output_format", "test_output_format", "test_name_format")) {
            if (results.has(format)) {          // optional; when given, one of the spec's formats
                assertThat(results.path(format).asText()).as(format).isIn(FORMATS);
            }
        }
        assertThat(results.path("visibility").asText()).isIn(VISIBILITIES);
        assertThat(results.path("stdout_visibility").asText()).isIn(VISIBILITIES);
        assertThat(results.path("extra_data").isObject()).as("extra_data is an object").isTrue();
        assertThat(results.path("tests").isArray()).as("tests is an array").isTrue();
        for (JsonNode test : results.path("tests")) {
            List<String> names = new ArrayList<>();
            test.fieldNames().forEachRemaining(names::add);
            assertThat(PER_TEST).as("fields of a test").containsAll(names);
            assertThat(test.path("score").isNumber()).as("a test's score is a number: " + test).isTrue();
            assertThat(test.path("max_score").isNumber()).as("max_score is a number: " + test).isTrue();
            assertThat(test.path("status").asText()).as("status").isIn("passed", "failed");
            assertThat(test.path("name").isTextual()).isTrue();
            assertThat(test.path("number").isTextual()).as("number is a string such as \"1.1\"").isTrue();
            assertThat(test.path("output").isTextual()).isTrue();
            assertThat(test.path("name_format").asText()).isIn(FORMATS);
            assertThat(test.path("output_format").asText()).isIn(FORMATS);
            assertThat(test.path("tags").isArray()).isTrue();
            test.path("tags").forEach(t -> assertThat(t.isTextual()).as("tag " + t).isTrue());
            assertThat(test.path("visibility").asText()).isIn(VISIBILITIES);
            assertThat(test.path("extra_data").isObject()).isTrue();
        }
    }

    @Test
    @DisplayName("specs.md: field names and JSON types at the top and per test, status \"passed\"/\"failed\", numbers \"s.c\"")
    void fieldsAndTypes() {
        JsonNode results = json(report.render(Fixtures.fourOutcomes(), Language.EN));
        assertValidToSpec(results);

        assertThat(results.path("score").isInt()).isTrue();
        assertThat(results.path("score").asInt()).isEqualTo(5);
        assertThat(results.has("max_score")).as("no top-level max_score in the spec: it is in extra_data").isFalse();
        assertThat(results.path("extra_data").path("max_score").asInt()).isEqualTo(40);
        assertThat(results.path("extra_data").path("rubric").asText()).isEqualTo("docker-vs-vm");
        assertThat(results.path("extra_data").path("counts").path("BLOCKED").asInt()).isEqualTo(1);
        assertThat(results.has("execution_time")).as("optional, and left out so a rerun writes the same bytes").isFalse();
        JsonNode tests = results.path("tests");
        assertThat(tests).hasSize(4);
        assertThat(tests).extracting(t -> t.path("status").asText()).containsExactly("passed", "failed", "failed", "failed");
        assertThat(tests).extracting(t -> t.path("score").asInt()).containsExactly(5, 0, 0, 0);
        assertThat(tests).extracting(t -> t.path("max_score").asInt()).containsExactly(5, 10, 10, 15);
        assertThat(tests).extracting(t -> t.path("number").asText()).containsExactly("1.1", "1.2", "1.3", "2.1");
        assertThat(tests.get(1).path("name").asText()).isEqualTo("docker.hello-world · hello-world ran");
        assertThat(tests.get(1).path("output").asText()).isEqualTo(
                "Expecting a container from hello-world:latest but found none.\n\nHint: Run \"docker run hello-world\".");
        assertThat(tests.get(0).path("extra_data").path("outcome").asText()).isEqualTo("PASSED");
    }

    @Test
    @DisplayName("specs.md \"Output String Formatting\": every text is plain \"text\", so student strings are never rendered as HTML")
    void plainTextEverywhere() {
        String json = report.render(Fixtures.result(List.of(Fixtures.passed(), Fixtures.hostile())), Language.EN);
        JsonNode results = json(json);
        assertThat(results.path("output_format").asText()).isEqualTo("text");     // the spec's default there is simple_format
        assertThat(results.path("test_output_format").asText()).isEqualTo("text");
        assertThat(results.path("test_name_format").asText()).isEqualTo("text");
        results.path("tests").forEach(t -> {
            assertThat(t.path("name_format").asText()).isEqualTo("text");
            assertThat(t.path("output_format").asText()).isEqualTo("text");
        });
        assertThat(json).doesNotContain("\u001b", "\\u001B", "\\u0000", "[2J");
        assertThat(results.path("tests").get(1).path("name").asText())
                .isEqualTo("docker.nginx-name · Name evil</testcase><script>alert(1)</script>|x");
    }

    @Test
    @DisplayName("BLOCKED and NOT_GRADABLE are marked in name, output and tags, and counted at the top, never a silent 0")
    void notJudgedIsVisible() {
        JsonNode tests = json(report.render(Fixtures.fourOutcomes(), Language.EN)).path("tests");
        JsonNode blocked = tests.get(2);
        assertThat(blocked.path("name").asText()).isEqualTo("[BLOCKED] docker.nginx-port · Port 8080 published");
        assertThat(blocked.path("output").asText()).isEqualTo("[BLOCKED] Not attempted: docker.nginx-detached did not pass.");
        assertThat(blocked.path("tags")).extracting(JsonNode::asText).containsExactly("docker", GradescopeReport.TAG_BLOCKED);
        JsonNode notGradable = tests.get(3);
        assertThat(notGradable.path("name").asText()).isEqualTo("[NOT GRADABLE] vm.guest · Ubuntu guest present");
        assertThat(notGradable.path("output").asText()).isEqualTo("[NOT GRADABLE] VBoxManage did not answer within 10 s.");
        assertThat(notGradable.path("tags")).extracting(JsonNode::asText).containsExactly("vm", GradescopeReport.TAG_NOT_GRADABLE);
        assertThat(tests.get(1).path("tags")).extracting(JsonNode::asText).containsExactly("docker");

        assertThat(json(report.render(Fixtures.fourOutcomes(), Language.EN)).path("output").asText()).isEqualTo(
                "Docker vs. virtual machine: 5 / 40 (12.5 %)\n"
                        + "Not attempted [BLOCKED] (a criterion it requires did not pass): 1\n"
                        + "Could not be graded [NOT GRADABLE] (the evidence could not be read for it): 1");
        JsonNode german = json(report.render(Fixtures.fourOutcomes(), Language.DE));
        assertThat(german.path("tests").get(2).path("name").asText()).isEqualTo("[BLOCKIERT] docker.nginx-port · Port 8080 veröffentlicht");
        assertThat(german.path("tests").get(3).path("output").asText()).startsWith("[NICHT BEWERTBAR] VBoxManage antwortete nicht");
        assertThat(german.path("output").asText()).startsWith("Docker vs. virtuelle Maschine: 5 / 40 (12,5 %)\nNicht versucht [BLOCKIERT] (eine Voraussetzung ist nicht erfüllt): 1");
    }

    @Test
    @DisplayName("a submission that cannot be graded at all: score 0, and the reason at the top in the student's language")
    void nothingGradableSaysWhyAtTheTop() {
        LocalizedText reason = LocalizedText.of("submission ist leer: keine Nachweise.", "submission is empty: no evidence.");
        GradeResult rejected = Fixtures.result(List.of(
                new CriterionResult("docker.engine", "docker", LocalizedText.same("Engine"), Outcome.NOT_GRADABLE, 0, 5, reason, LocalizedText.same(""), 0),
                new CriterionResult("vm.exists", "vm", LocalizedText.same("VM"), Outcome.NOT_GRADABLE, 0, 5, reason, LocalizedText.same(""), 0)));
        JsonNode results = json(report.render(rejected, Language.EN));
        assertValidToSpec(results);
        assertThat(results.path("score").asInt()).isZero();
        assertThat(results.path("extra_data").path("gradable").asBoolean()).isFalse();
        assertThat(results.path("output").asText()).isEqualTo("This submission could not be graded: submission is empty: no evidence.\n\n"
                + "Docker vs. virtual machine: 0 / 10 (0 %)\nPlease submit your evidence/ folder (or a zip of it) again.");
        assertThat(json(report.render(rejected, Language.DE)).path("output").asText())
                .startsWith("Diese Abgabe konnte nicht bewertet werden: submission ist leer: keine Nachweise.\n\n");
    }

    @Test
    @DisplayName("a rerun writes the same bytes")
    void deterministic() {
        assertThat(report.render(Fixtures.fourOutcomes(), Language.EN)).isEqualTo(report.render(Fixtures.fourOutcomes(), Language.EN));
    }

    static JsonNode json(String text) {
        try {
            return JsonMapper.builder().build().readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + e.getMessage() + "\n" + text, e);
        }
    }
}
