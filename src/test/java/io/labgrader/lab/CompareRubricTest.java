package io.labgrader.lab;

import io.labgrader.evidence.EvidenceBundle;
import io.labgrader.evidence.Observation;
import io.labgrader.evidence.compare.ComparisonJournals;
import io.labgrader.evidence.vm.VmObserved;
import io.labgrader.grading.CriterionResult;
import io.labgrader.grading.GradeResult;
import io.labgrader.grading.Outcome;
import io.labgrader.grading.RubricBinding;
import io.labgrader.grading.SuiteRunner;
import io.labgrader.rubric.LocalizedText.Language;
import io.labgrader.rubric.Rubric;
import io.labgrader.rubric.RubricLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example rubric docs/examples/rubric-compare.yml and its criterion compare.observed; the lab's default rubric
 * has no section "compare", so the comparison changes no score there.
 */
class CompareRubricTest {

    private static final Path EXAMPLE = Path.of("docs/examples/rubric-compare.yml");

    @TempDir
    Path dir;

    @Test
    void theExampleBindsAloneAndCopiedIntoTheLabRubric() throws Exception {
        RubricBinding.check(RubricLoader.load(EXAMPLE));
        String example = Files.readString(EXAMPLE);
        String section = example.substring(example.indexOf("  - id: compare"));
        Path combined = dir.resolve("rubric.yml");
        Files.writeString(combined, Files.readString(Path.of("rubric.yml")).stripTrailing() + "\n\n" + section);
        Rubric rubric = RubricLoader.load(combined);
        RubricBinding.check(rubric);
        assertThat(rubric.criterion("compare.observed")).isPresent();
        assertThat(RubricLoader.load(Path.of("rubric.yml")).criterion("compare.observed"))
                .as("the default rubric scores no comparison").isEmpty();
    }

    @Test
    void bothStartsObservedPasses() throws Exception {
        CriterionResult c = grade(ComparisonJournals.finishedLab("web"));
        assertThat(c.outcome()).as(c.message().en()).isEqualTo(Outcome.PASSED);
        assertThat(c.points()).isEqualTo(5);
    }

    @Test
    void noVmStartFailsSayingWhatWasFound() throws Exception {
        List<Observation> noVm = ComparisonJournals.finishedLab("web").stream().filter(o -> !(o instanceof VmObserved)).toList();
        CriterionResult c = grade(noVm);
        assertThat(c.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(c.message().en()).isEqualTo("Expected a container start observed (from \"start\" to its first answer, seen by "
                + "\"labgrader watch\") and a VM start observed, but found: container start yes, VM start no.");
        assertThat(c.message().de()).endsWith("Gefunden: Container-Start ja, VM-Start nein.");
    }

    private CriterionResult grade(List<Observation> observations) throws Exception {
        Rubric rubric = RubricLoader.load(EXAMPLE);
        Clock clock = Clock.fixed(ComparisonJournals.T.plusSeconds(3600), ZoneOffset.UTC);
        EvidenceBundle bundle = EvidenceBundle.open(dir.resolve("evidence"), "test", rubric.id(), rubric.sha256(), clock);
        observations.forEach(bundle::record);
        bundle.writeManifest();
        try (SuiteRunner runner = new SuiteRunner(rubric, Language.EN)) {
            GradeResult result = runner.grade(dir.resolve("evidence"), clock);
            assertThat(((io.labgrader.evidence.compare.Comparison) result.section("comparison")).isEmpty()).isFalse();
            return result.criteria().get(0);
        }
    }
}
