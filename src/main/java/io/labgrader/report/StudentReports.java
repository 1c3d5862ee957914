package io.labgrader.report;

import io.labgrader.grading.GradeResult;
import io.labgrader.rubric.LocalizedText.Language;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The reports of one student, in a batch and from check, watch and grade: the file reports ({@link Reports#FORMATS}),
 * plus Gradescope's results.json (the Surefire profile writes only the former). Each file is written to a temporary file next to it and moved into place atomically,
 * like {@link Reports#writeAll}, and through a buffer: a batch writes thousands of them, and the XML writer would
 * otherwise make a system call for every attribute.
 */
public final class StudentReports {

    /** Formats written after {@link Reports#FORMATS}, for the command line's grading runs only. */
    public static final List<ReportFormat> EXTRA_FORMATS = List.of(new GradescopeReport());

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
            written.add(Reports.write(format, result, outDir.resolve(format.fileName()), language));
        }
        return List.copyOf(written);
    }
}
