package io.labgrader.batch;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a batch gave Moodle, for the console: with a worksheet, how many of its rows were filled and which submissions
 * matched no row or more than one; without, how many gradebook rows Moodle can match and which it cannot.
 *
 * @param worksheet     the filled worksheet's file name, or null without a worksheet
 * @param language      the worksheet's language ("en", "de"), or null
 * @param rows          the worksheet's student rows
 * @param filled        rows filled with a grade
 * @param importable    gradebook.csv rows Moodle can match (a participant id)
 * @param maxGrade      the maximum grade of gradebook.csv
 * @param importFile    gradebook-import.csv when written (e-mail addresses known from the worksheet), or null
 * @param problems      submissions Moodle will not receive a grade for, with the reason
 * @param replaced      filled rows that already had another grade in Moodle: the student and "old → new"
 */
public record MoodleSummary(String worksheet, String language, int rows, int filled, int importable, BigDecimal maxGrade,
                            String importFile, List<BatchResult.Problem> problems, List<BatchResult.Problem> replaced) {

    public MoodleSummary {
        problems = List.copyOf(problems);
        replaced = List.copyOf(replaced);
    }

    public boolean hasWorksheet() {
        return worksheet != null;
    }
}
