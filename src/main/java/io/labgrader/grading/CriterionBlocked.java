package io.labgrader.grading;

import io.labgrader.rubric.LocalizedText;
import org.opentest4j.TestAbortedException;

/** A required criterion did not pass; JUnit reports this criterion as aborted (skipped in Surefire's XML). */
public class CriterionBlocked extends TestAbortedException {

    private final transient LocalizedText text;

    public CriterionBlocked(LocalizedText text) {
        super(text.en());
        this.text = text;
    }

    public LocalizedText text() {
        return text;
    }
}
