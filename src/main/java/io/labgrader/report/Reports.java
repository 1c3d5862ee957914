package io.labgrader.report;

import io.labgrader.evidence.AtomicFile;
import io.labgrader.grading.GradeResult;
import io.labgrader.rubric.LocalizedText.Language;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes every file report of one result into one folder. */
public final class Reports {

    /** The file reports, in the order they are written. */
    public static final List<ReportFormat> FORMATS =
            List.of(new JsonReport(), new MarkdownReport(), new JUnitXmlReport());

    private Reports() {
    }

    /**
     * Writes report.json, report.md and TEST-labgrader.xml into {@code outDir}, creating it. Each file is written
     * to a temporary file next to it and moved into place atomically, so a reader never sees half a report.
     *
     * @return the written files, in the order of {@link #FORMATS}
     */
    public static List<Path> writeAll(GradeResult result, Path outDir, Language language) throws IOException {
        Files.createDirectories(outDir);
        List<Path> written = new ArrayList<>();
        for (ReportFormat format : FORMATS) {
            written.add(write(format, result, outDir.resolve(format.fileName()), language));
        }
        return List.copyOf(written);
    }

    static Path write(ReportFormat format, GradeResult result, Path target, Language language) throws IOException {
        return AtomicFile.write(target, out -> format.write(result, language, out));
    }
}
