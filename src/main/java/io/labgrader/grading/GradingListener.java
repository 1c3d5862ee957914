package io.labgrader.grading;

import io.labgrader.rubric.LocalizedText;
import io.labgrader.rubric.Messages;
import io.labgrader.rubric.Rubric;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Collects one {@link CriterionResult} per criterion as the JUnit Platform reports test results, and builds the
 * {@link GradeResult} when the plan finishes. Works under the Launcher (the CLI registers an instance) and under
 * Surefire (see the report package's listener, registered through META-INF/services).
 */
public class GradingListener implements TestExecutionListener {

    private final Clock clock;
    private final GradingSession run;
    private final Map<String, CriterionResult> results = new ConcurrentHashMap<>();
    private final Map<String, Long> startedNanos = new ConcurrentHashMap<>();
    private final Map<String, LocalizedText> notes = new ConcurrentHashMap<>();
    private volatile Rubric rubric;
    private volatile String evidence = "";
    private volatile GradeResult result;

    public GradingListener() {
        this(Clock.systemUTC());
    }

    public GradingListener(Clock clock) {
        this(clock, null);
    }

    /**
     * @param run the context of the run this listener watches ({@link SuiteRunner}), or null to take the rubric and
     *            the evidence from the run's configuration parameters (under Surefire)
     */
    GradingListener(Clock clock, GradingSession run) {
        this.clock = clock;
        this.run = run;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        results.clear();
        notes.clear();
        if (run != null) {
            rubric = run.rubric();
            evidence = run.evidenceLocation();
        } else {
            rubric = GradingSession.rubricNamedBy(testPlan.getConfigurationParameters()::get).orElse(null);
            evidence = testPlan.getConfigurationParameters().get(GradingConfig.EVIDENCE).orElse("evidence");
        }
    }

    @Override
    public void executionStarted(TestIdentifier test) {
        criterionId(test).ifPresent(id -> startedNanos.put(id, System.nanoTime()));
    }

    @Override
    public void reportingEntryPublished(TestIdentifier test, ReportEntry entry) {
        criterionId(test).ifPresent(id -> PassNote.of(entry).ifPresent(note -> notes.put(id, note)));
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        criterionId(test).ifPresent(id -> put(id, Outcome.BLOCKED, LocalizedText.same(reason == null ? "skipped" : reason)));
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult execution) {
        Optional<String> id = criterionId(test);
        if (id.isEmpty()) {
            return;
        }
        switch (execution.getStatus()) {
            case SUCCESSFUL -> put(id.get(), Outcome.PASSED, notes.getOrDefault(id.get(), LocalizedText.same("")));
            case ABORTED, FAILED -> {
                Throwable thrown = execution.getThrowable().orElseGet(() -> new AssertionError("failed"));
                Outcome outcome = Outcomes.classify(thrown);
                if (execution.getStatus() == TestExecutionResult.Status.ABORTED && outcome != Outcome.NOT_GRADABLE) {
                    outcome = Outcome.BLOCKED;
                }
                put(id.get(), outcome, Outcomes.message(thrown));
            }
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (rubric == null || results.isEmpty()) {
            return; // not a grading run (e.g. labgrader's own tests under Surefire)
        }
        List<CriterionResult> ordered = new ArrayList<>();
        for (io.labgrader.rubric.Criterion c : rubric.criteria()) {
            ordered.add(results.getOrDefault(c.id(), new CriterionResult(c.id(), c.section(), c.title(),
                    Outcome.NOT_GRADABLE, 0, c.points(), Messages.CORE.text("grading.noMethod"),
                    c.hint(), 0)));
        }
        List<io.labgrader.evidence.Observation> observed = observationsIn(evidence);
        result = new GradeResult(rubric.id(), rubric.title(), rubric.sha256(), evidence, clock.instant(), ordered,
                ResultSections.all(rubric.lab(), observed));
        onResult(result);
    }

    /** What the evidence holds, for the lab's report sections; nothing when it cannot be read (the criteria say why). */
    private List<io.labgrader.evidence.Observation> observationsIn(String evidence) {
        try {
            LoadedEvidence loaded = run != null ? run.loaded() : LoadedEvidence.read(java.nio.file.Path.of(evidence));
            return loaded.readable() ? loaded.evidence().observations() : List.of();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** Called once the result is complete; subclasses write reports. */
    protected void onResult(GradeResult result) {
    }

    /** The result of the last finished plan, if it ran with a readable rubric. */
    public Optional<GradeResult> result() {
        return Optional.ofNullable(result);
    }

    private void put(String id, Outcome outcome, LocalizedText message) {
        Rubric r = rubric;
        if (r == null) {
            return;
        }
        r.criterion(id).ifPresent(c -> {
            Long started = startedNanos.get(id);
            double seconds = started == null ? 0 : (System.nanoTime() - started) / 1e9;
            results.put(id, new CriterionResult(c.id(), c.section(), c.title(), outcome,
                    outcome == Outcome.PASSED ? c.points() : 0, c.points(), message,
                    outcome == Outcome.FAILED ? c.hint() : LocalizedText.same(""), seconds));
        });
    }

    static Optional<String> criterionId(TestIdentifier test) {
        return test.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                .flatMap(source -> {
                    try {
                        return Optional.ofNullable(source.getJavaMethod().getAnnotation(Criterion.class));
                    } catch (RuntimeException e) {
                        return Optional.empty();
                    }
                })
                .map(Criterion::value);
    }
}
