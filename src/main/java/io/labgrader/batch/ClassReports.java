package io.labgrader.batch;

import io.labgrader.rubric.LocalizedText.Language;
import io.labgrader.rubric.Rubric;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The class reports of a batch, each written atomically: gradebook.csv, overview.html, summary.json, and with a Moodle
 * worksheet the filled worksheet and gradebook-import.csv. They read the students from the spool, once for the numbers,
 * once to match them to the worksheet and once more for each report, never all of them at once.
 */
public final class ClassReports {

    public static final List<String> FILE_NAMES = List.of(GradebookCsv.FILE_NAME, OverviewHtml.FILE_NAME, SummaryJson.FILE_NAME);

    private ClassReports() {
    }

    record Written(List<Path> files, ClassStats stats, MoodleSummary moodle) {
    }

    static Written writeAll(Rubric rubric, Spool.Source students, Path out, Language language, Instant gradedAt,
                            List<String> ignored, MoodleOptions moodleOptions) throws IOException {
        ClassStats stats = ClassStats.of(rubric, students);
        MoodleGrades moodle = MoodleGrades.prepare(moodleOptions, rubric.maxScore(), students, language);
        List<Path> files = new java.util.ArrayList<>();
        files.add(AtomicFiles.write(out.resolve(GradebookCsv.FILE_NAME), o -> GradebookCsv.write(students, gradedAt, moodle, o)));
        files.add(AtomicFiles.write(out.resolve(OverviewHtml.FILE_NAME),
                o -> new OverviewHtml(rubric, language).write(students, stats, gradedAt, ignored, moodle, o)));
        files.add(AtomicFiles.write(out.resolve(SummaryJson.FILE_NAME),
                o -> SummaryJson.write(rubric, students, stats, gradedAt, language, ignored, moodle, o)));
        files.addAll(moodle.write(out, students, gradedAt));
        return new Written(List.copyOf(files), stats, moodle.summary());
    }
}
