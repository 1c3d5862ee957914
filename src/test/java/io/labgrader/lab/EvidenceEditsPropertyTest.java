package io.labgrader.lab;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labgrader.evidence.EvidenceReader;
import io.labgrader.evidence.Json;
import io.labgrader.evidence.docker.ConsistencyReport;
import io.labgrader.evidence.docker.RawCrossCheck;
import io.labgrader.grading.SuiteRunner;
import io.labgrader.rubric.LocalizedText.Language;
import io.labgrader.rubric.Rubric;
import io.labgrader.rubric.RubricLoader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.labgrader.lab.ConsistentEvidenceTest.CLOCK;
import static io.labgrader.lab.ConsistentEvidenceTest.PERFECT;
import static io.labgrader.lab.ConsistentEvidenceTest.WRONG_PORT;
import static io.labgrader.lab.ConsistentEvidenceTest.outcomes;
import static io.labgrader.lab.ConsistentEvidenceTest.rehash;
import static org.assertj.core.api.Assertions.assertThat;

/** Property: single-observation edits of real bundles recorded by labgrader check, raw captures left as recorded. */
class EvidenceEditsPropertyTest {

    @TempDir
    Path tmp;

    /**
     * Single-observation edits of real bundles, raw captures left as recorded: every kind of edit of every Docker and
     * HTTP line, with random targets and amounts. Every edit the captures contradict is flagged, and no edit turns a
     * criterion that was not PASSED into PASSED.
     */
    @Test
    @DisplayName("random single-observation edits: every edit the raw captures contradict is flagged, none turns a criterion into PASSED")
    void randomEditsAreFlaggedAndNeverPass() throws Exception {
        java.util.Random random = new java.util.Random(20261128);
        int edits = 0;
        int flagged = 0;
        Rubric rubric = RubricLoader.load(Path.of("rubric.yml"));
        try (SuiteRunner runner = new SuiteRunner(rubric, Language.EN)) {
            for (Path original : new Path[]{PERFECT, WRONG_PORT}) {
                Map<String, String> before = outcomes(runner.grade(original, CLOCK));
                List<String> lines = Files.readAllLines(original.resolve("journal.jsonl"), StandardCharsets.UTF_8);
                List<Integer> editable = new ArrayList<>();
                for (int i = 0; i < lines.size(); i++) {
                    String type = Json.mapper().readTree(lines.get(i)).path("type").asText();
                    if ((type.startsWith("docker.") && !type.equals("docker.images")) || type.equals("http.probe")) {
                        editable.add(i);
                    }
                }
                // every kind of edit of every Docker or HTTP line, each with random parameters (where to, how far)
                for (int n = 0; n < editable.size() * RandomEdit.values().length; n++) {
                    int line = editable.get(n / RandomEdit.values().length);
                    RandomEdit edit = RandomEdit.values()[n % RandomEdit.values().length];
                    ObjectNode o = (ObjectNode) Json.mapper().readTree(lines.get(line));
                    List<String> edited = edit.apply(new ArrayList<>(lines), line, o, random);
                    if (edited == null || sameFacts(edited, lines)) {
                        continue; // not applicable to this observation, or it changed nothing
                    }
                    Path bundle = ConsistentEvidenceTest.copy(original, tmp);
                    Files.write(bundle.resolve("journal.jsonl"), edited, StandardCharsets.UTF_8);
                    rehash(bundle);
                    String what = edit + " of line " + (line + 1) + " of " + original.getFileName() + ": " + lines.get(line);
                    edits++;
                    ConsistencyReport report = RawCrossCheck.of(EvidenceReader.read(bundle));
                    if (edit.contradicted(o.path("type").asText())) {
                        assertThat(report.clean()).as("flagged: " + what).isFalse();
                    }
                    flagged += report.clean() ? 0 : 1;
                    Map<String, String> after = outcomes(runner.grade(bundle, CLOCK));
                    before.forEach((id, outcome) -> {
                        if (!outcome.equals("PASSED")) {
                            assertThat(after.get(id)).as(id + " after " + what + "\n" + io.labgrader.lab.Disagreements.summary(report, 3).en()).isNotEqualTo("PASSED");
                        }
                    });
                }
            }
        }
        assertThat(edits).as("edits made").isGreaterThanOrEqualTo(100);
        assertThat(flagged).as("edits flagged").isGreaterThanOrEqualTo(edits / 2);
    }

    private static boolean sameFacts(List<String> a, List<String> b) throws Exception {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Json.mapper().readTree(a.get(i)).equals(Json.mapper().readTree(b.get(i)))) {
                return false;
            }
        }
        return true;
    }

    /** One kind of edit of one journal line; null when it does not apply to that observation. */
    enum RandomEdit {
        MOVE, DROP, DUPLICATE, RETIME, PORT, STATUS, ID;

        List<String> apply(List<String> lines, int line, ObjectNode o, java.util.Random random) throws Exception {
            String type = o.path("type").asText();
            switch (this) {
                case MOVE -> {
                    String moved = lines.remove(line);
                    lines.add(random.nextInt(lines.size() + 1), moved);
                    return lines;
                }
                case DROP -> {
                    lines.remove(line);
                    return lines;
                }
                case DUPLICATE -> {
                    lines.add(line + 1, lines.get(line));
                    return lines;
                }
                case RETIME -> {
                    long shift = (60 + random.nextInt(3600)) * (random.nextBoolean() ? 1L : -1L);
                    o.put("at", Instant.parse(o.path("at").asText()).plusSeconds(shift).toString());
                }
                case PORT -> {
                    if (type.equals("http.probe")) {
                        o.put("hostPort", o.path("hostPort").asInt() == 8080 ? 8081 : 8080);
                    } else if (type.equals("docker.container") && o.withArray("portBindings").size() > 0) {
                        for (String field : new String[]{"portBindings", "publishedPorts"}) {
                            o.withArray(field).forEach(p -> ((ObjectNode) p).put("hostPort", p.path("hostPort").asInt() == 8080 ? 8081 : 8080));
                        }
                    } else {
                        return null;
                    }
                }
                case STATUS -> {
                    switch (type) {
                        case "docker.container" -> o.put("running", !o.path("running").asBoolean()).put("status", o.path("running").asBoolean() ? "running" : "exited");
                        case "http.probe" -> o.put("status", o.path("status").asInt() == 200 ? 404 : 200);
                        case "docker.event" -> o.put("action", o.path("action").asText().equals("stop") ? "die" : "stop");
                        case "docker.containers" -> o.withArray("containers").forEach(c -> ((ObjectNode) c).put("state", "exited"));
                        default -> {
                            return null;
                        }
                    }
                }
                case ID -> {
                    String other = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
                    switch (type) {
                        case "docker.container" -> o.put("id", other);
                        case "docker.event", "http.probe" -> o.put("containerId", other);
                        case "docker.engine" -> o.put("daemonId", "FORG:EDID:0000:0000:0000:0000:0000:0000:0000:0000:0000:0000");
                        case "docker.containers" -> o.withArray("containers").forEach(c -> ((ObjectNode) c).put("id", other));
                        default -> {
                            return null;
                        }
                    }
                }
            }
            lines.set(line, Json.mapper().writeValueAsString(o));
            return lines;
        }

        /** Whether the raw captures, as recorded, say otherwise. */
        boolean contradicted(String type) {
            return switch (this) {
                case MOVE -> false; // the same facts in another order
                case DUPLICATE -> !type.equals("docker.event"); // an event read twice is the same event
                case STATUS, ID -> !type.equals("http.probe"); // a saved page holds neither status nor container
                default -> true;
            };
        }
    }
}
