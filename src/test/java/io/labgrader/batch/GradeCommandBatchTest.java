package io.labgrader.batch;

import com.fasterxml.jackson.databind.JsonNode;
import io.labgrader.testing.Commands;
import io.labgrader.testing.Labgrader;
import io.labgrader.testing.Trees;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** `labgrader grade` as an instructor runs it, in its own process: arguments, output, exit codes, Ctrl-C. */
class GradeCommandBatchTest {

    @TempDir
    Path dir;

    private Labgrader labgrader() {
        return new Labgrader(dir);
    }

    /** ada: perfect (Moodle zip), bob: wrong port (folder), carol: no evidence in it. */
    private Path aClass() throws Exception {
        Path root = Files.createDirectories(dir.resolve("submissions"));
        BatchKit.zip(BatchKit.PERFECT, root.resolve("Ada Lovelace_100001_assignsubmission_file_/evidence.zip"), "evidence/");
        Trees.copy(BatchKit.WRONG_PORT, root.resolve("bob"));
        Files.writeString(Files.createDirectories(root.resolve("carol")).resolve("notes.txt"), "I ran out of time\n");
        return root;
    }

    @Test
    @DisplayName("grade <folder of submissions>: one line per student in order, the summary, reports in grading/, exit 0")
    void batch() throws Exception {
        aClass();
        Commands.Result r = labgrader().run("grade", "submissions", "--lang", "en", "--jobs", "2");

        assertThat(r.exitCode()).as(r.all()).isZero();
        List<String> lines = r.stdout().lines().toList();
        assertThat(lines.get(0)).matches("\\[1/3\\] Ada Lovelace \\(100001\\): \\d+ / 100");
        assertThat(lines.get(1)).matches("\\[2/3\\] bob: \\d+ / 100");
        assertThat(lines.get(2)).isEqualTo("[3/3] carol: not gradable");
        assertThat(r.stdout()).contains("Graded 2 of 3 in ", "1 could not be graded:",
                "  ! carol: carol holds no labgrader evidence (no journal.jsonl; found: notes.txt). Run \"labgrader check\" and submit the evidence/ folder.",
                "Flagged: 2 (collusion 2); flags never change a score.",
                "Reports: grading/overview.html, grading/gradebook.csv, grading/students/");
        assertThat(r.stderr()).doesNotContain("Exception", "\tat ");
        assertThat(BatchKit.files(dir.resolve("grading"))).contains("overview.html", "gradebook.csv", "summary.json",
                "students/Ada_Lovelace_100001/results.json", "students/bob/report.md", "students/carol/TEST-labgrader.xml");
    }

    @Test
    @DisplayName("no argument: ./evidence is graded alone as before; without it ./submissions is the batch")
    void defaults() throws Exception {
        aClass();
        Commands.Result batch = labgrader().run("grade", "--lang", "en");
        assertThat(batch.exitCode()).as(batch.all()).isZero();
        assertThat(dir.resolve("grading/overview.html")).exists();

        Trees.copy(BatchKit.WRONG_PORT, dir.resolve("evidence"));
        Commands.Result single = labgrader().run("grade", "--lang", "en");
        assertThat(single.exitCode()).as(single.all()).isZero();
        assertThat(single.stdout()).contains("Docker vs. virtual machine", "Score: ");
        assertThat(BatchKit.files(dir.resolve("report"))).containsExactly("TEST-labgrader.xml", "report.json", "report.md", "results.json");
        JsonNode report = Labgrader.report(dir.resolve("report"));
        assertThat(report.path("score").asInt()).isEqualTo(BatchKit.json(dir.resolve("grading/students/bob/report.json")).path("score").asInt());
    }

    @Test
    @DisplayName("grade <evidence bundle> keeps working as before, --out and all, and writes Gradescope's results.json too")
    void singleBundle() throws Exception {
        Trees.copy(BatchKit.PERFECT, dir.resolve("my-evidence"));
        Commands.Result r = labgrader().run("grade", "my-evidence", "--lang", "en", "--out", "out");
        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(BatchKit.files(dir.resolve("out"))).containsExactly("TEST-labgrader.xml", "report.json", "report.md", "results.json");
        assertThat(dir.resolve("grading")).doesNotExist();
    }

    @Test
    @DisplayName("exit codes: 3 nothing gradable, 1 a student below --fail-under, 2 bad arguments or nothing to grade")
    void exitCodes() throws Exception {
        Path root = aClass();
        assertThat(labgrader().run("grade", "submissions", "--fail-under", "101", "--lang", "en").exitCode()).isEqualTo(1);
        assertThat(labgrader().run("grade", "submissions", "--fail-under", "0", "--lang", "en").exitCode()).isZero();
        assertThat(labgrader().run("grade", "submissions", "--jobs", "0").exitCode()).isEqualTo(2);
        assertThat(labgrader().run("grade", "submissions", "--max-size", "0").exitCode()).isEqualTo(2);
        Commands.Result missing = labgrader().run("grade", "no-such-folder");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.stderr()).contains("labgrader: no-such-folder: no such folder");

        Path broken = Files.createDirectories(dir.resolve("broken"));
        Files.createDirectories(broken.resolve("x"));
        BatchKit.zipEntries(broken.resolve("y.zip"), Map.of("../evil", new byte[1]));
        Commands.Result none = labgrader().run("grade", "broken", "--out", "broken-out", "--lang", "en");
        assertThat(none.exitCode()).as(none.all()).isEqualTo(3);
        assertThat(none.stdout()).contains("Graded 0 of 2");

