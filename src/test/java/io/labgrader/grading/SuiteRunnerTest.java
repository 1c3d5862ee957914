package io.labgrader.grading;

import io.labgrader.rubric.LocalizedText.Language;
import io.labgrader.rubric.Rubric;
import io.labgrader.rubric.RubricLoader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Grading runs handed their evidence (batch grading, the CLI), on real bundles recorded by labgrader check. */
class SuiteRunnerTest {

    private static final Path PERFECT = Path.of("src/test/resources/batch/bundles/perfect");
    private static final Path WRONG_PORT = Path.of("src/test/resources/batch/bundles/wrong-port");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    private static LoadedEvidence inMemory(String location, Path bundle) throws Exception {
        return LoadedEvidence.of(location, Files.readAllBytes(bundle.resolve("manifest.json")),
                Files.readAllBytes(bundle.resolve("journal.jsonl")));
    }

    @Test
    @DisplayName("a run judges the evidence it is handed, read from memory, exactly as the same bundle read from its folder")
    void handedEvidenceGradesLikeTheFolder() throws Exception {
        Rubric rubric = RubricLoader.load(Path.of("rubric.yml"));
        for (Path bundle : new Path[]{PERFECT, WRONG_PORT}) {
            GradeResult fromFolder = Grading.grade(rubric, bundle, Language.EN, CLOCK);
            try (SuiteRunner runner = new SuiteRunner(rubric, Language.EN)) {
                // no folder of that name exists: a run that read the disk instead would find no evidence
                GradeResult handed = runner.grade(inMemory("alice.zip!/evidence", bundle), CLOCK);

                assertThat(handed.evidence()).isEqualTo("alice.zip!/evidence");
                assertThat(handed.criteria()).extracting(CriterionResult::id, CriterionResult::outcome, CriterionResult::points,
                        CriterionResult::message).isEqualTo(fromFolder.criteria().stream()
                        .map(c -> tuple(c.id(), c.outcome(), c.points(), c.message())).toList());
                assertThat(handed.section("vms")).isEqualTo(fromFolder.section("vms"));
            }
        }
        assertThat(Grading.grade(rubric, WRONG_PORT, Language.EN, CLOCK).criteria())
                .extracting(CriterionResult::outcome).contains(Outcome.PASSED, Outcome.FAILED);
    }

    @Test
    @DisplayName("a corrupt journal handed over: every criterion NOT_GRADABLE, naming the place inside the zip and the line")
    void corruptHandedEvidence() throws Exception {
        Rubric rubric = RubricLoader.load(Path.of("rubric.yml"));
        byte[] journal = (Files.readString(PERFECT.resolve("journal.jsonl")).lines().findFirst().orElseThrow() + "\n{\"type\":\"docker.eng")
                .getBytes(StandardCharsets.UTF_8);
        try (SuiteRunner runner = new SuiteRunner(rubric, Language.EN)) {
            GradeResult r = runner.grade(LoadedEvidence.of("bob.zip!/evidence", null, journal), CLOCK);

            assertThat(r.criteria()).extracting(CriterionResult::outcome).containsOnly(Outcome.NOT_GRADABLE);
            assertThat(r.criteria().get(0).message().en()).startsWith(
                    "The evidence could not be read: bob.zip!/evidence/journal.jsonl:2: not a valid observation: ");
            assertThat((java.util.List<?>) r.section("vms")).isEmpty();
        }
    }

    @Test
    @DisplayName("the rubric is pinned while a runner lives: an edit to rubric.yml during a batch changes no student's result")
    void rubricPinnedForTheRunnersLife() throws Exception {
        Path file = Files.copy(Path.of("rubric.yml"), tmp.resolve("rubric.yml"));
        Rubric rubric = RubricLoader.load(file);
        try (SuiteRunner runner = new SuiteRunner(rubric, Language.EN)) {
            GradeResult before = runner.grade(inMemory("a", PERFECT), CLOCK);
            Files.writeString(file, Files.readString(file).replace("en: Docker Engine reachable", "en: Engine edited meanwhile")
                    .replace("points: 5\n", "points: 6\n"));

            GradeResult after = runner.grade(inMemory("b", PERFECT), CLOCK);

            assertThat(after.criteria().get(0).title().en()).isEqualTo("Docker Engine reachable");
            assertThat(after.maxScore()).isEqualTo(before.maxScore());
            assertThat(after.rubricSha256()).isEqualTo(rubric.sha256());
        }
        Rubric edited = RubricLoader.load(file);
        assertThat(Grading.grade(edited, PERFECT, Language.EN, CLOCK).criteria().get(0).title().en())
                .isEqualTo("Engine edited meanwhile");
    }
}
