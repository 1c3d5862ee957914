package io.labgrader.batch;

import io.labgrader.grading.GradeResult;
import io.labgrader.grading.Grading;
import io.labgrader.grading.GradingConfig;
import io.labgrader.grading.GradingListener;
import io.labgrader.grading.RubricClassOrder;
import io.labgrader.rubric.LocalizedText.Language;
import io.labgrader.rubric.Rubric;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * Runs the grading suites on one evidence folder after another, through the JUnit Platform Launcher, as
 * {@link Grading#grade} does, but built for a thousand bundles in a row on several threads:
 * <ul>
 *   <li>the suites are found once, by scanning the graders' package ({@link Grading#discover}); each bundle's run
 *       then selects those classes directly, which saves the package scan (most of the time of a run);</li>
 *   <li>each thread keeps one {@link LauncherSession} open, instead of a new launcher (and test-engine lookup) for
 *       every bundle;</li>
 *   <li>the configuration is given in full, so JUnit does not look for junit-platform.properties for every bundle.</li>
 * </ul>
 * The request is otherwise the one {@link Grading} builds: the same configuration parameters, the same listener,
 * so a batch result equals a single {@code labgrader grade} of the same evidence.
 */
final class SuiteRunner implements AutoCloseable {

    private final Rubric rubric;
    private final String rubricPath;
    private final List<ClassSelector> suites;
    private final Queue<LauncherSession> sessions = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<LauncherSession> session = ThreadLocal.withInitial(this::openSession);

    SuiteRunner(Rubric rubric, Language language) {
        this.rubric = rubric;
        this.rubricPath = rubric.source().toAbsolutePath().toString();
        // JUnit creates display name generators without context; they read these (see RubricDisplayNames)
        System.setProperty(GradingConfig.RUBRIC, rubricPath);
        System.setProperty(GradingConfig.LANG, language.name().toLowerCase(Locale.ROOT));
        this.suites = suiteClasses(Grading.discover(rubric));
    }

    /** The top-level classes of the plan: the grading suites of the rubric's sections, in discovery order. */
    private static List<ClassSelector> suiteClasses(TestPlan plan) {
        List<ClassSelector> classes = new ArrayList<>();
        for (TestIdentifier engine : plan.getRoots()) {
            for (TestIdentifier child : plan.getChildren(engine)) {
                child.getSource().filter(ClassSource.class::isInstance).map(ClassSource.class::cast)
                        .ifPresent(source -> classes.add(DiscoverySelectors.selectClass(source.getClassName())));
            }
        }
        return List.copyOf(classes);
    }

    int suiteCount() {
        return suites.size();
    }

    GradeResult grade(Path evidence, Clock clock) {
        GradingListener listener = new GradingListener(clock);
        LauncherDiscoveryRequest request = request()
                .selectors(suites)
                .configurationParameter(GradingConfig.RUBRIC, rubricPath)
                .configurationParameter("junit.jupiter.testclass.order.default", RubricClassOrder.class.getName())
                // the grading suites run sequentially: requires depend on the order
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
                .configurationParameter(GradingConfig.EVIDENCE, evidence.toAbsolutePath().toString())
                // everything the run needs is set here; not looking up junit-platform.properties on the class path
                // for every bundle saves a jar lookup per student
                .enableImplicitConfigurationParameters(false)
                .build();
        session.get().getLauncher().execute(request, listener);
        return listener.result().orElseThrow(() -> new IllegalStateException(
                "the grading run produced no result for " + rubric.source()));
    }

    private LauncherSession openSession() {
        LauncherSession s = LauncherFactory.openSession(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false)
                .build());
        sessions.add(s);
        return s;
    }

    @Override
    public void close() {
        LauncherSession s;
        while ((s = sessions.poll()) != null) {
            s.close();
        }
    }
}
