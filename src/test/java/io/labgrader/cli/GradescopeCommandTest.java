package io.labgrader.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.labgrader.testing.Trees;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "labgrader gradescope SUBMISSION": what run_autograder calls for one upload, on real sample bundles in each layout a
 * student uploads, and on uploads that cannot be graded. Every run must leave a results.json.
 */
class GradescopeCommandTest {

    static final Path PERFECT = Path.of("src/test/resources/batch/bundles/perfect");
    static final Path TRUNCATED = Path.of("submissions/Edsger Dijkstra_100006_assignsubmission_file_/evidence");

    @TempDir
    Path dir;

    @Test
    @DisplayName("the evidence folder itself, a zip of it, and a folder holding evidence/: the same score, 65")
    void everyLayoutGradesTheSame() throws IOException {
        Path flat = Trees.copy(PERFECT, dir.resolve("flat"));
        Path zipped = Files.createDirectories(dir.resolve("zipped"));
        Trees.zip(PERFECT, zipped.resolve("evidence.zip"), "evidence/");
        Path nested = Files.createDirectories(dir.resolve("nested"));
        Trees.copy(PERFECT, nested.resolve("evidence"));

        for (Path upload : new Path[]{flat, zipped, nested}) {
            JsonNode results = run(upload, 0);
            assertThat(results.path("score").asInt()).as(upload.toString()).isEqualTo(65);
            assertThat(results.path("extra_data").path("gradable").asBoolean()).isTrue();
        }
    }

    @Test
    @DisplayName("nothing uploaded, no evidence, a corrupt zip, a cut-off journal: score 0, results.json says why at the top")
    void notGradableUploadsSayWhy() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Path notes = Files.createDirectories(dir.resolve("notes"));
        Files.writeString(notes.resolve("notes.txt"), "I did the lab");
        Path corrupt = Files.createDirectories(dir.resolve("corrupt"));
        Files.write(corrupt.resolve("evidence.zip"), new byte[]{'P', 'K', 3, 4, 0, 0, 1});
        Path truncated = Trees.copy(TRUNCATED, dir.resolve("truncated"));

        assertThat(run(empty, 3).path("output").asText())
                .startsWith("This submission could not be graded: submission is empty: no evidence.");
        assertThat(run(notes, 3).path("output").asText())
                .startsWith("This submission could not be graded: submission holds no labgrader evidence (no journal.jsonl; found: notes.txt)");
        assertThat(run(corrupt, 3).path("output").asText())
                .startsWith("This submission could not be graded: submission/evidence.zip");
        assertThat(run(truncated, 3).path("output").asText())
                .startsWith("This submission could not be graded: The evidence could not be read: submission/journal.jsonl:17");
        assertThat(run(dir.resolve("missing"), 3).path("output").asText())
                .startsWith("This submission could not be graded: submission is missing: nothing was uploaded.");
    }

    @Test
    @DisplayName("hostile file names in an upload (RTL override, newline, escape, formula prefix) stay neutralised in results.json")
    void hostileNamesAreNeutralised() throws IOException {
        Path upload = Files.createDirectories(dir.resolve("hostile"));
        Files.writeString(upload.resolve("=cmd|'-c calc'!A1\u202Egpj.exe\nline2\u001b[31m"), "x");

        JsonNode results = run(upload, 3);
        String text = results.toString();
        assertThat(text).doesNotContain("\u202E", "\u001b", "\\u202E", "\\u001B");
        assertThat(results.path("output").asText()).startsWith("This submission could not be graded: submission holds no labgrader evidence")
                .contains("=cmd|'-c calc'!A1gpj.exe");
        assertThat(results.path("output_format").asText()).isEqualTo("text");   // never rendered as HTML by Gradescope
    }

    @Test
    @DisplayName("\"labgrader grade BUNDLE\" writes results.json beside the other reports")
    void gradeOfOneBundleWritesResultsJson() {
        Path out = dir.resolve("report");
        int code = Main.execute("grade", PERFECT.toString(), "--rubric", "rubric.yml", "--lang", "en", "--out", out.toString());
        assertThat(code).isZero();
        assertThat(out.resolve("results.json")).exists();
        assertThat(json(out.resolve("results.json")).path("score").asInt()).isEqualTo(json(out.resolve("report.json")).path("score").asInt());
    }

    private JsonNode run(Path upload, int expectedExit) {
        Path out = dir.resolve("out-" + upload.getFileName());
        int code = Main.execute("gradescope", upload.toString(), "--rubric", "rubric.yml", "--lang", "en", "--out", out.toString());
        assertThat(code).as("exit code for " + upload).isEqualTo(expectedExit);
        return json(out.resolve("results.json"));
    }

    static JsonNode json(Path file) {
        try {
            return JsonMapper.builder().build().readTree(file.toFile());
        } catch (IOException e) {
            throw new AssertionError("expected a JSON file at " + file + " but: " + e.getMessage(), e);
        }
    }
}
