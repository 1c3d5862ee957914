package io.labgrader.grading;

import io.labgrader.rubric.LocalizedText.Language;
import io.labgrader.rubric.Rubric;
import io.labgrader.rubric.RubricLoader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two gradings in one JVM at the same time, one in German and one in English, each by its own version of the rubric
 * (other points, another title, another port param), on real bundles recorded by labgrader check: each gets exactly
 * what it gets alone. Nothing of one run may reach the other through process-wide state.
 */
class ConcurrentGradingTest {

    private static final Path WRONG_PORT = Path.of("src/test/resources/batch/bundles/wrong-port");
    private static final Path PERFECT = Path.of("src/test/resources/batch/bundles/perfect");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);
    private static final int ROUNDS = 6;

    @TempDir
    Path tmp;

    /** One side of the race: a rubric, a language, a bundle. */
    private record Side(Rubric rubric, Language language, Path bundle) {
    }

    @Test
    @DisplayName("a German and an English grading overlapping in one JVM, by two versions of one rubric file, each get what they get alone")
    void twoLanguagesTwoRubricsAtOnce() throws Exception {
        // the same file, edited between the two loads: what an instructor does while a batch is running
        Path file = Files.copy(Path.of("rubric.yml"), tmp.resolve("rubric.yml"));
        Side english = new Side(RubricLoader.load(file), Language.EN, WRONG_PORT);
        Files.writeString(file, Files.readString(file)
                .replace("hostPort: 8080", "hostPort: 8081")
                .replace("      - id: docker.nginx-port\n        points: 10", "      - id: docker.nginx-port\n        points: 12")
                .replace("de: Port 8080 veröffentlicht", "de: Port 8081 veröffentlicht"));
        Side german = new Side(RubricLoader.load(file), Language.DE, WRONG_PORT);
        Side germanPerfect = new Side(german.rubric(), Language.DE, PERFECT);

        List<String> englishAlone = alone(english);
        List<String> germanAlone = alone(german);
        List<String> germanPerfectAlone = alone(germanPerfect);
        // the two versions really judge differently, or this test would prove nothing
        assertThat(germanAlone).isNotEqualTo(englishAlone);
        assertThat(germanAlone).anyMatch(line -> line.startsWith("docker.nginx-port · Port 8081 veröffentlicht [12 P.] PASSED 12/12"));
        assertThat(englishAlone).anyMatch(line -> line.startsWith("docker.nginx-port · Port 8080 published [10 pts] FAILED 0/10"));

        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<List<List<String>>> en = pool.submit(() -> together(english, english, start));
            Future<List<List<String>>> de = pool.submit(() -> together(german, germanPerfect, start));
            List<List<String>> enRounds = en.get(5, TimeUnit.MINUTES);
            List<List<String>> deRounds = de.get(5, TimeUnit.MINUTES);
            for (int i = 0; i < ROUNDS; i++) {
                assertThat(enRounds.get(i)).as("the English run, round %d, beside a German one", i).isEqualTo(englishAlone);
                assertThat(deRounds.get(i)).as("the German run, round %d, beside an English one", i)
                        .isEqualTo(i % 2 == 0 ? germanAlone : germanPerfectAlone);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The side graded by a runner of its own, with nobody else in the JVM grading. */
    private static List<String> alone(Side side) {
        try (SuiteRunner runner = new SuiteRunner(side.rubric(), side.language())) {
            return lines(runner.grade(side.bundle(), CLOCK), side.language());
        }
    }

    /**
     * Opens a runner, waits for the other thread to have opened its own, then grades ROUNDS times (alternating two
     * bundles of one rubric and language), so the two runs overlap in time.
     */
    private static List<List<String>> together(Side even, Side odd, CyclicBarrier start) throws Exception {
        List<List<String>> rounds = new ArrayList<>();
        try (SuiteRunner runner = new SuiteRunner(even.rubric(), even.language())) {
            start.await(1, TimeUnit.MINUTES);
            for (int i = 0; i < ROUNDS; i++) {
                Side side = i % 2 == 0 ? even : odd;
                rounds.add(lines(runner.grade(side.bundle(), CLOCK), side.language()));
            }
        }
        return rounds;
    }

    /**
     * Everything a report shows of a criterion, one line each: the display name in the run's language as reports
     * and Surefire's XML spell it, the outcome, the points, the message and the hint in that language; and the
     * rubric's version and the score.
     */
    private static List<String> lines(GradeResult result, Language language) {
        List<String> lines = new ArrayList<>();
        lines.add("rubric " + result.rubricSha256() + " score " + result.score() + "/" + result.maxScore());
        for (CriterionResult c : result.criteria()) {
            lines.add(RubricDisplayNames.format(c.id(), c.title().in(language), c.maxPoints(), language)
                    + " " + c.outcome() + " " + c.points() + "/" + c.maxPoints()
                    + " | " + c.message().in(language) + " | " + c.hint().in(language) + " | section " + c.section());
        }
        return lines;
    }
}
