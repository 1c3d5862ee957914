package io.labgrader.grading;

import io.labgrader.evidence.compare.Comparison;
import io.labgrader.evidence.vm.VmSummary;
import io.labgrader.rubric.LocalizedText;

import java.time.Instant;
import java.util.List;

/**
 * The result of grading one evidence bundle against one rubric: the model every report is written from.
 *
 * @param vms        every VM the evidence shows, for the lab's "examine resources and network" (not scored)
 * @param comparison the student's own container beside their VM, as observed (not scored)
 */
public record GradeResult(String rubricId, LocalizedText rubricTitle, String rubricSha256, String evidence,
                          Instant gradedAt, List<CriterionResult> criteria, List<VmSummary> vms, Comparison comparison) {

    public GradeResult {
        criteria = List.copyOf(criteria);
        vms = vms == null ? List.of() : List.copyOf(vms);
        comparison = comparison == null ? Comparison.EMPTY : comparison;
    }

    public GradeResult(String rubricId, LocalizedText rubricTitle, String rubricSha256, String evidence,
                       Instant gradedAt, List<CriterionResult> criteria, List<VmSummary> vms) {
        this(rubricId, rubricTitle, rubricSha256, evidence, gradedAt, criteria, vms, Comparison.EMPTY);
    }

    public GradeResult(String rubricId, LocalizedText rubricTitle, String rubricSha256, String evidence,
                       Instant gradedAt, List<CriterionResult> criteria) {
        this(rubricId, rubricTitle, rubricSha256, evidence, gradedAt, criteria, List.of());
    }

    public int score() {
        return criteria.stream().mapToInt(CriterionResult::points).sum();
    }

    public int maxScore() {
        return criteria.stream().mapToInt(CriterionResult::maxPoints).sum();
    }

    public long count(Outcome outcome) {
        return criteria.stream().filter(c -> c.outcome() == outcome).count();
    }

    /** Nothing at all could be graded: every criterion is NOT_GRADABLE (or there are none). */
    public boolean nothingGradable() {
        return criteria.stream().allMatch(c -> c.outcome() == Outcome.NOT_GRADABLE);
    }
}
