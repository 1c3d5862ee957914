package io.labgrader.lab;

import io.labgrader.evidence.compare.Comparison;
import io.labgrader.grading.Criterion;
import io.labgrader.grading.CriterionContext;
import io.labgrader.grading.CriterionFailed;
import io.labgrader.grading.GradingSuite;
import io.labgrader.rubric.LocalizedText;

/**
 * The optional section "compare": criteria an instructor may add that read the student's comparison ("Your
 * comparison"). The lab's default rubric has none, so by default the comparison changes no score; the example
 * rubric docs/examples/rubric-compare.yml adds {@code compare.observed}.
 */
@GradingSuite("compare")
@org.junit.jupiter.api.DisplayName("compare") // Surefire takes the XML testcase classname from an explicit class display name only
class CompareGrader {

    /** Both sides of the lesson's comparison were measured: a container's start to its answer, and a VM's start. */
    @Criterion("compare.observed")
    void observed(CriterionContext ctx) {
        Comparison c = Comparison.of(ctx.evidence().observations());
        boolean container = c.containerStartObserved();
        boolean vm = c.vmStartObserved();
        if (container && vm) {
            return;
        }
        throw new CriterionFailed(LabText.text("compare.notObserved", yesNo(container), yesNo(vm)));
    }

    private static LocalizedText yesNo(boolean value) {
        return LabText.text(value ? "compare.yes" : "compare.no");
    }
}
