package io.labgrader.ci;

import io.labgrader.testing.Commands;
import io.labgrader.testing.Trees;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An instructor's batch grading split across GitLab's parallel: jobs, run by gitlab-ci-local: "labgrader-batch"
 * (parallel: 3) grades one shard each with labgrader grade --shard i/n, and "labgrader-gradebook" merges the shards
 * with labgrader merge. The merged gradebook and overview must be identical to grading all submissions in one run.
 * <p>
 * The submissions come from a real lab run (see {@link SampleLab}): complete and partial bundles, one with a
 * truncated journal, and an empty folder. Two students share a Docker daemon id, so a collusion flag spans shards:
 * only a merge that looks at the whole class finds it.
 */
class BatchShardingTest {

    /** ISO-8601 instants, e.g. a report's gradedAt: the one kind of field allowed to differ between two runs. */
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");

    @TempDir
    Path dir;

    @BeforeAll
    static void tool() {
        GitlabCiLocal.assumeInstalled();
    }

    private Path instructorRepo() throws IOException {
        Path repo = dir.resolve("course");
        Files.createDirectories(repo.resolve("ci"));
        Files.copy(Path.of("ci/grade.gitlab-ci.yml"), repo.resolve("ci/grade.gitlab-ci.yml"));
        Files.writeString(repo.resolve(".gitlab-ci.yml"), """
                include:
                  - local: ci/grade.gitlab-ci.yml   # on GitLab: project: course/labgrader, ref: v0.1.0, file: /ci/grade.gitlab-ci.yml

                variables:
                  LABGRADER_SUBMISSIONS: submissions

                labgrader-batch:
                  parallel: 3
                """);
        Files.writeString(repo.resolve("rubric.yml"), SampleLab.dockerRubric());
        Path submissions = repo.resolve("submissions");
        Trees.copy(SampleLab.complete(), submissions.resolve("alice"));
        Trees.copy(SampleLab.partial(), submissions.resolve("bob"));
        Trees.copy(SampleLab.complete(), submissions.resolve("carol"));
        Path journal = submissions.resolve("carol/journal.jsonl");
        String lines = Files.readString(journal);
        Files.writeString(journal, lines.substring(0, lines.length() / 2)); // cut in the middle of a line
        Files.createDirectories(submissions.resolve("dave"));
        Files.writeString(submissions.resolve("dave/README.txt"), "forgot to hand in evidence/\n");
        Trees.copy(SampleLab.partial(), submissions.resolve("erin"));
        GitlabCiLocal.commitAll(repo, "https://gitlab.example.com/course/docker-vs-vm.git");
        return repo;
    }

    @Test
    @DisplayName("3 parallel shards and their merge give the gradebook and overview of one unsharded run")
    void shardedEqualsUnsharded() throws IOException {
        Path jar = LabgraderJar.get();
        Commands.Result help = Commands.run(dir, Map.of(), Duration.ofMinutes(1),
                List.of(SampleLab.java(), "-jar", jar.toString(), "grade", "--help"));
        assertThat(help.stdout()).as("labgrader grade --shard i/n (batch grading, issue 4) is not there yet:\n" + help.all())
                .contains("--shard");
        Path repo = instructorRepo();

        Commands.Result pipeline = GitlabCiLocal.run(repo, Duration.ofMinutes(10), "--force-shell-executor",
                "--shell-isolation", "--no-artifacts-to-source", "--variable", "LABGRADER_JAR=" + jar);
        Commands.Result unsharded = Commands.run(repo, Map.of(), Duration.ofMinutes(5),
                List.of(SampleLab.java(), "-jar", jar.toString(), "grade", "submissions", "--out", "unsharded"));

        String log = pipeline.all();
        for (int shard = 1; shard <= 3; shard++) {
            assertThat(log).as(log).contains("labgrader: grading shard " + shard + "/3 of submissions");
        }
        assertThat(log).as(log).contains("labgrader: merge exit code " + unsharded.exitCode());
        // the pipeline fails exactly when the unsharded run does (e.g. for the submissions that cannot be graded)
        assertThat(pipeline.exitCode()).as(log).isEqualTo(unsharded.exitCode() == 0 ? 0 : 1);

        Path merged = repo.resolve(".gitlab-ci-local/artifacts/labgrader-gradebook/labgrader-gradebook");
        Map<String, String> mergedFiles = normalisedTree(merged);
        Map<String, String> unshardedFiles = normalisedTree(repo.resolve("unsharded"));
        assertThat(unshardedFiles).as(unsharded.all()).isNotEmpty();
        assertThat(mergedFiles.keySet()).containsExactlyElementsOf(unshardedFiles.keySet());
        for (var file : unshardedFiles.entrySet()) {
            assertThat(mergedFiles.get(file.getKey())).as(file.getKey()).isEqualTo(file.getValue());
        }
        // every student is in the merged result, from whichever shard graded them
        String everything = String.join("\n", mergedFiles.keySet()) + "\n" + String.join("\n", mergedFiles.values());
        assertThat(everything).contains("alice", "bob", "carol", "dave", "erin");
    }

    @Test
    @DisplayName("lab 2 in shards: LABGRADER_LAB=docker-networks reaches both shards and the merge, which grade with that lab's rubric")
    void labTwoShardedByLabgraderLab() throws IOException {
        Path repo = dir.resolve("course-lab2");
        Files.createDirectories(repo.resolve("ci"));
        Files.copy(Path.of("ci/grade.gitlab-ci.yml"), repo.resolve("ci/grade.gitlab-ci.yml"));
        Files.writeString(repo.resolve(".gitlab-ci.yml"), """
                include:
                  - local: ci/grade.gitlab-ci.yml

                variables:
                  LABGRADER_SUBMISSIONS: submissions
                  LABGRADER_LAB: docker-networks

                labgrader-batch:
                  parallel: 2
                """);
        for (String student : List.of("anna", "ben")) {
            Trees.copy(Path.of("labs/docker-networks/samples/complete"), repo.resolve("submissions").resolve(student));
        }
        GitlabCiLocal.commitAll(repo, "https://gitlab.example.com/course/docker-networks.git");

        Commands.Result pipeline = GitlabCiLocal.run(repo, Duration.ofMinutes(10), "--force-shell-executor",
                "--shell-isolation", "--no-artifacts-to-source", "--variable", "LABGRADER_JAR=" + LabgraderJar.get());

        assertThat(pipeline.exitCode()).as(pipeline.all()).isZero();
        Path merged = repo.resolve(".gitlab-ci-local/artifacts/labgrader-gradebook/labgrader-gradebook");
        assertThat(Files.readString(merged.resolve("summary.json"))).as(pipeline.all())
                .contains("\"rubric\" : \"docker-networks\"", "\"students\" : 2", "\"graded\" : 2", "\"mean\" : 100");
        assertThat(Files.readString(merged.resolve("students/ben/report.md"))).startsWith("## Docker networks and volumes — 100 / 100");
    }

    /** relative path → content with timestamps replaced (binary files by their size and hash). */
    private static Map<String, String> normalisedTree(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(p);
                String content;
                try {
                    content = TIMESTAMP.matcher(StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)))
                            .replaceAll("<time>");
                } catch (CharacterCodingException e) {
                    content = bytes.length + " bytes, sha-256 " + java.util.HexFormat.of().formatHex(
                            sha256(bytes));
                }
                files.put(root.relativize(p).toString().replace('\\', '/'), content);
            }
        }
        return files;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
