package io.labgrader.grading;

import io.labgrader.rubric.Rubric;
import org.junit.jupiter.api.MethodDescriptor;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.MethodOrdererContext;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Runs grading methods in the rubric's grading order, so a criterion's requirements are graded before it. The order
 * comes from the run's own configuration, as for {@link RubricClassOrder}.
 */
public class RubricMethodOrder implements MethodOrderer {

    /** Configuration parameter: the rubric's criterion ids in grading order, comma-separated. */
    static final String CRITERIA = "labgrader.order.criteria";

    @Override
    public void orderMethods(MethodOrdererContext context) {
        List<String> order = context.getConfigurationParameter(CRITERIA).map(RubricClassOrder::ids)
                .orElseGet(() -> GradingSession.rubricNamedBy(context::getConfigurationParameter)
                        .map(r -> RubricClassOrder.ids(criteria(r))).orElse(List.of()));
        context.getMethodDescriptors().sort(Comparator.comparingInt((MethodDescriptor m) -> position(m, order))
                .thenComparing(m -> m.getMethod().getName()));
    }

    /** The value of {@value #CRITERIA} for a rubric. */
    static String criteria(Rubric rubric) {
        return rubric.gradingOrder().stream().map(io.labgrader.rubric.Criterion::id).collect(Collectors.joining(","));
    }

    private static int position(MethodDescriptor method, List<String> order) {
        return method.findAnnotation(Criterion.class).map(c -> order.indexOf(c.value()))
                .filter(i -> i >= 0).orElse(Integer.MAX_VALUE);
    }
}
