package io.labgrader.grading;

import io.labgrader.rubric.LocalizedText;

/**
 * A criterion is not met. An {@link AssertionError}, so JUnit, Surefire and IDEs show it as a test failure;
 * it carries the student-facing message in both languages.
 */
public class CriterionFailed extends AssertionError {

    private final transient LocalizedText text;

    public CriterionFailed(LocalizedText text) {
        super(text.en());
        this.text = text;
    }

    public LocalizedText text() {
        return text;
    }
}
