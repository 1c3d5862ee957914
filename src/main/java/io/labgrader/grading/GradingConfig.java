package io.labgrader.grading;

/**
 * Configuration parameter names. The CLI passes them to the Launcher; under Surefire they come from system
 * properties (the JUnit Platform falls back to those).
 */
public final class GradingConfig {

    public static final String RUBRIC = "labgrader.rubric";
    public static final String EVIDENCE = "labgrader.evidence";
    public static final String LANG = "labgrader.lang";
    public static final String OUT = "labgrader.out";
    /** Package holding the grading suites. */
    public static final String GRADERS_PACKAGE = "io.labgrader.lab";

    private GradingConfig() {
    }
}
