package io.labgrader.grading;

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
 * Runs the grading suites on evidence bundles through the JUnit Platform Launcher: one bundle ({@link Grading#grade})
 * or a thousand in a row on several threads (batch grading). Built for the second:
 * <ul>
 *   <li>the suites are found once, by scanning the graders' package ({@link Grading#discover}); each bundle's run
 *       then selects those classes directly, which saves the package scan (most of the time of a run);</li>
 *   <li>each thread keeps one {@link LauncherSession} open, instead of a new launcher (and test-engine lookup) for
 *       every bundle;</li>
 *   <li>the evidence is read by the caller and handed to the run ({@link LoadedEvidence}), so a bundle from a zip
 *       needs no unpacking and no journal is read twice;</li>
 *   <li>the rubric is pinned for the runner's life: every bundle is graded by the same rubric, without looking at
 *       the file again;</li>
 *   <li>the configuration is given in full, so JUnit does not look for junit-platform.properties for every bundle.</li>
 * </ul>
 * A batch result therefore equals a single {@code labgrader grade} of the same evidence.
 */
public final class SuiteRunner implements AutoCloseable {

    private final Rubric rubric;
    private final RubricCache.Pin pin;
    private final List<ClassSelector> suites;
    private final Queue<LauncherSession> sessions = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<LauncherSession> session = ThreadLocal.withInitial(this::openSession);

    public SuiteRunner(Rubric rubric, Language language) {
        this.rubric = rubric;
        // JUnit creates display name generators without context; they read these (see RubricDisplayNames)
        System.setProperty(GradingConfig.RUBRIC, rubric.source().toAbsolutePath().toString());
        System.setProperty(GradingConfig.LANG, language.name().toLowerCase(Locale.ROOT));
        this.pin = RubricCache.pin(rubric);
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

    public int suiteCount() {
        return suites.size();
    }

    /** Grades the evidence in a folder. */
    public GradeResult grade(Path evidence, Clock clock) {
        return grade(LoadedEvidence.read(evidence), clock);
    }

    /** Grades evidence the caller has read; the result names it by its location. */
    public GradeResult grade(LoadedEvidence evidence, Clock clock) {
        GradingListener listener = new GradingListener(clock, evidence);
        LauncherDiscoveryRequest request = Grading.configured(request().selectors(suites), rubric)
                .configurationParameter(GradingConfig.EVIDENCE, evidence.location())
                // everything the run needs is set here; not looking up junit-platform.properties on the class path
                // for every bundle saves a jar lookup per student
                .enableImplicitConfigurationParameters(false)
                .build();
        LauncherSession s = session.get();
        GradingExtension.handOver(s, evidence);
        try {
            s.getLauncher().execute(request, listener);
        } finally {
            GradingExtension.takeBack(s);
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
        pin.close();
    }
}
