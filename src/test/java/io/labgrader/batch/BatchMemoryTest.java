package io.labgrader.batch;

import com.fasterxml.jackson.databind.JsonNode;
import io.labgrader.testing.Commands;
import io.labgrader.testing.Labgrader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A class of near-limit journals graded in a JVM with a small heap, as a process: the batch holds one such journal's
 * observations at a time, so every student is graded; none is lost to an OutOfMemoryError.
 */
class BatchMemoryTest {

    private static final int STUDENTS = 2;
    private static final int JOURNAL_MIB = 40;
    /** The launcher's collector; two 40 MiB journals parsed at once need about 250 MiB, one at a time 170 MiB. */
    private static final String HEAP = "-Xmx200m -XX:+UseSerialGC";

    @TempDir
    Path tmp;

    /**
     * A student's evidence.zip whose journal is the real sample's lines repeated to {@code mib} MiB, stored
     * uncompressed (repeated lines would pack beyond the bomb ratio; real journals do not repeat).
     */
    private static void nearLimit(Path zipFile, int mib) throws Exception {
        byte[] lines = Files.readAllBytes(BatchKit.PERFECT.resolve("journal.jsonl"));
        byte[] journal = new byte[(int) ((long) mib * Limits.MIB / lines.length * lines.length)];
        for (int at = 0; at < journal.length; at += lines.length) {
            System.arraycopy(lines, 0, journal, at, lines.length);
        }
        Files.createDirectories(zipFile.getParent());
        try (OutputStream os = Files.newOutputStream(zipFile); ZipOutputStream zip = new ZipOutputStream(os)) {
            for (String f : BatchKit.files(BatchKit.PERFECT)) {
                byte[] bytes = f.equals("journal.jsonl") ? journal : Files.readAllBytes(BatchKit.PERFECT.resolve(f));
                ZipEntry entry = new ZipEntry("evidence/" + f);
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(bytes.length);
                entry.setCompressedSize(bytes.length);
                CRC32 crc = new CRC32();
                crc.update(bytes);
                entry.setCrc(crc.getValue());
                zip.putNextEntry(entry);
                zip.write(bytes);
                zip.closeEntry();
            }
        }
    }

    @Test
    @DisplayName("two 40 MiB journals in zips, 2 jobs, a 200 MiB heap: both students graded")
    void nearLimitJournalsInASmallHeap() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("submissions"));
        for (int i = 0; i < STUDENTS; i++) {
            nearLimit(root.resolve("Student " + i + "_" + (300 + i) + "_assignsubmission_file_/evidence.zip"), JOURNAL_MIB);
        }
        Labgrader labgrader = new Labgrader(tmp).env("JAVA_TOOL_OPTIONS", HEAP);

        Commands.Result result = labgrader.run("grade", "submissions", "--out", "grading", "--jobs", "2", "--lang", "en");

        assertThat(result.stderr()).doesNotContain("OutOfMemoryError");
        assertThat(result.exitCode()).as(result.all()).isZero();
        JsonNode summary = BatchKit.json(tmp.resolve("grading/summary.json"));
        assertThat(summary.path("counts").path("graded").asInt()).as(result.all()).isEqualTo(STUDENTS);
    }

    @Test
    @DisplayName("a journal that does not fit the heap at all: its student is listed not gradable with the reason, not lost; the next is graded")
    void tooLittleMemory() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("submissions"));
        nearLimit(root.resolve("Student 0_300_assignsubmission_file_/evidence.zip"), JOURNAL_MIB);
        nearLimit(root.resolve("Student 1_301_assignsubmission_file_/evidence.zip"), 1);
        Labgrader labgrader = new Labgrader(tmp).env("JAVA_TOOL_OPTIONS", "-Xmx110m -XX:+UseSerialGC");

        Commands.Result result = labgrader.run("grade", "submissions", "--out", "grading", "--jobs", "1", "--lang", "en");

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(BatchKit.students(tmp.resolve("grading"))).as(result.all()).hasSize(2);
        assertThat(BatchKit.student(tmp.resolve("grading"), "Student 0").reason())
                .startsWith("labgrader ran out of memory grading this submission");
        assertThat(BatchKit.student(tmp.resolve("grading"), "Student 1").gradable()).isTrue();
    }
}
