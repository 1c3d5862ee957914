package io.labgrader.evidence;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading a bundle from its folder and from its files' bytes (batch grading of zips) gives the same evidence. */
class EvidenceReaderTest {

    private static final Path PERFECT = Path.of("src/test/resources/batch/bundles/perfect");

    @TempDir
    Path tmp;

    @Test
    @DisplayName("a real bundle read from memory has the folder's observations and manifest")
    void sameAsTheFolder() throws Exception {
        Evidence folder = EvidenceReader.read(PERFECT);
        Evidence memory = EvidenceReader.read("alice.zip!/evidence", Files.readAllBytes(PERFECT.resolve("manifest.json")),
                Files.readAllBytes(PERFECT.resolve("journal.jsonl")));

        assertThat(memory.observations()).hasSizeGreaterThan(5).isEqualTo(folder.observations());
        assertThat(memory.manifest()).isEqualTo(folder.manifest());
        assertThat(memory.location()).isEqualTo("alice.zip!/evidence");
    }

    @Test
    @DisplayName("the same problems with the same messages, named after the place the bytes came from")
    void sameProblems() throws Exception {
        byte[] broken = "{\"type\":\"docker.engine\",\"at\":\"2026-11-28T10:00:00Z\"}\n{\"type\":\"docker.nope\",\"at\":\"2026-11-28T10:00:00Z\"}\n"
                .getBytes(StandardCharsets.UTF_8);
        Path dir = Files.createDirectories(tmp.resolve("evidence"));
        Files.write(dir.resolve("journal.jsonl"), broken);

        assertThatThrownBy(() -> EvidenceReader.read(dir)).hasMessage(dir.resolve("journal.jsonl")
                + ":2: unknown observation type 'docker.nope' (written by a newer labgrader?)");
        assertThatThrownBy(() -> EvidenceReader.read("s.zip!/evidence", null, broken))
                .hasMessage("s.zip!/evidence/journal.jsonl:2: unknown observation type 'docker.nope' (written by a newer labgrader?)");
        assertThatThrownBy(() -> EvidenceReader.read("s.zip!/evidence", null, null))
                .hasMessageStartingWith("s.zip!/evidence/journal.jsonl: no journal");
        assertThatThrownBy(() -> EvidenceReader.read("s.zip!/evidence", "{".getBytes(StandardCharsets.UTF_8), broken))
                .hasMessageStartingWith("s.zip!/evidence/manifest.json:1: not a valid manifest: ");
        assertThatThrownBy(() -> EvidenceReader.read("s.zip!/evidence", null, new byte[]{'{', (byte) 0xC3, '}'}))
                .hasMessage("s.zip!/evidence/journal.jsonl: not UTF-8 text");
    }
}
