package io.labgrader.grading;

/** How a criterion ended. Exactly one per criterion. */
public enum Outcome {
    /** full points */
    PASSED,
    /** zero points; the message says what was expected and what was found */
    FAILED,
    /** a required criterion did not pass, so this one was not attempted */
    BLOCKED,
    /** the environment or the evidence could not be read; the message says what was tried */
    NOT_GRADABLE
}
