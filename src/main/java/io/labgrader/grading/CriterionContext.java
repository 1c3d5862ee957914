package io.labgrader.grading;

import io.labgrader.evidence.Evidence;
import io.labgrader.rubric.Criterion;

/** What a grading method receives: its criterion, its params and the evidence to judge. */
public record CriterionContext(Criterion criterion, Params params, Evidence evidence) {
}
