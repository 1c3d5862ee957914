package io.labgrader.grading;

import io.labgrader.rubric.LocalizedText;
import io.labgrader.rubric.Messages;

/** Maps what a grading method threw to an {@link Outcome} and a student-facing message. */
public final class Outcomes {

    private Outcomes() {
    }

    public static Outcome classify(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof CriterionBlocked) {
                return Outcome.BLOCKED;
            }
            if (t instanceof NotGradableException) {
                return Outcome.NOT_GRADABLE;
            }
        }
        // an AssertionError from a grader is a verdict; anything else is a fault in reading or grading
        return thrown instanceof AssertionError ? Outcome.FAILED : Outcome.NOT_GRADABLE;
    }

    public static LocalizedText message(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof CriterionBlocked b) {
                return b.text();
            }
            if (t instanceof NotGradableException n) {
                return n.text();
            }
            if (t instanceof CriterionFailed f) {
                return f.text();
            }
        }
        if (thrown instanceof AssertionError) {
            return LocalizedText.same(String.valueOf(thrown.getMessage()));
        }
        String what = thrown.getClass().getSimpleName() + (thrown.getMessage() == null ? "" : ": " + thrown.getMessage());
        return Messages.CORE.text("grading.crashed", what);
    }
}
