package io.labgrader.grading;

import io.labgrader.rubric.Criterion;
import io.labgrader.rubric.LocalizedText;
import io.labgrader.rubric.Messages;
import io.labgrader.rubric.Rubric;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.platform.engine.support.store.Namespace;
import org.junit.platform.launcher.LauncherSession;

import java.lang.reflect.Method;
import java.util.Optional;

/**
 * Connects a grading suite to the rubric and the evidence: applies {@code requires} before a criterion is
 * attempted, hands each grading method its {@link CriterionContext}, and remembers outcomes for later
 * criteria.
 */
public class GradingExtension implements BeforeEachCallback, ParameterResolver, TestWatcher {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(GradingExtension.class);
    /** The same namespace as the launcher session's store spells it. */
    private static final Namespace LAUNCHER_NAMESPACE = Namespace.create(GradingExtension.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        GradingSession session = session(context);
        Criterion criterion = criterion(context, session);
        for (String requiredId : criterion.requires()) {
            Optional<Outcome> required = session.outcome(requiredId);
            LocalizedText title = session.rubric().criterion(requiredId).map(c -> c.title()).orElse(LocalizedText.same(requiredId));
            if (required.isEmpty()) {
                throw new CriterionBlocked(Messages.CORE.text("grading.requiresNotGraded", requiredId, title));
            }
            if (required.get() == Outcome.NOT_GRADABLE) {
                throw new NotGradableException(Messages.CORE.text("grading.requiresNotGradable", requiredId, title));
            }
            if (required.get() != Outcome.PASSED) {
                throw new CriterionBlocked(Messages.CORE.text("grading.requiresNotPassed", requiredId, title));
            }
        }
        session.evidence(); // unreadable evidence makes the criterion NOT_GRADABLE before its method runs
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == CriterionContext.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext context) {
        GradingSession session = session(context);
        Criterion criterion = criterion(context, session);
        return new CriterionContext(criterion, new Params(criterion.id(), criterion.params()), session.evidence(),
                session.language());
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        record(context, Outcome.PASSED);
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        record(context, Outcomes.classify(cause));
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        record(context, Outcomes.classify(cause) == Outcome.NOT_GRADABLE ? Outcome.NOT_GRADABLE : Outcome.BLOCKED);
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
        record(context, Outcome.BLOCKED);
    }

    private static void record(ExtensionContext context, Outcome outcome) {
        criterionId(context).ifPresent(id -> session(context).record(id, outcome));
    }

    static Optional<String> criterionId(ExtensionContext context) {
        return context.getTestMethod().map(m -> m.getAnnotation(io.labgrader.grading.Criterion.class))
                .map(io.labgrader.grading.Criterion::value);
    }

    private static Criterion criterion(ExtensionContext context, GradingSession session) {
        Method method = context.getRequiredTestMethod();
        String id = criterionId(context).orElseThrow(() -> new NotGradableException(LocalizedText.same(
                method.getName() + " is not marked with @Criterion")));
        Rubric rubric = session.rubric();
        return rubric.criterion(id).orElseThrow(() -> new NotGradableException(Messages.CORE.text("grading.noCriterion", rubric.source(), id)));
    }

    /**
     * The run's context: the one {@link SuiteRunner} handed to this launcher session for the run ({@link #begin}), or,
     * under Surefire, one built from the run's configuration parameters and kept in the run's root store.
     */
    private static GradingSession session(ExtensionContext context) {
        ExtensionContext root = context.getRoot();
        GradingSession given = root.getStore(ExtensionContext.StoreScope.LAUNCHER_SESSION, NAMESPACE)
                .get(GradingSession.class, GradingSession.class);
        if (given != null) {
            return given;
        }
        return root.getStore(NAMESPACE).getOrComputeIfAbsent(GradingSession.class,
                key -> GradingSession.configured(root::getConfigurationParameter), GradingSession.class);
    }

    /**
     * Hands the run's context to the next run in this launcher session: the session's store is JUnit's way of passing
     * objects into a run. A launcher session runs one grading at a time ({@link SuiteRunner} keeps one per thread),
     * so the store holds the context of exactly the run in progress.
     */
    static void begin(LauncherSession session, GradingSession run) {
        session.getStore().put(LAUNCHER_NAMESPACE, GradingSession.class, run);
    }

    /** Forgets what {@link #begin} gave, once the run is over. */
    static void end(LauncherSession session) {
        session.getStore().remove(LAUNCHER_NAMESPACE, GradingSession.class);
    }
}
