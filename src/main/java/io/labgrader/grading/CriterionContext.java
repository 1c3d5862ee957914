package io.labgrader.grading;

import io.labgrader.evidence.Evidence;
import io.labgrader.rubric.Criterion;
import io.labgrader.rubric.LocalizedText.Language;

/**
 * What a grading method receives, all of it from its run's context ({@link GradingSession}): its criterion, its
 * params, the evidence to judge and the language the run reports in.
 */
public record CriterionContext(Criterion criterion, Params params, Evidence evidence, Language language) {
}
