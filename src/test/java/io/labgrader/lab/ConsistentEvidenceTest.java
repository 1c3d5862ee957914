package io.labgrader.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labgrader.evidence.EvidenceReader;
import io.labgrader.evidence.Hashes;
import io.labgrader.evidence.Json;
import io.labgrader.evidence.docker.ConsistencyReport;
import io.labgrader.evidence.docker.RawCrossCheck;
import io.labgrader.grading.CriterionResult;
import io.labgrader.grading.GradeResult;
import io.labgrader.grading.Grading;
import io.labgrader.grading.LoadedEvidence;
import io.labgrader.grading.SuiteRunner;
import io.labgrader.rubric.LocalizedText.Language;
import io.labgrader.rubric.Rubric;
import io.labgrader.rubric.RubricLoader;
import io.labgrader.testing.Trees;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Graders believe only evidence that agrees with itself: the journal against the engine's raw captures, and
 * events, inspections and answers in time order. Every case edits a real bundle recorded by labgrader check on a
 * real engine (src/test/resources/batch/bundles) and leaves its raw captures as recorded.
 */
class ConsistentEvidenceTest {

    static final Path PERFECT = Path.of("src/test/resources/batch/bundles/perfect");
    static final Path WRONG_PORT = Path.of("src/test/resources/batch/bundles/wrong-port");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);
    static Rubric rubric;

    @TempDir
    Path tmp;

    @BeforeAll
    static void loadRubric() throws Exception {
        rubric = RubricLoader.load(Path.of("rubric.yml"));
    }

    @Test
    @DisplayName("the real bundles, as recorded, agree with their raw captures")
    void recordedBundlesAreConsistent() throws Exception {
        List<Path> bundles;
        try (Stream<Path> journals = Stream.concat(Files.walk(Path.of("submissions")), Files.walk(Path.of("src/test/resources/batch/bundles")))) {
            bundles = journals.filter(p -> p.getFileName().toString().equals("journal.jsonl")).map(Path::getParent).toList();
        }
        int checked = 0;
        for (Path bundle : bundles) {
            io.labgrader.evidence.Evidence evidence;
            try {
                evidence = EvidenceReader.read(bundle);
            } catch (io.labgrader.evidence.EvidenceException e) {
                continue; // a sample whose journal was cut off on purpose: nothing to compare
            }
            checked++;
            ConsistencyReport report = RawCrossCheck.of(evidence);
            assertThat(report.disagreements()).as("disagreements in %s: %s", bundle, io.labgrader.lab.Disagreements.summary(report, 5).en()).isEmpty();
        }
        assertThat(checked).as("bundles checked").isGreaterThanOrEqualTo(4);
    }

    @Test
    @DisplayName("an HTTP 200 dated after the container's destroy event does not pass docker.nginx-answers")
    void answerAfterDestroyDoesNotCount() throws Exception {
        Path bundle = copy(PERFECT);
        edit(bundle, "http.probe", o -> o.put("at", "2026-11-28T01:19:25Z"));
        // the journal alone (no raw captures): the time-order rule decides
        GradeResult journalOnly = journalOnly(bundle);
        assertThat(outcome(journalOnly, "docker.nginx-answers")).isEqualTo("FAILED");
        assertThat(message(journalOnly, "docker.nginx-answers")).isEqualTo("Expected HTTP 200 with title \"Welcome to nginx!\" on port 8080"
                + " while the container ran and published the port, but the answer of 2026-11-28T01:19:25Z falls in no time when, by the"
                + " engine's own record (inspections, events), it ran and published port 8080.");
        assertThat(outcome(Grading.grade(rubric, bundle, Language.EN, CLOCK), "docker.nginx-answers")).isNotEqualTo("PASSED");
    }

    @Test
    @DisplayName("a port binding that was requested (8080:80) but not published passes neither docker.nginx-port nor docker.nginx-answers")
    void requestedPortIsNotPublished() throws Exception {
        Path bundle = copy(PERFECT);
        edit(bundle, "docker.container", o -> o.path("running").asBoolean() ? o.set("publishedPorts", Json.mapper().createArrayNode()) : o);
        GradeResult journalOnly = journalOnly(bundle);
        assertThat(outcome(journalOnly, "docker.nginx-port")).isEqualTo("FAILED");
        assertThat(message(journalOnly, "docker.nginx-port")).startsWith("Expected 8080->80/tcp published, but 'lab-web-ada-")
                .endsWith("only requested it with -p and did not publish it while it ran (published: nothing; e.g. because of --network host).");
        assertThat(outcome(journalOnly, "docker.nginx-answers")).isNotEqualTo("PASSED");
        GradeResult withCaptures = Grading.grade(rubric, bundle, Language.EN, CLOCK);
        assertThat(outcome(withCaptures, "docker.nginx-port")).isNotEqualTo("PASSED");
        assertThat(outcome(withCaptures, "docker.nginx-answers")).isNotEqualTo("PASSED");
    }

    @Test
    @DisplayName("an edited journal with recomputed manifest hashes is not graded as clean: the raw captures contradict it")
    void cleanRehashIsCaught() throws Exception {
        Path bundle = copy(WRONG_PORT);
        assertThat(outcome(Grading.grade(rubric, bundle, Language.EN, CLOCK), "docker.nginx-port")).isEqualTo("FAILED");
        edit(bundle, "docker.container", o -> {
            for (String field : new String[]{"portBindings", "publishedPorts"}) {
                o.withArray(field).forEach(p -> {
                    if (p.path("hostPort").asInt() == 8081) {
                        ((ObjectNode) p).put("hostPort", 8080);
                    }
                });
            }
            return o;
        });
        rehash(bundle);
        assertThat(outcome(journalOnly(bundle), "docker.nginx-port")).as("the edit works on the journal alone").isEqualTo("PASSED");
        GradeResult graded = Grading.grade(rubric, bundle, Language.EN, CLOCK);
        assertThat(outcome(graded, "docker.nginx-port")).isEqualTo("NOT_GRADABLE");
        assertThat(message(graded, "docker.nginx-port"))
                .startsWith("Passed only on observations that the engine's raw captures in evidence/raw/ contradict: docker.container ")
                .contains("disagrees with the raw capture raw/", "portBindings [8080->80/tcp] ≠ [8081->80/tcp], publishedPorts [0.0.0.0:8080->80/tcp, :::8080->80/tcp] ≠ [0.0.0.0:8081->80/tcp, :::8081->80/tcp]")
                .contains("By the raw captures: Expected 8080->80/tcp (-p 8080:80) but found 8081->80/tcp on");
        ConsistencyReport report = RawCrossCheck.of(EvidenceReader.read(bundle));
        assertThat(io.labgrader.lab.Disagreements.summary(report, 3).de()).contains("weicht von der Rohaufnahme raw/");
    }

    @Test
    @DisplayName("a manifest whose Docker daemon ID no docker.engine observation reports is flagged")
    void manifestDaemonIsCrossChecked() throws Exception {
        Path bundle = copy(PERFECT);
        Path manifest = bundle.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"dockerDaemonId\" : \"P3JZ:", "\"dockerDaemonId\" : \"XXXX:"));
        assertThat(io.labgrader.lab.Disagreements.summary(RawCrossCheck.of(EvidenceReader.read(bundle)), 3).en())
                .isEqualTo("manifest.json names the Docker daemon ID XXXX:NAPT:MURZ:DUMG:4QYB:WNLU:CGOL:5HZY:NWBJ:4GL4:DZGQ:3225,"
                        + " which no docker.engine observation reports");
        assertThat(RawCrossCheck.of(EvidenceReader.read(PERFECT)).clean()).isTrue();
    }

    /** Edits every journal line of the type with {@code change}; the raw captures stay as recorded. */
    static void edit(Path bundle, String type, UnaryOperator<ObjectNode> change) throws Exception {
        Path journal = bundle.resolve("journal.jsonl");
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
            ObjectNode o = (ObjectNode) Json.mapper().readTree(line);
            lines.add(type.equals(o.path("type").asText()) ? Json.mapper().writeValueAsString(change.apply(o)) : line);
        }
        Files.write(journal, lines, StandardCharsets.UTF_8);
    }

    /** What a forger does after editing: the manifest's sizes and hashes computed again, so they match. */
    static void rehash(Path bundle) throws Exception {
        Path manifest = bundle.resolve("manifest.json");
        ObjectNode m = (ObjectNode) Json.mapper().readTree(manifest.toFile());
        for (JsonNode entry : m.withArray("files")) {
            byte[] bytes = Files.readAllBytes(bundle.resolve(entry.path("path").asText()));
            ((ObjectNode) entry).put("size", bytes.length).put("sha256", Hashes.sha256(bytes));
        }
        Files.writeString(manifest, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(m));
    }

    Path copy(Path bundle) throws Exception {
        return copy(bundle, tmp);
    }

    static Path copy(Path bundle, Path tmp) throws Exception {
        Path to = Files.createTempDirectory(tmp, bundle.getFileName().toString());
        Trees.copy(bundle, to);
        return to;
    }

    static GradeResult journalOnly(Path bundle) throws Exception {
        try (SuiteRunner runner = new SuiteRunner(rubric, Language.EN)) {
            return runner.grade(LoadedEvidence.of("journal-only", null, Files.readAllBytes(bundle.resolve("journal.jsonl"))), CLOCK);
        }
    }

    static String outcome(GradeResult r, String id) {
        return r.criteria().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow().outcome().name();
    }

    static String message(GradeResult r, String id) {
        CriterionResult c = r.criteria().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
        return c.message() == null ? "" : c.message().in(Language.EN);
    }

    static Map<String, String> outcomes(GradeResult r) {
        return r.criteria().stream().collect(Collectors.toMap(CriterionResult::id, c -> c.outcome().name()));
    }
}
