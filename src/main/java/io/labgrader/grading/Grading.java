package io.labgrader.grading;

import io.labgrader.rubric.LocalizedText.Language;
import io.labgrader.rubric.Rubric;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/** Runs the grading suites for one evidence bundle through the JUnit Platform Launcher. */
public final class Grading {

    private Grading() {
    }

    public static GradeResult grade(Rubric rubric, Path evidence, Language language, Clock clock) {
        // JUnit creates display name generators without context; they read these (see RubricDisplayNames)
        System.setProperty(GradingConfig.RUBRIC, rubric.source().toAbsolutePath().toString());
        System.setProperty(GradingConfig.LANG, language.name().toLowerCase(java.util.Locale.ROOT));
        GradingListener listener = new GradingListener(clock);
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false)
                .addTestExecutionListeners(listener)
                .build());
        launcher.execute(discoveryRequest(rubric, Optional.of(evidence)));
        return listener.result().orElseThrow(() -> new IllegalStateException(
                "the grading run produced no result for " + rubric.source()));
    }

    /** Discovers the grading suites of the rubric's sections, without running them. */
    public static TestPlan discover(Rubric rubric) {
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false).build());
        return launcher.discover(discoveryRequest(rubric, Optional.empty()));
    }

    static LauncherDiscoveryRequest discoveryRequest(Rubric rubric, Optional<Path> evidence) {
        Set<String> sections = rubric.sections().stream().map(io.labgrader.rubric.Section::id).collect(Collectors.toSet());
        var builder = request()
                .selectors(selectPackage(GradingConfig.GRADERS_PACKAGE))
                .filters(onlySuitesOf(sections))
                .configurationParameter(GradingConfig.RUBRIC, rubric.source().toAbsolutePath().toString())
                .configurationParameter("junit.jupiter.testclass.order.default", RubricClassOrder.class.getName())
                // the grading suites run sequentially: requires depend on the order
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "false");
        evidence.ifPresent(e -> builder.configurationParameter(GradingConfig.EVIDENCE, e.toAbsolutePath().toString()));
        return builder.build();
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
