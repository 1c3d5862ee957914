package io.labgrader.batch;

import io.labgrader.evidence.Evidence;
import io.labgrader.evidence.EvidenceReader;
import io.labgrader.evidence.docker.ContainerEventObserved;
import io.labgrader.evidence.docker.ContainerObserved;
import io.labgrader.evidence.docker.ContainersListed;
import io.labgrader.evidence.docker.EngineObserved;
import io.labgrader.evidence.http.HttpProbed;
import io.labgrader.evidence.vm.VmNic;
import io.labgrader.evidence.vm.VmObserved;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The flags' look at a bundle: the same identifiers the evidence model holds, and the manifest check. */
class EvidenceScanTest {

    @TempDir
    Path tmp;

    @Test
    @DisplayName("the one-pass journal scan finds exactly the identifiers of the evidence model, in real bundles")
    void sameIdentifiersAsTheModel() throws Exception {
        for (Path bundle : new Path[]{BatchKit.PERFECT, BatchKit.WRONG_PORT}) {
            Evidence evidence = EvidenceReader.read(bundle);
            Set<String> typed = new TreeSet<>();
            typed.add("daemon:" + evidence.manifest().host().dockerDaemonId().toLowerCase(Locale.ROOT));
            evidence.all(EngineObserved.class).forEach(e -> typed.add("daemon:" + e.daemonId().toLowerCase(Locale.ROOT)));
            evidence.all(ContainerObserved.class).forEach(c -> typed.add("container:" + c.id()));
            evidence.all(ContainerEventObserved.class).forEach(c -> typed.add("container:" + c.containerId()));
            evidence.all(ContainersListed.class).forEach(l -> l.containers().forEach(c -> typed.add("container:" + c.id())));
            evidence.all(HttpProbed.class).stream().filter(h -> h.containerId() != null).forEach(h -> typed.add("container:" + h.containerId()));
            evidence.all(VmObserved.class).forEach(v -> {
                typed.add("vm:" + v.uuid().toLowerCase(Locale.ROOT));
                v.nics().stream().map(VmNic::mac).forEach(m -> typed.add("mac:" + m.toLowerCase(Locale.ROOT)));
            });

            EvidenceScan.Scan scan = EvidenceScan.of(bundle);

            assertThat(scan.readable()).isTrue();
            assertThat(scan.flags()).as(bundle.toString()).isEmpty();
            assertThat(scan.fingerprints()).as(bundle.toString()).isEqualTo(typed);
        }
        assertThat(EvidenceScan.of(BatchKit.PERFECT).fingerprints()).anyMatch(f -> f.startsWith("vm:"))
                .anyMatch(f -> f.startsWith("mac:52:54:00:"));
    }

    @Test
    @DisplayName("a file changed, missing, added or listed outside the bundle; no manifest; an empty journal")
    void manifestProblems() throws Exception {
        Path b = BatchKit.copy(BatchKit.WRONG_PORT, tmp.resolve("b"));
        String raw;
        try (var list = Files.list(b.resolve("raw"))) {
            raw = "raw/" + list.map(p -> p.getFileName().toString()).sorted().findFirst().orElseThrow();
        }
        Files.delete(b.resolve(raw));
        Files.writeString(b.resolve("raw/added.txt"), "later");
        Files.writeString(b.resolve("journal.jsonl"), Files.readString(b.resolve("journal.jsonl")) + "\n");
        assertThat(EvidenceScan.of(b).flags()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Flag.Kind.MODIFIED);
            assertThat(f.detail().en()).isEqualTo("journal.jsonl was changed (SHA-256 differs); " + raw + " is missing; "
                    + "raw/added.txt is not in the manifest (added later)");
        });

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
