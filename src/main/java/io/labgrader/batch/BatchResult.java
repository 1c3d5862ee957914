package io.labgrader.batch;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a batch, in numbers: the students themselves are in their reports and in summary.json, never all in
 * memory at once.
 *
 * @param gradedAt     the one timestamp of the run; every report of the batch carries it
 * @param total        how many students were found (in this shard, for a shard)
 * @param done         how many of them were graded or found not gradable (fewer than total when interrupted)
 * @param graded       how many could be graded
 * @param notGradable  how many could not be graded
 * @param flagged      how many have at least one flag
 * @param flags        students per kind of flag
 * @param mean         mean score of the graded students
 * @param maxScore     the rubric's maximum
 * @param scores       how many graded students have each score, 0 to maxScore
 * @param problems     the first students that could not be graded, with the reason
 * @param ignored      entries of the submissions folder that are no submission, with the reason
 * @param interrupted  the run was stopped (Ctrl-C) before every student was graded; class reports were not written
 * @param classReports the class reports written (gradebook, overview, summary; for a shard its shard file)
 * @param elapsed      wall time of the run
 * @param moodle       what Moodle receives (the worksheet or gradebook.csv), or null when no class report was written
 */
public record BatchResult(Instant gradedAt, int total, int done, int graded, int notGradable, int flagged,
                          Map<Flag.Kind, Integer> flags, BigDecimal mean, int maxScore, int[] scores,
                          List<Problem> problems, List<String> ignored, boolean interrupted, List<Path> classReports,
                          Duration elapsed, MoodleSummary moodle) {

    public BatchResult {
        flags = Map.copyOf(flags);
        scores = scores.clone();
        problems = List.copyOf(problems);
        ignored = List.copyOf(ignored);
        classReports = List.copyOf(classReports);
    }

    /** A student who could not be graded: "Ada Lovelace (123456)" and why. */
    public record Problem(String student, String reason) {
    }

    static BatchResult of(ClassStats stats, Instant gradedAt, int total, List<String> ignored, boolean interrupted,
                          List<Path> classReports, Duration elapsed, MoodleSummary moodle) {
        return new BatchResult(gradedAt, total, stats.students, stats.graded, stats.notGradable, stats.flagged, stats.flags,
                stats.mean(), stats.maxScore, stats.scores, stats.problems, ignored, interrupted, classReports, elapsed, moodle);
    }

    /** How many graded students scored below {@code points}. */
    public int below(int points) {
        int n = 0;
        for (int score = 0; score < scores.length && score < points; score++) {
            n += scores[score];
        }
        return n;
    }
}
