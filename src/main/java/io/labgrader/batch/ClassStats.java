package io.labgrader.batch;

import io.labgrader.grading.Outcome;
import io.labgrader.report.ReportText;
import io.labgrader.rubric.Criterion;
import io.labgrader.rubric.Rubric;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The class's numbers, counted in one pass over the students, so that overview, summary.json and the console agree:
 * the score histogram, each criterion's outcomes and pass rate, mean and median (from counts per score, not from a
 * list of students), the flags. Only students who could be graded count for scores and pass rates.
 */
final class ClassStats {

    /** Ten bins of ten percentage points; a full score falls into the last. */
    static final int BINS = 10;
    /** Students who could not be graded, with the reason, that the console lists. */
    static final int SHOWN_PROBLEMS = 20;

    record Bin(int fromPercent, int toPercent, int students) {
        String label() {
            return fromPercent + "–" + toPercent + " %";
        }
    }

    record CriterionStats(Criterion criterion, Map<Outcome, Integer> counts, int graded) {
        int passed() {
            return counts.getOrDefault(Outcome.PASSED, 0);
        }

        /** Passed as a percentage of the students graded, one decimal. */
        BigDecimal passRate() {
            return ReportText.percent(passed(), graded);
        }
    }

    final int students;
    final int graded;
    final int notGradable;
    final int flagged;
    final Map<Flag.Kind, Integer> flags;
    final List<Bin> histogram;
    final List<CriterionStats> criteria;
    final int maxScore;
    /** How many graded students have each score, 0 to maxScore. */
    final int[] scores;
    final List<BatchResult.Problem> problems;

    private ClassStats(int students, int graded, int notGradable, int flagged, Map<Flag.Kind, Integer> flags,
                       List<Bin> histogram, List<CriterionStats> criteria, int maxScore, int[] scores,
                       List<BatchResult.Problem> problems) {
        this.students = students;
        this.graded = graded;
        this.notGradable = notGradable;
        this.flagged = flagged;
        this.flags = flags;
        this.histogram = histogram;
        this.criteria = criteria;
        this.maxScore = maxScore;
        this.scores = scores;
        this.problems = problems;
    }

    static ClassStats of(Rubric rubric, Spool.Source source) throws IOException {
        List<Criterion> all = rubric.criteria();
        int max = rubric.maxScore();
        int[] scores = new int[Math.max(0, max) + 1];
        int[] bins = new int[BINS];
        List<Map<Outcome, Integer>> outcomes = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Map<Outcome, Integer> byOutcome = new EnumMap<>(Outcome.class);
            for (Outcome o : Outcome.values()) {
                byOutcome.put(o, 0);
            }
            outcomes.add(byOutcome);
        }
        Map<Flag.Kind, Integer> flags = new EnumMap<>(Flag.Kind.class);
        List<BatchResult.Problem> problems = new ArrayList<>();
        int[] counts = new int[4];   // students, graded, not gradable, flagged
        source.forEach(s -> {
            counts[0]++;
            if (!s.flags().isEmpty()) {
                counts[3]++;
                s.flags().stream().map(Flag::kind).distinct().forEach(k -> flags.merge(k, 1, Integer::sum));
            }
            if (!s.gradable()) {
                counts[2]++;
                if (problems.size() < SHOWN_PROBLEMS) {
                    problems.add(new BatchResult.Problem(s.submission().label(), s.reason()));
                }
                return;
            }
            counts[1]++;
            scores[Math.max(0, Math.min(max, s.score()))]++;
            bins[bin(s.score(), s.maxScore())]++;
            for (int i = 0; i < all.size() && i < s.outcomes().size(); i++) {
                outcomes.get(i).merge(s.outcomes().get(i), 1, Integer::sum);
            }
        });
        List<Bin> histogram = new ArrayList<>();
        for (int i = 0; i < BINS; i++) {
            histogram.add(new Bin(i * 10, i == BINS - 1 ? 100 : i * 10 + 9, bins[i]));
        }
        List<CriterionStats> criteria = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            criteria.add(new CriterionStats(all.get(i), outcomes.get(i), counts[1]));
        }
        return new ClassStats(counts[0], counts[1], counts[2], counts[3], flags, List.copyOf(histogram),
                List.copyOf(criteria), max, scores, List.copyOf(problems));
    }

    /** The bin of a score: floor(10 · score / max), a full score in the last bin. */
    static int bin(int score, int max) {
        if (max <= 0) {
            return 0;
        }
        return Math.max(0, Math.min(BINS - 1, (int) ((long) score * BINS / max)));
    }

    /** Mean score of the graded students, one decimal; 0 when none. */
    BigDecimal mean() {
        if (graded == 0) {
            return BigDecimal.ZERO;
        }
        long sum = 0;
        for (int score = 0; score < scores.length; score++) {
            sum += (long) score * scores[score];
        }
        return strip(BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(graded), 1, RoundingMode.HALF_UP));
    }

    /** Median score of the graded students (the mean of the middle two for an even count); 0 when none. */
    BigDecimal median() {
        if (graded == 0) {
            return BigDecimal.ZERO;
        }
        int lower = nth((graded - 1) / 2);
        int upper = nth(graded / 2);
        return strip(BigDecimal.valueOf((long) lower + upper).divide(BigDecimal.valueOf(2), 1, RoundingMode.HALF_UP));
    }

    /** The score of the n-th graded student in ascending order, from 0. */
    private int nth(int n) {
        int seen = 0;
        for (int score = 0; score < scores.length; score++) {
            seen += scores[score];
            if (seen > n) {
                return score;
            }
        }
        return scores.length - 1;
    }

    private static BigDecimal strip(BigDecimal value) {
        BigDecimal s = value.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0, RoundingMode.UNNECESSARY) : s;
    }
}
