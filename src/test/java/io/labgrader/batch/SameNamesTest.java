package io.labgrader.batch;

import com.fasterxml.jackson.databind.JsonNode;
import io.labgrader.grading.Grading;
import io.labgrader.rubric.LocalizedText.Language;
import io.labgrader.testing.Trees;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "José" as NFC (one code point é, as Windows writes it) and as NFD (e and a combining accent, as macOS's file system
 * writes names): two identifiers that look the same in every report. They are flagged as a possible duplicate, and
 * no score changes.
 */
class SameNamesTest {

    private static final String NFC = Normalizer.normalize("José Núñez", Normalizer.Form.NFC);
    private static final String NFD = Normalizer.normalize("José Núñez", Normalizer.Form.NFD);

    @TempDir
    Path tmp;

    private static int score(Path bundle) {
        return Grading.grade(BatchKit.rubric(), bundle, Language.EN, Clock.fixed(BatchKit.T1, ZoneOffset.UTC)).score();
    }

    /** The same-name flags of summary.json's students, as "key: kind: detail" (the samples share ids: collusion too). */
    private static List<String> flags(Path out) {
        List<String> seen = new ArrayList<>();
        for (JsonNode s : BatchKit.json(out.resolve("summary.json")).path("students")) {
            for (JsonNode f : s.path("flags")) {
                if (f.path("kind").asText().equals("collusion")) {
                    continue;
                }
                seen.add(s.path("key").asText() + ": " + f.path("kind").asText() + ": " + f.path("detail").asText());
            }
        }
        return seen;
    }

    @Test
    @DisplayName("folders named José in NFC and NFD: both graded as before, each flagged \"same name\" naming the other")
    void unicodeForms() throws Exception {
        assertThat(NFC).isNotEqualTo(NFD);
        Path root = Files.createDirectories(tmp.resolve("submissions"));
        Trees.copy(BatchKit.PERFECT, root.resolve(NFC));
        Trees.copy(BatchKit.WRONG_PORT, root.resolve(NFD));
        Trees.copy(BatchKit.PERFECT, root.resolve("alice"));
        Path out = tmp.resolve("grading");

        BatchResult result = BatchKit.grade(root, out);

        assertThat(result.graded()).isEqualTo(3);
        assertThat(BatchKit.students(out)).extracting(BatchKit.Seen::key, BatchKit.Seen::score).containsExactlyInAnyOrder(
                org.assertj.core.api.Assertions.tuple("name:" + NFC, score(BatchKit.PERFECT)),
                org.assertj.core.api.Assertions.tuple("name:" + NFD, score(BatchKit.WRONG_PORT)),
                org.assertj.core.api.Assertions.tuple("name:alice", score(BatchKit.PERFECT)));
        assertThat(flags(out)).containsExactlyInAnyOrder(
                "name:" + NFC + ": same-name: The name differs only in Unicode form (NFC/NFD) from that of " + NFD + " (\"" + NFD
                        + "\"): the same student twice?",
                "name:" + NFD + ": same-name: The name differs only in Unicode form (NFC/NFD) from that of " + NFC + " (\"" + NFC
                        + "\"): the same student twice?");
        assertThat(BatchKit.read(out.resolve("overview.html"))).contains("data-flag=\"same-name\"");
    }

    @Test
    @DisplayName("Moodle participants whose names differ only in Unicode form or case are flagged in German; namesakes spelt "
            + "exactly alike are not")
    void moodleInGerman() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("submissions"));
        Trees.copy(BatchKit.PERFECT, root.resolve(NFC + "_100001_assignsubmission_file_/evidence"));
        Trees.copy(BatchKit.PERFECT, root.resolve(NFD.toUpperCase(java.util.Locale.ROOT) + "_100002_assignsubmission_file_/evidence"));
        Trees.copy(BatchKit.PERFECT, root.resolve("Ada Lovelace_100003_assignsubmission_file_/evidence"));
        Trees.copy(BatchKit.PERFECT, root.resolve("Ada Lovelace_100004_assignsubmission_file_/evidence"));
        Path out = tmp.resolve("grading");

        BatchKit.grade(new BatchGrader(BatchKit.rubric(), new BatchGrader.Settings(root, out, 2, Language.DE, Limits.DEFAULT,
                Clock.fixed(BatchKit.T1, ZoneOffset.UTC))), new BatchGrader.Listener() {
        });

        assertThat(flags(out)).containsExactlyInAnyOrder(
                "moodle:100001: same-name: Der Name unterscheidet sich nur in Groß- und Kleinschreibung von dem von "
                        + NFD.toUpperCase(java.util.Locale.ROOT) + " (100002) (\"" + NFD.toUpperCase(java.util.Locale.ROOT)
                        + "_100002_assignsubmission_file_\"): dieselbe Person zweimal?",
                "moodle:100002: same-name: Der Name unterscheidet sich nur in Groß- und Kleinschreibung von dem von "
                        + NFC + " (100001) (\"" + NFC + "_100001_assignsubmission_file_\"): dieselbe Person zweimal?");
        assertThat(BatchKit.students(out)).allSatisfy(s -> assertThat(s.score()).isEqualTo(score(BatchKit.PERFECT)));
    }
}
