package io.labgrader.grading;

import io.labgrader.rubric.LocalizedText.Language;
import io.labgrader.rubric.Rubric;
import org.junit.platform.engine.DiscoverySelector;
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
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * Runs the grading suites on evidence bundles through the JUnit Platform Launcher: one bundle ({@link Grading#grade})
 * or a thousand in a row on several threads (batch grading). Built for the second:
 * <ul>
 *   <li>the suites are selected by class from the build's index ({@link SuiteIndex}), or found once for the runner's
 *       life by scanning the graders' package; no run scans the package (most of the time of a run);</li>
 *   <li>each thread keeps one {@link LauncherSession} open, instead of a new launcher (and test-engine lookup) for
 *       every bundle;</li>
 *   <li>the evidence is read by the caller and handed to the run ({@link LoadedEvidence}), so a bundle from a zip
 *       needs no unpacking and no journal is read twice;</li>
 *   <li>the rubric is the runner's for its life: every bundle is graded by the rubric object it was given, without
 *       looking at the file again;</li>
 *   <li>the configuration is given in full, so JUnit does not look for junit-platform.properties for every bundle.</li>
 * </ul>
 * Each run gets its own context ({@link GradingSession}: rubric, language, evidence, outcomes), handed over in the
 * launcher session's store; nothing goes through system properties or process-wide caches, so runners in other
 * languages or by other rubrics can grade beside this one in the same JVM. A batch result therefore equals a single
 * {@code labgrader grade} of the same evidence.
 */
public final class SuiteRunner implements AutoCloseable {

    private final Rubric rubric;
    private final Language language;
    private final List<? extends DiscoverySelector> suites;
    private final Queue<LauncherSession> sessions = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<LauncherSession> session = ThreadLocal.withInitial(this::openSession);

    public SuiteRunner(Rubric rubric, Language language) {
        this.rubric = rubric;
        this.language = language;
        this.suites = Grading.indexedSuites(rubric).orElseGet(() -> suiteClasses(Grading.discover(rubric)));
    }

    /** The top-level classes of the plan: the grading suites of the rubric's sections, in discovery order. */
    private static List<DiscoverySelector> suiteClasses(TestPlan plan) {
        List<DiscoverySelector> classes = new ArrayList<>();
        for (TestIdentifier engine : plan.getRoots()) {
            for (TestIdentifier child : plan.getChildren(engine)) {
                child.getSource().filter(ClassSource.class::isInstance).map(ClassSource.class::cast)
                        .ifPresent(source -> classes.add(DiscoverySelectors.selectClass(source.getClassName())));
            }
        }
        return List.copyOf(classes);
    }

    public int suiteCount() {
        return suites.size();
    }

    /** Grades the evidence in a folder. */
    public GradeResult grade(Path evidence, Clock clock) {
        return grade(LoadedEvidence.read(evidence), clock);
    }

    /** Grades evidence the caller has read; the result names it by its location. */
    public GradeResult grade(LoadedEvidence evidence, Clock clock) {
        GradingSession run = GradingSession.of(rubric, language, evidence);
        GradingListener listener = new GradingListener(clock, run);
        LauncherDiscoveryRequest request = Grading.configured(request().selectors(suites), rubric)
                // everything the run needs is set here; not looking up junit-platform.properties on the class path
                // for every bundle saves a jar lookup per student
                .enableImplicitConfigurationParameters(false)
                .build();
        LauncherSession s = session.get();
        GradingExtension.begin(s, run);
        try {
            s.getLauncher().execute(request, listener);
        } finally {
            GradingExtension.end(s);
        }
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
