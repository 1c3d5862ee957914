package io.labgrader.batch;

import java.math.BigDecimal;

/**
 * What the instructor gave for Moodle: the grading worksheet to fill (or null), and the maximum grade gradebook.csv
 * scales to (or null for the rubric's maximum).
 */
public record MoodleOptions(MoodleWorksheet worksheet, BigDecimal maxGrade) {

    public static final MoodleOptions NONE = new MoodleOptions(null, null);
}
