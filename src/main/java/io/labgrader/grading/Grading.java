package io.labgrader.grading;

import io.labgrader.rubric.LocalizedText.Language;
import io.labgrader.rubric.Rubric;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/** Finds the grading suites of a rubric, and runs them for one evidence bundle through the JUnit Platform Launcher. */
public final class Grading {

    private static final Map<Rubric, TestPlan> DISCOVERED = new ConcurrentHashMap<>();

    private Grading() {
    }

    /**
     * Grades the evidence in a folder: read once, here, so the grading methods and the result's VM list judge one
     * reading. The suites are selected from the remembered discovery ({@link #discover}), which the rubric check
     * before has made: no second scan of the graders' package.
     */
    public static GradeResult grade(Rubric rubric, Path evidence, Language language, Clock clock) {
        try (SuiteRunner runner = new SuiteRunner(rubric, language)) {
            return runner.grade(LoadedEvidence.read(evidence), clock);
        }
    }

    /**
     * Discovers the grading suites of the rubric's sections, without running them. Remembered per rubric: the
     * graders do not change while labgrader runs, and batch grading asks twice (to check the rubric against the
     * suites, then to select them), each a scan of the graders' package.
     */
    public static TestPlan discover(Rubric rubric) {
        return DISCOVERED.computeIfAbsent(rubric, r -> LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false).build()).discover(discoveryRequest(r)));
    }

    private static LauncherDiscoveryRequest discoveryRequest(Rubric rubric) {
        Set<String> sections = rubric.sections().stream().map(io.labgrader.rubric.Section::id).collect(Collectors.toSet());
        // the suites of the rubric's lab, as its module names them
        List<? extends DiscoverySelector> selectors = SuiteIndex.selectors(rubric.lab());
        return configured(request()
                .selectors(selectors)
                .filters(onlySuitesOf(sections)), rubric).build();
    }

    /** The configuration of every grading run, and of the discovery that finds the suites. */
    static LauncherDiscoveryRequestBuilder configured(LauncherDiscoveryRequestBuilder builder, Rubric rubric) {
        return builder
                .configurationParameter(GradingConfig.RUBRIC, rubric.source().toAbsolutePath().toString())
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
