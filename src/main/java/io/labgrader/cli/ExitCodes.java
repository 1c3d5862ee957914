package io.labgrader.cli;

/** The exit codes, as documented in the README. */
final class ExitCodes {
    /** graded, whatever the score */
    static final int GRADED = 0;
    /** --fail-under was given and the score is below it */
    static final int BELOW_THRESHOLD = 1;
    /** a bad rubric or bad arguments */
    static final int BAD_INPUT = 2;
    /** nothing could be graded */
    static final int NOTHING_GRADABLE = 3;

    private ExitCodes() {
    }
}
