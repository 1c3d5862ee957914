package io.labgrader.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import io.labgrader.evidence.compare.ContainerStatsObserved;
import io.labgrader.evidence.docker.ContainerEventObserved;
import io.labgrader.evidence.docker.ContainerObserved;
import io.labgrader.evidence.docker.ContainersListed;
import io.labgrader.evidence.docker.EngineObserved;
import io.labgrader.evidence.docker.EngineUnreachable;
import io.labgrader.evidence.docker.EventHistoryRead;
import io.labgrader.evidence.docker.ImagesListed;
import io.labgrader.evidence.http.HttpProbed;
import io.labgrader.evidence.vm.HypervisorNotFound;
import io.labgrader.evidence.vm.HypervisorObserved;
import io.labgrader.evidence.vm.VmObserved;
import io.labgrader.evidence.vm.VmProbeFailed;
import io.labgrader.evidence.vm.VmProbeRun;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journal's record types come from the labs' modules, registered with Jackson when the mapper is built (no
 * longer listed on Observation). Journals written before must read exactly as before: same names, same classes.
 */
class RecordTypesTest {

    /** The names Observation's @JsonSubTypes gave each record until the labs registered them. */
    private static final Map<String, Class<? extends Observation>> AS_BEFORE = new LinkedHashMap<>();

    static {
        AS_BEFORE.put("docker.engine", EngineObserved.class);
        AS_BEFORE.put("docker.unreachable", EngineUnreachable.class);
        AS_BEFORE.put("docker.container", ContainerObserved.class);
        AS_BEFORE.put("docker.event", ContainerEventObserved.class);
        AS_BEFORE.put("docker.containers", ContainersListed.class);
        AS_BEFORE.put("docker.images", ImagesListed.class);
        AS_BEFORE.put("docker.event-history", EventHistoryRead.class);
        AS_BEFORE.put("docker.stats", ContainerStatsObserved.class);
        AS_BEFORE.put("http.probe", HttpProbed.class);
        AS_BEFORE.put("vm.hypervisor", HypervisorObserved.class);
        AS_BEFORE.put("vm.hypervisor-absent", HypervisorNotFound.class);
        AS_BEFORE.put("vm.machine", VmObserved.class);
        AS_BEFORE.put("vm.probe-failed", VmProbeFailed.class);
        AS_BEFORE.put("vm.probe-run", VmProbeRun.class);
    }

    @Test
    @DisplayName("every record type keeps its journal name, both ways")
    void everyTypeKeepsItsName() {
        AS_BEFORE.forEach((name, type) -> assertThat(Json.typeName(type))
                .as("journal name of " + type.getSimpleName()).contains(name));
    }

    @Test
    @DisplayName("every line of the sample journals reads as the class its type names, and writes back under that name")
    void sampleJournalsReadAsBefore() throws IOException {
        List<Path> journals;
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("submissions")), Files.walk(Path.of("src/test/resources")))) {
            journals = files.filter(f -> f.getFileName().toString().equals("journal.jsonl")).toList();
        }
        assertThat(journals).as("sample journals in submissions/ and src/test/resources/").hasSizeGreaterThan(3);
        int lines = 0;
        for (Path journal : journals) {
            for (String line : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode tree;
                try {
                    tree = Json.mapper().readTree(line);
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    continue; // a sample of a truncated journal (its own tests expect the message)
                }
                String type = tree.path("type").asText();
                if (!AS_BEFORE.containsKey(type)) {
                    continue; // a sample of a broken journal (its own tests expect the message)
                }
                Observation read = EvidenceReader.OBSERVATION.readValue(line);
                assertThat(read).as(journal + ": " + type).isInstanceOf(AS_BEFORE.get(type));
                assertThat(Json.mapper().valueToTree(read).path("type").asText()).as("written back").isEqualTo(type);
                lines++;
            }
        }
        assertThat(lines).as("lines read").isGreaterThan(50);
    }

    @Test
    @DisplayName("a line of a type no lab registers still gets the clear message")
    void unknownTypeIsStillNamed() throws IOException {
        Path dir = Files.createTempDirectory("journal");
        Files.writeString(dir.resolve("journal.jsonl"),
                "{\"type\":\"network.bridge\",\"at\":\"2026-11-28T10:00:00Z\",\"source\":\"check\"}\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EvidenceReader.read(dir))
                .isInstanceOf(EvidenceException.class)
                .hasMessageEndingWith(":1: unknown observation type 'network.bridge' (written by a newer labgrader?)");
    }
}
