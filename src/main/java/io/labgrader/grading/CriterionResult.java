package io.labgrader.grading;

import io.labgrader.rubric.LocalizedText;

/**
 * The verdict on one criterion, with both languages kept so any report can be rendered in either.
 *
 * @param message what was expected and what was found (empty when passed)
 * @param hint    the rubric's hint, shown under a failure
 */
public record CriterionResult(String id, String section, LocalizedText title, Outcome outcome, int points,
                              int maxPoints, LocalizedText message, LocalizedText hint, double seconds) {
}
