package io.labgrader.grading;

import io.labgrader.rubric.Rubric;
import io.labgrader.rubric.RubricException;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks that rubric and grading suites match: every criterion has exactly one grading method, and every
 * grading method of a section in the rubric has a criterion. Uses JUnit discovery, nothing is executed.
 */
public final class RubricBinding {

    private RubricBinding() {
    }

    public static void check(Rubric rubric) throws RubricException {
        TestPlan plan = Grading.discover(rubric);
        Map<String, List<String>> methodsByCriterion = new LinkedHashMap<>();
        collect(plan, plan.getRoots(), methodsByCriterion);
        List<RubricException.Problem> problems = new ArrayList<>();
        for (io.labgrader.rubric.Criterion c : rubric.criteria()) {
            List<String> methods = methodsByCriterion.getOrDefault(c.id(), List.of());
            if (methods.isEmpty()) {
                problems.add(new RubricException.Problem(rubric.source(), c.line(),
                        "criterion '" + c.id() + "' has no grading method (no @Criterion(\"" + c.id() + "\") in graders/)"));
            } else if (methods.size() > 1) {
                problems.add(new RubricException.Problem(rubric.source(), c.line(),
                        "criterion '" + c.id() + "' has several grading methods: " + String.join(", ", methods)));
            }
        }
        methodsByCriterion.forEach((id, methods) -> {
            if (rubric.criterion(id).isEmpty()) {
                problems.add(new RubricException.Problem(rubric.source(), 0, "grading method " + String.join(", ", methods)
                        + " is marked @Criterion(\"" + id + "\"), which the rubric does not define"));
            }
        });
        if (!problems.isEmpty()) {
            throw new RubricException(problems);
        }
    }

    private static void collect(TestPlan plan, Iterable<TestIdentifier> nodes, Map<String, List<String>> into) {
        for (TestIdentifier node : nodes) {
            GradingListener.criterionId(node).ifPresent(id -> into.computeIfAbsent(id, k -> new ArrayList<>())
                    .add(node.getSource().map(s -> {
                        MethodSource m = (MethodSource) s;
                        return m.getClassName().substring(m.getClassName().lastIndexOf('.') + 1) + "." + m.getMethodName() + "()";
                    }).orElse(node.getDisplayName())));
            collect(plan, plan.getChildren(node), into);
        }
    }
}
