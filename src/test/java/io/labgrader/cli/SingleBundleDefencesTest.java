package io.labgrader.cli;

import io.labgrader.testing.Commands;
import io.labgrader.testing.Labgrader;
import io.labgrader.testing.Trees;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code labgrader grade DIR} on one submitted evidence folder, as an instructor runs it on a student's upload:
 * the files a bundle may not be (a named pipe, a link to a device, a link out of the folder) are refused with a
 * message, within seconds, with exit code 3 (nothing could be graded), never a hang or a stack trace.
 */
class SingleBundleDefencesTest {

    @TempDir
    Path tmp;

    private Path bundle() throws Exception {
        Path evidence = tmp.resolve("evidence");
        Trees.copy(Path.of("src/test/resources/batch/bundles/perfect").toAbsolutePath(), evidence);
        return evidence;
    }

    private Commands.Result grade(Path evidence) {
        return new Labgrader(tmp, "docker").run("grade", evidence.toString(), "--out", tmp.resolve("report").toString(), "--lang", "en");
    }

    private static void assertRefused(Commands.Result r, String why) {
        assertThat(r.exitCode()).as(r.all()).isEqualTo(ExitCodes.NOTHING_GRADABLE);
        assertThat(r.all()).contains("journal.jsonl").contains(why)
                .doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("OutOfMemoryError");
    }

    @Test
    @DisplayName("the perfect sample graded as one bundle passes the Docker section (the other tests change only one file of it)")
    void perfect() throws Exception {
        Commands.Result r = grade(bundle());
        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(Labgrader.outcomes(Labgrader.report(tmp.resolve("report")))).allSatisfy((id, o) -> assertThat(o).as(id).isEqualTo("PASSED"));
    }

    @Test
    @DisplayName("a named pipe called journal.jsonl is refused at once instead of blocking forever")
    void fifo() throws Exception {
        Path evidence = bundle();
        Files.delete(evidence.resolve("journal.jsonl"));
        Commands.Result made = Commands.run(tmp, java.util.Map.of(), java.time.Duration.ofSeconds(10),
                java.util.List.of("mkfifo", evidence.resolve("journal.jsonl").toString()));
        assertThat(made.exitCode()).as(made.all()).isZero();
        assertRefused(grade(evidence), "not a plain file but a named pipe, device or socket");
    }

    @Test
    @DisplayName("a journal linked to /dev/zero is refused, not read until the memory runs out")
    void devZero() throws Exception {
        Path evidence = bundle();
        Files.delete(evidence.resolve("journal.jsonl"));
        Files.createSymbolicLink(evidence.resolve("journal.jsonl"), Path.of("/dev/zero"));
        assertRefused(grade(evidence), "a link out of the evidence folder");
    }

    @Test
    @DisplayName("a journal linked to a file outside the folder is not graded, even a perfect one")
    void linkOut() throws Exception {
        Path evidence = bundle();
        Path outside = tmp.resolve("someone-elses-journal.jsonl");
        Files.move(evidence.resolve("journal.jsonl"), outside);
        Files.createSymbolicLink(evidence.resolve("journal.jsonl"), outside);
        assertRefused(grade(evidence), "a link out of the evidence folder");
    }

    @Test
    @DisplayName("a link inside the folder is followed: the bundle is still the student's own")
    void linkInside() throws Exception {
        Path evidence = bundle();
        Files.move(evidence.resolve("journal.jsonl"), evidence.resolve("raw/journal-copy.jsonl"));
        Files.createSymbolicLink(evidence.resolve("journal.jsonl"), Path.of("raw/journal-copy.jsonl"));
        Commands.Result r = grade(evidence);
        assertThat(r.exitCode()).as(r.all()).isZero();
    }
}
