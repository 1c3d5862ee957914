package io.labgrader.probe.docker;

import io.labgrader.evidence.Evidence;
import io.labgrader.evidence.EvidenceBundle;
import io.labgrader.evidence.EvidenceException;
import io.labgrader.evidence.EvidenceReader;
import io.labgrader.evidence.Json;
import io.labgrader.evidence.docker.EventHistoryRead;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Where the next read of the engine's event history starts, found from the end of the journal. No engine needed. */
class EventHistoryCursorTest {

    private static final Instant BEGINNING = Instant.ofEpochSecond(1);
    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

    @TempDir
    Path dir;

    private static String history(Instant until) {
        return "{\"type\":\"docker.event-history\",\"at\":\"" + until + "\",\"source\":\"check\",\"since\":\"" + T0
                + "\",\"until\":\"" + until + "\",\"count\":3,\"raw\":\"raw/x-events.jsonl\"}\n";
    }

    private static String engine(int i) {
        return "{\"type\":\"docker.engine\",\"at\":\"" + T0.plusSeconds(i) + "\",\"source\":\"check\",\"version\":\"20.10."
                + i + "\",\"daemonId\":\"" + "d".repeat(40) + "\"}\n";
    }

    private void journal(String text) throws Exception {
        Files.writeString(dir.resolve(EvidenceBundle.JOURNAL), text);
    }

    @Test
    @DisplayName("many checks: the last history read wins, found behind far more than one read-chunk of other lines")
    void manyLines() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int check = 0; check < 200; check++) {
            for (int i = 0; i < 20; i++) {
                text.append(engine(check * 20 + i));
            }
            text.append(history(T0.plusSeconds(60L * check)));
        }
        for (int i = 0; i < 2000; i++) { // ~300 KB after the last history read, e.g. an engine that stopped answering
            text.append(engine(i));
        }
        journal(text.toString());

        assertThat(DockerProbing.eventsSince(dir)).isEqualTo(T0.plusSeconds(60L * 199 - 1));
    }

    @Test
    @DisplayName("a truncated last line (a check cut off while writing) is passed over")
    void truncatedLastLine() throws Exception {
        String cut = history(T0.plusSeconds(600));
        journal(engine(1) + history(T0.plusSeconds(120)) + engine(2) + cut.substring(0, cut.length() - 40));

        assertThat(DockerProbing.eventsSince(dir)).isEqualTo(T0.plusSeconds(119));

        // a sample recorded by a real check that was cut off in the middle of its last line
        Path cutOff = Path.of("submissions/Edsger Dijkstra_100006_assignsubmission_file_/evidence");
        List<String> lines = Files.readAllLines(cutOff.resolve(EvidenceBundle.JOURNAL));
        assertThat(lines.get(lines.size() - 1)).doesNotEndWith("}");
        EventHistoryRead recorded = Json.mapper().readValue(lines.stream()
                .filter(l -> l.startsWith("{\"type\":\"docker.event-history\"")).reduce((a, b) -> b).orElseThrow(), EventHistoryRead.class);
        assertThat(DockerProbing.eventsSince(cutOff)).isEqualTo(recorded.until().minusSeconds(1));
    }

    @Test
    @DisplayName("no history read yet, or no journal: from whatever the engine still holds, or the floor")
    void noHistoryLine() throws Exception {
        assertThat(DockerProbing.eventsSince(dir)).as("no journal").isEqualTo(BEGINNING);
        journal(engine(1) + engine(2) + "{\"type\":\"docker.container\",\"at\":\"" + T0
                + "\",\"source\":\"check\",\"name\":\"docker.event-history\",\"id\":\"c1\"}\n");
        assertThat(DockerProbing.eventsSince(dir)).isEqualTo(BEGINNING);
        Instant floor = T0.plusSeconds(5);
        assertThat(DockerProbing.eventsSince(dir, floor)).isEqualTo(floor);
    }

    @Test
    @DisplayName("lines after the last read that mention it, are of a newer labgrader's type, or end in CRLF")
    void otherLinesAfterTheLastRead() throws Exception {
        journal(history(T0.plusSeconds(30)).replace("\n", "\r\n")
                + "{\"type\":\"docker.container\",\"at\":\"" + T0 + "\",\"source\":\"check\",\"id\":\"c1\",\"name\":\"docker.event-history\"}\n"
                + "{\"type\":\"docker.event-history-v2\",\"at\":\"" + T0 + "\",\"until\":\"" + T0.plusSeconds(900) + "\"}\n"
                + "{\"type\":\"docker.event-history\",\"at\":\"" + T0 + "\",\"source\":\"check\"}\n"); // no until
        assertThat(DockerProbing.eventsSince(dir)).isEqualTo(T0.plusSeconds(29));
    }

    @Test
    @DisplayName("journals recorded by earlier labgrader runs: the same cursor as reading the whole journal")
    void journalsOfEarlierRuns() throws Exception {
        List<Path> bundles;
        try (Stream<Path> journals = Stream.concat(Files.walk(Path.of("submissions")),
                Files.walk(Path.of("src/test/resources/batch/bundles")))) {
            bundles = journals.filter(p -> p.getFileName().toString().equals(EvidenceBundle.JOURNAL))
                    .map(Path::getParent).toList();
        }
        int compared = 0;
        for (Path bundle : bundles) {
            Evidence evidence;
            try {
                evidence = EvidenceReader.read(bundle);
            } catch (EvidenceException e) {
                continue; // a broken sample (a truncated last line): the whole-journal reader gives up on it
            }
            Instant wholeJournal = evidence.all(EventHistoryRead.class).stream()
                    .map(EventHistoryRead::until).max(Comparator.naturalOrder()).orElseThrow().minusSeconds(1);
            assertThat(DockerProbing.eventsSince(bundle)).as(bundle.toString()).isEqualTo(wholeJournal);
            compared++;
        }
        assertThat(compared).isGreaterThanOrEqualTo(3);
    }
}
