package io.labgrader.batch;

import io.labgrader.evidence.EvidenceReader;
import io.labgrader.testing.Trees;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The flags' look at a bundle: the machine identifiers in its evidence, and the manifest check. */
class EvidenceScanTest {

    @TempDir
    Path tmp;

    @Test
    @DisplayName("the identifiers of real bundles: every container ID, daemon ID, VM UUID and MAC the journal's text holds")
    void identifiersOfRealBundles() throws Exception {
        for (Path bundle : new Path[]{BatchKit.PERFECT, BatchKit.WRONG_PORT}) {
            // found independently of the evidence model: by the JSON field names, in the journal's text
            String journal = Files.readString(bundle.resolve("journal.jsonl"));
            Set<String> expected = new TreeSet<>();
            expected.add("daemon:" + EvidenceReader.read(bundle).manifest().host().dockerDaemonId().toLowerCase(Locale.ROOT));
            find(journal, "\"daemonId\"\\s*:\\s*\"([^\"]+)\"").forEach(d -> expected.add("daemon:" + d.toLowerCase(Locale.ROOT)));
            find(journal, "\"(?:id|containerId)\"\\s*:\\s*\"([0-9a-f]{64})\"").forEach(c -> expected.add("container:" + c));
            find(journal, "\"uuid\"\\s*:\\s*\"([^\"]+)\"").forEach(u -> expected.add("vm:" + u.toLowerCase(Locale.ROOT)));
            find(journal, "\"mac\"\\s*:\\s*\"([^\"]+)\"").forEach(m -> expected.add("mac:" + m.toLowerCase(Locale.ROOT)));

            EvidenceScan.Scan scan = EvidenceScan.of(bundle);

            assertThat(scan.readable()).isTrue();
            assertThat(scan.flags()).as(bundle.toString()).isEmpty();
            assertThat(scan.fingerprints()).as(bundle.toString()).isEqualTo(expected);
        }
        assertThat(EvidenceScan.of(BatchKit.PERFECT).fingerprints()).anyMatch(f -> f.startsWith("vm:"))
                .anyMatch(f -> f.startsWith("mac:52:54:00:")).anyMatch(f -> f.startsWith("container:"));
    }

    private static List<String> find(String text, String regex) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    @DisplayName("a file changed, missing, added or listed outside the bundle; no manifest; an empty journal")
    void manifestProblems() throws Exception {
        Path b = Trees.copy(BatchKit.WRONG_PORT, tmp.resolve("b"));
        String raw;
        try (var list = Files.list(b.resolve("raw"))) {
            raw = "raw/" + list.map(p -> p.getFileName().toString()).sorted().findFirst().orElseThrow();
        }
        Files.delete(b.resolve(raw));
        Files.writeString(b.resolve("raw/added.txt"), "later");
        Files.writeString(b.resolve("journal.jsonl"), Files.readString(b.resolve("journal.jsonl")) + "\n");
        List<Flag> flags = EvidenceScan.of(b).flags();
        assertThat(flags).hasSize(2).first().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Flag.Kind.MODIFIED);
            assertThat(f.detail().en()).isEqualTo("journal.jsonl was changed (SHA-256 differs); " + raw + " is missing; "
                    + "raw/added.txt is not in the manifest (added later)");
        });
        // the removed capture is the engine's own answer, which the journal's docker.engine line names
        assertThat(flags.get(1).kind()).isEqualTo(Flag.Kind.INCONSISTENT);
        assertThat(flags.get(1).detail().en()).matches("The journal contradicts the engine's raw captures: docker\\.engine \\(.*\\) names the raw capture "
                + Pattern.quote(raw) + ", which is missing\\.");

        Files.writeString(b.resolve("manifest.json"), Files.readString(b.resolve("manifest.json"))
                .replaceFirst("\"path\" : \"journal.jsonl\"", "\"path\" : \"../../etc/passwd\""));
        assertThat(EvidenceScan.of(b).flags().get(0).detail().en()).startsWith("the manifest lists \"../../etc/passwd\", outside the evidence");

        Files.writeString(b.resolve("journal.jsonl"), "");
        BatchKit.rehash(b);
        assertThat(EvidenceScan.of(b).flags()).extracting(f -> f.detail().en()).containsExactly("The journal holds no observations.");

        Files.delete(b.resolve("manifest.json"));
        assertThat(EvidenceScan.of(b).flags()).extracting(f -> f.detail().en())
                .containsExactly("No manifest.json: labgrader writes one with every capture; whether the evidence was changed cannot be checked.",
                        "The journal holds no observations.");
    }
}
