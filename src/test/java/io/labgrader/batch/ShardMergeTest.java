package io.labgrader.batch;

import io.labgrader.rubric.LocalizedText.Language;
import io.labgrader.rubric.Rubric;
import io.labgrader.rubric.RubricLoader;
import io.labgrader.testing.Trees;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
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

/** A class graded in parallel CI shards and merged is the class graded in one run. */
class ShardMergeTest {

    @TempDir
    Path tmp;
    Path root;

    @BeforeEach
    void aClass() throws Exception {
        root = Files.createDirectories(tmp.resolve("submissions"));
        Trees.copy(BatchKit.PERFECT, root.resolve("alice"));
        BatchKit.zip(BatchKit.WRONG_PORT, root.resolve("bob.zip"), "evidence/");
        Path carol = Trees.copy(BatchKit.PERFECT, root.resolve("carol"));   // alice's evidence: collusion across shards
        Trees.copy(BatchKit.WRONG_PORT, root.resolve("Dave Example_100004_assignsubmission_file_/evidence"));
        Files.createDirectories(root.resolve("erin"));
        Files.writeString(root.resolve("notes.txt"), "ignored");
        assertThat(carol).exists();
    }

    private BatchResult shard(String spec, Path out, Instant at) {
        return BatchKit.grade(new BatchGrader(BatchKit.rubric(), new BatchGrader.Settings(root, out, 2, Language.EN,
                Limits.DEFAULT, Clock.fixed(at, ZoneOffset.UTC), Shard.parse(spec))), new BatchGrader.Listener() {
        });
    }

    @Test
    @DisplayName("three shards merged write exactly the files of one run, collusion across shards included")
    void mergedEqualsOneRun() throws Exception {
        Path whole = tmp.resolve("whole");
        BatchKit.grade(root, whole);
        List<Path> parts = List.of(tmp.resolve("s1"), tmp.resolve("s2"), tmp.resolve("s3"));
        BatchResult first = shard("1/3", parts.get(0), BatchKit.T1);
        shard("2/3", parts.get(1), BatchKit.T1);
        shard("3/3", parts.get(2), BatchKit.T1);
        assertThat(first.done()).isEqualTo(2);
        assertThat(BatchKit.files(parts.get(0))).filteredOn(f -> f.endsWith("report.json"))
                .containsExactly("students/Dave_Example_100004/report.json", "students/alice/report.json");
        assertThat(BatchKit.files(parts.get(0))).contains(ShardFile.FILE_NAME).doesNotContain("overview.html", "gradebook.csv");

        Path merged = tmp.resolve("merged");
        BatchResult result = ShardMerge.merge(BatchKit.rubric(), List.of(parts.get(2), parts.get(0), parts.get(1)), merged, null);

        assertThat(result.total()).isEqualTo(5);
        assertThat(BatchKit.student(merged, "alice").flags()).anySatisfy(f -> assertThat(f.others()).containsExactly("name:carol"));
        List<String> files = BatchKit.files(whole);
        assertThat(BatchKit.files(merged)).isEqualTo(files);
        for (String f : files) {
            assertThat(Files.readAllBytes(merged.resolve(f))).as(f).isEqualTo(Files.readAllBytes(whole.resolve(f)));
        }
    }

    @Test
    @DisplayName("shards graded at different times merge with the earliest time; the students keep their own")
    void differentTimes() throws Exception {
        shard("1/2", tmp.resolve("a"), BatchKit.T2);
        shard("2/2", tmp.resolve("b"), BatchKit.T1);
        BatchResult result = ShardMerge.merge(BatchKit.rubric(), List.of(tmp.resolve("a"), tmp.resolve("b")), tmp.resolve("m"), Language.EN);
        assertThat(result.gradedAt()).isEqualTo(BatchKit.T1);
        assertThat(BatchKit.json(tmp.resolve("m/students/alice/report.json")).path("gradedAt").asText()).isEqualTo(BatchKit.T2.toString());
    }

    @Test
    @DisplayName("a missing or doubled shard, another rubric, another class or language: refused with the reason")
    void refused() throws Exception {
        shard("1/2", tmp.resolve("a"), BatchKit.T1);
        shard("2/2", tmp.resolve("b"), BatchKit.T1);
        Path m = tmp.resolve("m");
        assertThatThrownBy(() -> ShardMerge.merge(BatchKit.rubric(), List.of(tmp.resolve("a")), m, null))
                .hasMessage("shard 2/2 missing: every shard's output is needed");
        assertThatThrownBy(() -> ShardMerge.merge(BatchKit.rubric(), List.of(tmp.resolve("a"), tmp.resolve("a")), m, null))
                .hasMessage("shard 1/2 given twice: " + tmp.resolve("a") + " and " + tmp.resolve("a"));
        assertThatThrownBy(() -> ShardMerge.merge(BatchKit.rubric(), List.of(tmp.resolve("a"), root), m, null))
                .hasMessage(root + ": not the output of \"labgrader grade --shard i/n\" (no .labgrader-shard.json)");
        assertThatThrownBy(() -> ShardMerge.merge(BatchKit.rubric(), List.of(tmp.resolve("a"), tmp.resolve("b")), m, Language.DE))
                .hasMessage(tmp.resolve("a") + ": graded in en; merge in the language the shards were graded in (--lang)");
        Path other = tmp.resolve("other-rubric.yml");
        Files.writeString(other, Files.readString(Path.of("rubric.yml")).replace("points: 15", "points: 16"));
        Rubric changed = RubricLoader.load(other);
        assertThatThrownBy(() -> ShardMerge.merge(changed, List.of(tmp.resolve("a"), tmp.resolve("b")), m, null))
                .hasMessageStartingWith(tmp.resolve("a") + ": graded with another rubric (docker-vs-vm, sha256 ");
        Files.createDirectories(root.resolve("frank"));
        shard("2/3", tmp.resolve("c"), BatchKit.T1);
        assertThatThrownBy(() -> ShardMerge.merge(BatchKit.rubric(), List.of(tmp.resolve("a"), tmp.resolve("c")), m, null))
                .hasMessage(tmp.resolve("c") + ": shard 2/3 of 6 students does not belong with " + tmp.resolve("a") + " (shard 1/2 of 5 students)");
        assertThat(m).doesNotExist();
    }

    @Test
    @DisplayName("shard specs: i/n with 1 <= i <= n")
    void specs() {
        assertThat(Shard.parse(" 2/4 ")).isEqualTo(new Shard(2, 4));
        assertThat(new Shard(2, 4).includes(1)).isTrue();
        assertThat(new Shard(2, 4).includes(5)).isTrue();
        assertThat(new Shard(2, 4).includes(2)).isFalse();
        for (String bad : List.of("0/4", "5/4", "2", "a/b", "1/0", "")) {
            assertThatThrownBy(() -> Shard.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
