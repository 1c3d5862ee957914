package io.labgrader.batch;

import io.labgrader.rubric.LocalizedText;

/**
 * A submission that cannot be graded at all: empty, no evidence in it, a zip bomb, a path leading out of it, a
 * duplicate. The reason is student-facing text in both languages; it becomes the NOT_GRADABLE message of every
 * criterion in the student's reports.
 */
public final class Rejection extends Exception {

    private final transient LocalizedText reason;

    public Rejection(LocalizedText reason) {
        super(reason.en(), null, false, false);
        this.reason = reason;
    }

    public static Rejection of(LocalizedText reason) {
        return new Rejection(reason);
    }

    public LocalizedText reason() {
        return reason;
    }
}
