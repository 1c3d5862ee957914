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
    /**
     * Package of the first lab's grading suites: scanned only for a rubric of a lab no module knows and a build
     * without the suite index ({@link SuiteIndex#selectors}); a lab's module names its suites.
     */
    public static final String GRADERS_PACKAGE = "io.labgrader.lab";

    private GradingConfig() {
    }
}