        Files.walk(root).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        Commands.Result nothing = labgrader().run("grade");
        assertThat(nothing.exitCode()).isEqualTo(2);
        assertThat(nothing.stderr()).contains("nothing to grade here: no evidence/ folder and no submissions/ folder");
    }

    @Test
    @DisplayName("Moodle's download-all zip as the argument, German summary")
    void classZipInGerman() throws Exception {
        Path folder = aClass();
        BatchKit.zip(folder, dir.resolve("download.zip"), "");
        Commands.Result r = labgrader().run("grade", "download.zip", "--lang", "de", "--out", "noten");
        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.stdout()).contains("2 von 3 bewertet in ", "1 nicht bewertbar:", "Markiert: 2 (gleiche Umgebung 2)");
        assertThat(BatchKit.read(dir.resolve("noten/overview.html"))).contains("<html lang=\"de\">", "Bestanden je Kriterium");
    }

    @Test
    @DisplayName("on a terminal a progress bar instead of lines; the summary follows")
    void progressBarOnATerminal() throws Exception {
        aClass();
        String command = String.join(" ", new Labgrader(dir).command("grade", "submissions", "--lang", "en", "--no-color")
                .stream().map(a -> "'" + a.replace("'", "'\\''") + "'").toList());
        Commands.Result r = Commands.run(dir, Map.of("TERM", "xterm", "COLUMNS", "100"), Duration.ofMinutes(2),
                List.of("script", "-qec", command, "/dev/null"));
        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.stdout()).contains("Grading").contains("Graded 2 of 3").doesNotContain("[1/3]");
    }

    @Test
    @DisplayName("Ctrl-C (SIGINT): students being graded finish, their reports are complete, no work files, exit 130")
    void interrupted() throws Exception {
        Path root = Files.createDirectories(dir.resolve("submissions"));
        for (int i = 0; i < 600; i++) {
            BatchKit.zip(i % 2 == 0 ? BatchKit.PERFECT : BatchKit.WRONG_PORT, root.resolve(String.format("s%04d.zip", i)), "evidence/");
        }
        Process p = labgrader().start("grade", "submissions", "--lang", "en", "--jobs", "2");
        Path students = dir.resolve("grading/students");
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!(Files.isDirectory(students) && Files.list(students).count() >= 20) && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertThat(p.isAlive()).as("still grading when interrupted").isTrue();
        Commands.run(null, Map.of(), Duration.ofSeconds(10), List.of("kill", "-INT", Long.toString(p.pid())));
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

        String err = Files.readString(dir.resolve("watch.err"));
        assertThat(p.exitValue()).as(err).isEqualTo(130);
        assertThat(err).containsPattern("labgrader: interrupted\\. \\d+ of 600 graded; their reports in grading/students are complete\\.");
        List<String> files = BatchKit.files(dir.resolve("grading"));
        assertThat(files).noneMatch(f -> f.endsWith(".tmp") || f.contains(".work-")).doesNotContain("overview.html");
        assertThat(files.size()).isLessThan(600 * 4).isGreaterThanOrEqualTo(20 * 4);
        for (String f : files) {
            if (f.endsWith("report.json")) {
                assertThat(BatchKit.json(dir.resolve("grading").resolve(f)).path("criteria")).as(f).hasSize(12);
            }
        }
        long folders = Files.list(students).count();
        assertThat(files).hasSize((int) folders * 4);   // every student folder is complete
    }

    @Test
    @DisplayName("grade --shard i/n in parallel jobs, then merge: the files of one run, timestamps apart; shard errors exit 2")
    void shardsAndMerge() throws Exception {
        aClass();
        Labgrader lg = labgrader();
        assertThat(lg.run("grade", "submissions", "--out", "whole", "--lang", "en").exitCode()).isZero();
        Commands.Result one = lg.run("grade", "submissions", "--shard", "1/2", "--out", "s1", "--lang", "en");
        assertThat(one.exitCode()).as(one.all()).isZero();
        assertThat(one.stdout()).contains("Shard 1/2: Graded 1 of 2", "\"labgrader merge\" writes the class reports from all shards.");
        assertThat(lg.run("grade", "submissions", "--shard", "2/2", "--out", "s2", "--lang", "en").exitCode()).isZero();
        assertThat(lg.run("grade", "submissions", "--shard", "3/2").exitCode()).isEqualTo(2);

        Commands.Result missing = lg.run("merge", "s1", "--out", "merged");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.stderr()).contains("labgrader: shard 2/2 missing: every shard's output is needed");
        Commands.Result merged = lg.run("merge", "s2", "s1", "--out", "merged");
        assertThat(merged.exitCode()).as(merged.all()).isZero();
        assertThat(merged.stdout()).contains("Graded 2 of 3");

        List<String> files = BatchKit.files(dir.resolve("whole"));
        assertThat(BatchKit.files(dir.resolve("merged"))).isEqualTo(files);
        java.util.regex.Pattern time = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
        for (String f : files) {
            assertThat(time.matcher(BatchKit.read(dir.resolve("merged").resolve(f))).replaceAll("T"))
                    .as(f).isEqualTo(time.matcher(BatchKit.read(dir.resolve("whole").resolve(f))).replaceAll("T"));
        }
    }
}
