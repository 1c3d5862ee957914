package io.labgrader.report;

import io.labgrader.grading.GradeResult;
import io.labgrader.rubric.LocalizedText.Language;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The reports of one student in a batch: the file reports every grading run writes ({@link Reports#FORMATS}), plus
 * Gradescope's results.json. Each file is written to a temporary file next to it and moved into place atomically,
 * like {@link Reports#writeAll}, and through a buffer: a batch writes thousands of them, and the XML writer would
 * otherwise make a system call for every attribute.
 */
public final class StudentReports {

    /** Formats written only for batch grading, after {@link Reports#FORMATS}. */
    public static final List<ReportFormat> EXTRA_FORMATS = List.of(new GradescopeReport());

    private static final int BUFFER = 32 * 1024;
    private static final long PID = ProcessHandle.current().pid();

    private StudentReports() {
    }

    /** Every format a student's folder holds, in the order they are written. */
    public static List<ReportFormat> formats() {
        List<ReportFormat> all = new ArrayList<>(Reports.FORMATS);
        all.addAll(EXTRA_FORMATS);
        return List.copyOf(all);
    }

    /** Every file name a student's folder holds, in the order they are written. */
    public static List<String> fileNames() {
        return formats().stream().map(ReportFormat::fileName).toList();
    }

    /** Writes report.json, report.md, TEST-labgrader.xml and results.json into {@code outDir}, creating it. */
    public static List<Path> writeAll(GradeResult result, Path outDir, Language language) throws IOException {
        Files.createDirectories(outDir);
        List<Path> written = new ArrayList<>();
        for (ReportFormat format : formats()) {
            written.add(write(format, result, outDir.resolve(format.fileName()), language));
        }
        return List.copyOf(written);
    }

    static Path write(ReportFormat format, GradeResult result, Path target, Language language) throws IOException {
        // a temporary name of this process's and thread's own (a student's folder is written by one thread), and unlike
        // Files.createTempFile no random number and no owner-only permissions (instructors share these reports)
        Path temp = target.resolveSibling("." + target.getFileName() + "." + PID + "-" + Thread.currentThread().getId() + ".tmp");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), BUFFER)) {
                format.write(result, language, out);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }
}
