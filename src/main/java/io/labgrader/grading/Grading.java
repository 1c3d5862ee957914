package io.labgrader.grading;

import io.labgrader.rubric.LocalizedText.Language;
import io.labgrader.rubric.Rubric;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/** Finds the grading suites of a rubric, and runs them for one evidence bundle through the JUnit Platform Launcher. */
public final class Grading {

    private Grading() {
    }

    /**
     * Grades the evidence in a folder: read once, here, so the grading methods and the result's VM list judge one
     * reading. The suites are selected from the build's index where there is one: no second scan of the graders'
     * package after the rubric check's.
     */
    public static GradeResult grade(Rubric rubric, Path evidence, Language language, Clock clock) {
        try (SuiteRunner runner = new SuiteRunner(rubric, language)) {
            return runner.grade(LoadedEvidence.read(evidence), clock);
        }
    }

    /**
     * Discovers the grading suites of the rubric's sections, without running them. Nothing is remembered between
     * calls: a discovery belongs to its caller (the rubric check, or a {@link SuiteRunner} for its life).
     */
    public static TestPlan discover(Rubric rubric) {
        return LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build())
                .discover(configured(request().selectors(indexedSuites(rubric).orElseGet(
                        () -> List.copyOf(SuiteIndex.selectors(rubric.lab())))), rubric).build());
    }

    /**
     * The grading suites of the rubric's sections, as classes: those the rubric's lab names (its module, else the
     * build's index), kept to the rubric's sections. Empty when only a scan of the graders' package can find them
     * (no module, no index, or a class that will not load).
     */
    static Optional<List<DiscoverySelector>> indexedSuites(Rubric rubric) {
        Set<String> sections = sectionIds(rubric);
        List<? extends DiscoverySelector> selectors = SuiteIndex.selectors(rubric.lab());
        if (!selectors.stream().allMatch(ClassSelector.class::isInstance)) {
            return Optional.empty();
        }
        try {
            return Optional.of(selectors.stream().map(ClassSelector.class::cast)
                    .filter(c -> inSections(c.getJavaClass(), sections))
                    .<DiscoverySelector>map(c -> c).toList());
        } catch (RuntimeException e) {   // JUnit's PreconditionViolationException: a listed class does not load
            return Optional.empty();
        }
    }

    private static boolean inSections(Class<?> suite, Set<String> sections) {
        GradingSuite marker = suite.getAnnotation(GradingSuite.class);
        return marker != null && sections.contains(marker.value());
    }

    private static Set<String> sectionIds(Rubric rubric) {
        return rubric.sections().stream().map(io.labgrader.rubric.Section::id).collect(Collectors.toSet());
    }

    /**
     * The configuration of every grading run, and of the discovery that finds the suites: all of it from the rubric
     * this run grades by, nothing from process-wide state. The orderers read the rubric's order from here.
     */
    static LauncherDiscoveryRequestBuilder configured(LauncherDiscoveryRequestBuilder builder, Rubric rubric) {
        return builder
                .filters(onlySuitesOf(sectionIds(rubric)))
                .configurationParameter(RubricClassOrder.SECTIONS, RubricClassOrder.sections(rubric))
                .configurationParameter(RubricMethodOrder.CRITERIA, RubricMethodOrder.criteria(rubric))
                .configurationParameter("junit.jupiter.testclass.order.default", RubricClassOrder.class.getName())
                // the grading suites run sequentially: requires depend on the order
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
                // reports show a criterion's message, never a stack trace: not pruning them saves work per criterion
                .configurationParameter("junit.platform.stacktrace.pruning.enabled", "false");
    }

    /**
     * Only grading suites run, and only those of the rubric's sections: a rubric without a section simply doesn't
     * run that section's suite, and other classes in the package (the engine's own tests of the graders, on a
     * test classpath) are never run as graders.
     */
    private static PostDiscoveryFilter onlySuitesOf(Set<String> sections) {
        return descriptor -> {
            if (descriptor.isRoot()) {
                return FilterResult.included("engine");
            }
            Optional<GradingSuite> suite = suiteOf(descriptor);
            if (suite.isEmpty()) {
                return FilterResult.excluded("not a grading suite");
            }
            return sections.contains(suite.get().value())
                    ? FilterResult.included("section in rubric")
                    : FilterResult.excluded("section " + suite.get().value() + " is not in the rubric");
        };
    }

    private static Optional<GradingSuite> suiteOf(TestDescriptor descriptor) {
        for (TestDescriptor d = descriptor; d != null; d = d.getParent().orElse(null)) {
            Optional<GradingSuite> suite = d.getSource().filter(ClassSource.class::isInstance)
                    .map(s -> ((ClassSource) s).getJavaClass().getAnnotation(GradingSuite.class));
            if (suite.isPresent()) {
                return suite;
            }
        }
        return Optional.empty();
    }
}
