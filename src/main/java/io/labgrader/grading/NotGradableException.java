package io.labgrader.grading;

import io.labgrader.rubric.LocalizedText;

/** The environment or evidence could not be read, so no verdict is possible. Says what was tried and what to do. */
public class NotGradableException extends RuntimeException {

    private final transient LocalizedText text;

    public NotGradableException(LocalizedText text) {
        super(text.en(), null, false, false); // the stack trace is of no use to a student
        this.text = text;
    }

    public LocalizedText text() {
        return text;
    }
}
