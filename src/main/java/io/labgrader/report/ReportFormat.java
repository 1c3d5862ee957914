package io.labgrader.report;

import io.labgrader.grading.GradeResult;
import io.labgrader.rubric.LocalizedText.Language;

import java.io.IOException;
import java.io.OutputStream;

/** A report written to a file from a {@link GradeResult}. */
public interface ReportFormat {

    /** The file name the report is written to, e.g. {@code report.json}. */
    String fileName();

    /** Writes the report, UTF-8 encoded, to {@code out}; does not close it. */
    void write(GradeResult result, Language language, OutputStream out) throws IOException;
}
