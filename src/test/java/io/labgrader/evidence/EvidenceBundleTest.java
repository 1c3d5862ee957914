package io.labgrader.evidence;

import io.labgrader.evidence.docker.EngineObserved;
import io.labgrader.evidence.docker.EngineUnreachable;
import io.labgrader.hashing.Hashes;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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

    private void engineSeen(EvidenceBundle bundle, String version) {
        bundle.record(new EngineObserved(clock.instant(), "check", "unix:///var/run/docker.sock", version, "1.52",
                "linux", "amd64", "6.1", "Debian", "daemon-1", null));
    }

    private int checks;

    /** One check, a minute after the one before: {@code captures} raw files and a journal line each, then the manifest. */
    private EvidenceBundle check(int captures) throws Exception {
        EvidenceBundle bundle = EvidenceBundle.open(dir, "1", "lab", "ab", Clock.offset(clock, java.time.Duration.ofMinutes(++checks)));
        for (int i = 0; i < captures; i++) {
            bundle.saveRaw("container-" + i + ".json", ("{\"Id\":\"" + i + "\"}").getBytes());
            engineSeen(bundle, "29." + i);
        }
        bundle.writeManifest();
        return bundle;
    }

    private Map<String, Manifest.FileEntry> manifest() throws Exception {
        return EvidenceReader.readManifest(dir, dir.resolve("manifest.json")).files().stream()
                .collect(Collectors.toMap(Manifest.FileEntry::path, Function.identity(), (a, b) -> a, TreeMap::new));
    }

    /** What an honest manifest must say: every file of the bundle, with the size and hash it has now. */
    private Map<String, Manifest.FileEntry> filesAsTheyAre() throws Exception {
        Map<String, Manifest.FileEntry> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String relative = dir.relativize(file).toString().replace('\\', '/');
                if (!relative.equals("manifest.json")) {
                    files.put(relative, new Manifest.FileEntry(relative, Files.size(file), Hashes.sha256(file)));
                }
            }
        }
        return files;
    }

    @Test
    @DisplayName("a later check hashes only the journal: the captures of earlier checks keep their recorded hashes")
    void aLaterCheckHashesOnlyWhatChanged() throws Exception {
        check(30);
        assertThat(manifest()).hasSize(31).isEqualTo(filesAsTheyAre());

        EvidenceBundle second = EvidenceBundle.open(dir, "1", "lab", "ab", Clock.offset(clock, java.time.Duration.ofMinutes(1)));
        assertThat(second.lastHashed()).as("opening rewrites the manifest but reads no file").isEmpty();
        for (int i = 0; i < 3; i++) {
            second.saveRaw("events.jsonl", ("{\"n\":" + i + "}\n").getBytes());
            engineSeen(second, "29.9");
        }
        second.writeManifest();

        assertThat(second.lastHashed()).containsExactly("journal.jsonl");
        assertThat(manifest()).hasSize(34).isEqualTo(filesAsTheyAre());
    }

    @Test
    @DisplayName("a capture edited, resized or deleted after capture is not blessed: its recorded entry stays")
    void anEditedCaptureIsNotBlessed() throws Exception {
        check(3);
        Map<String, Manifest.FileEntry> captured = manifest();
        List<String> raws = captured.keySet().stream().filter(p -> p.startsWith("raw/")).toList();
        Path sameSize = dir.resolve(raws.get(0));
        Files.writeString(sameSize, Files.readString(sameSize).replace('0', '7'));
        Files.writeString(dir.resolve(raws.get(1)), "{\"Id\":\"edited by hand\"}");
        Files.delete(dir.resolve(raws.get(2)));

        check(1);

        Map<String, Manifest.FileEntry> after = manifest();
        for (String raw : raws) {
            assertThat(after.get(raw)).as(raw).isEqualTo(captured.get(raw));
        }
        assertThat(Hashes.sha256(sameSize)).isNotEqualTo(captured.get(raws.get(0)).sha256());
        Map<String, Manifest.FileEntry> honest = filesAsTheyAre();
        assertThat(after.keySet()).containsAll(honest.keySet());
        after.keySet().removeAll(raws);
        honest.keySet().removeAll(raws);
        assertThat(after).as("the rest, the new capture and the grown journal among them").isEqualTo(honest);
    }

    @Test
    @DisplayName("the journal: lines appended after the manifest are hashed; an edit of recorded lines is not blessed")
    void theJournalGrowsButIsNotRewritten() throws Exception {
        check(2);
        Path journal = dir.resolve("journal.jsonl");
        // a check cut off after appending, before its manifest: the next check lists what it appended
        Files.writeString(journal, Files.readString(journal) + Files.readString(journal).lines().findFirst().orElseThrow() + "\n");
        check(1);
        assertThat(manifest()).isEqualTo(filesAsTheyAre());

        Manifest.FileEntry recorded = manifest().get("journal.jsonl");
        Files.writeString(journal, Files.readString(journal).replace("\"29.0\"", "\"99.0\""));
        check(1);
        assertThat(manifest().get("journal.jsonl")).isEqualTo(recorded);
        assertThat(Files.size(journal)).isGreaterThan(recorded.size());
    }

    @Test
    @DisplayName("a file no manifest knows (a cut-off check's capture) is hashed and listed, as before")
    void anUnknownFileIsListed() throws Exception {
        check(1);
        Files.writeString(dir.resolve("raw/20261128T100000.000Z-9-container-x.json"), "{}");
        EvidenceBundle again = EvidenceBundle.open(dir, "1", "lab", "ab", clock);
        assertThat(again.lastHashed()).containsExactly("raw/20261128T100000.000Z-9-container-x.json");
        assertThat(manifest()).isEqualTo(filesAsTheyAre());
    }

    @Test
    @DisplayName("check while watch runs: each keeps the other's captures, and the last manifest lists them all")
    void twoRunsAtOnce() throws Exception {
        check(1);
        EvidenceBundle watch = EvidenceBundle.open(dir, "1", "lab", "ab", clock);
        watch.saveRaw("watched.json", "{}".getBytes());
        engineSeen(watch, "29.5");
        check(2);
        engineSeen(watch, "29.6");
        watch.writeManifest();
        assertThat(watch.lastHashed()).containsExactly("journal.jsonl");
        assertThat(manifest()).hasSize(5).isEqualTo(filesAsTheyAre());
    }
}
