package io.labgrader.evidence;

import io.labgrader.evidence.docker.EngineObserved;
import io.labgrader.evidence.docker.EventHistoryRead;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading the journal from its end: lines across read chunks, long lines, the first line, bad lines. */
class JournalTailTest {

    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

    @TempDir
    Path dir;

    private Path journal(String text) throws Exception {
        return Files.writeString(dir.resolve("journal.jsonl"), text);
    }

    private static String history(Instant until, String raw) {
        return "{\"type\":\"docker.event-history\",\"at\":\"" + until + "\",\"source\":\"check\",\"since\":\"" + T0
                + "\",\"until\":\"" + until + "\",\"count\":1,\"raw\":\"" + raw + "\"}";
    }

    @Test
    @DisplayName("a line longer than a read chunk, and the journal's first line without a newline before it")
    void longLineAndFirstLine() throws Exception {
        String longRaw = "raw/" + "x".repeat(200_000);
        Path file = journal(history(T0, "raw/first") + "\n" + history(T0.plusSeconds(1), longRaw) + "\n");
        assertThat(JournalTail.last(file, EventHistoryRead.class, r -> true)).hasValueSatisfying(r -> {
            assertThat(r.until()).isEqualTo(T0.plusSeconds(1));
            assertThat(r.raw()).isEqualTo(longRaw);
        });
        assertThat(JournalTail.last(file, EventHistoryRead.class, r -> r.raw().equals("raw/first")))
                .hasValueSatisfying(r -> assertThat(r.until()).isEqualTo(T0));
        assertThat(JournalTail.last(file, EngineObserved.class, r -> true)).isEmpty();
    }

    @Test
    @DisplayName("a line longer than the reader accepts is passed over, not held in memory whole")
    void overlongLine() throws Exception {
        String overlong = history(T0.plusSeconds(9), "raw/" + "y".repeat(EvidenceReader.MAX_LINE_CHARS + 10));
        Path file = journal(history(T0, "raw/ok") + "\n" + overlong + "\n");
        assertThat(JournalTail.last(file, EventHistoryRead.class, r -> true)
                .map(r -> r.raw().length() > 100 ? "the overlong line" : r.raw())).contains("raw/ok");
    }

    @Test
    @DisplayName("an empty journal has nothing; a missing one is an IOException for the caller to decide on")
    void emptyAndMissing() throws Exception {
        assertThat(JournalTail.last(journal(""), EventHistoryRead.class, r -> true)).isEmpty();
        assertThatThrownBy(() -> JournalTail.last(dir.resolve("none.jsonl"), EventHistoryRead.class, r -> true))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    @DisplayName("the type's name comes from the journal's own declaration")
    void typeNames() {
        assertThat(JournalTail.typeName(EventHistoryRead.class)).isEqualTo("docker.event-history");
        assertThat(JournalTail.typeName(EngineObserved.class)).isEqualTo("docker.engine");
    }
}
