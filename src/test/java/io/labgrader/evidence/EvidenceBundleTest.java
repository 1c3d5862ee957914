package io.labgrader.evidence;

import io.labgrader.evidence.docker.EngineObserved;
import io.labgrader.evidence.docker.EngineUnreachable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The evidence bundle on disk: append-only journal, hashed manifest, redaction, strict reading. */
class EvidenceBundleTest {

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void runningAgainAppendsAndKeepsTheCreationTime() throws Exception {
        EvidenceBundle first = EvidenceBundle.open(dir, "1", "lab", "ab", clock);
        first.record(new EngineObserved(clock.instant(), "check", "unix:///var/run/docker.sock", "29.0.1", "1.52",
                "linux", "amd64", "6.1", "Debian", "daemon-1", null));
        first.writeManifest();
        String journalAfterFirst = Files.readString(dir.resolve("journal.jsonl"));

        Clock later = Clock.offset(clock, java.time.Duration.ofMinutes(5));
        EvidenceBundle second = EvidenceBundle.open(dir, "1", "lab", "ab", later);
        second.record(new EngineUnreachable(later.instant(), "check", List.of(new EngineUnreachable.Attempt(
                "unix:///var/run/docker.sock", EngineUnreachable.Problem.CONNECTION_REFUSED, "connection refused"))));
        second.writeManifest();

        assertThat(Files.readString(dir.resolve("journal.jsonl"))).startsWith(journalAfterFirst);
        Evidence evidence = EvidenceReader.read(dir);
        assertThat(evidence.observations()).hasSize(2);
        assertThat(evidence.manifest().created()).isEqualTo(clock.instant());
        assertThat(evidence.manifest().updated()).isEqualTo(later.instant());
        assertThat(evidence.manifest().files()).anySatisfy(f -> {
            assertThat(f.path()).isEqualTo("journal.jsonl");
            assertThat(f.sha256()).hasSize(64);
        });
    }

    @Test
    void homeFolderUserNamesAreRedactedBeforeWriting() throws Exception {
        EvidenceBundle bundle = EvidenceBundle.open(dir, "1", "lab", "ab", clock);
        String raw = bundle.saveRaw("vm.txt", ("/home/erika/VirtualBox VMs/u.vbox\n/Users/max.mustermann/x\n"
                + "C:\\Users\\Anna\\VirtualBox VMs\\u.vbox\n{\"p\":\"C:\\\\Users\\\\Anna\\\\x\"}").getBytes());
        assertThat(Files.readString(dir.resolve(raw))).isEqualTo("/home/<user>/VirtualBox VMs/u.vbox\n/Users/<user>/x\n"
                + "C:\\Users\\<user>\\VirtualBox VMs\\u.vbox\n{\"p\":\"C:\\\\Users\\\\<user>\\\\x\"}");
    }

    @Test
    void aCorruptLineIsNamedWithFileAndLine() throws Exception {
        Files.writeString(dir.resolve("journal.jsonl"),
                "{\"type\":\"docker.engine\",\"at\":\"2026-11-28T10:00:00Z\",\"source\":\"check\"}\n\n{\"type\":\"docker.nope\",\"at\":\"2026-11-28T10:00:00Z\"}\n");
        assertThatThrownBy(() -> EvidenceReader.read(dir))
                .isInstanceOf(EvidenceException.class)
                .hasMessage(dir.resolve("journal.jsonl") + ":3: unknown observation type 'docker.nope' (written by a newer labgrader?)");
    }

    @Test
    void aFolderWithoutAJournalIsNotEvidence() {
        assertThatThrownBy(() -> EvidenceReader.read(dir))
                .isInstanceOf(EvidenceException.class)
                .hasMessageContaining("no journal");
    }
}
