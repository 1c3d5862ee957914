package io.labgrader.grading;

import io.labgrader.rubric.Rubric;
import org.junit.jupiter.api.MethodDescriptor;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.MethodOrdererContext;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Runs grading methods in the rubric's grading order, so a criterion's requirements are graded before it. */
public class RubricMethodOrder implements MethodOrderer {

    @Override
    public void orderMethods(MethodOrdererContext context) {
        Optional<Rubric> rubric = RubricCache.get(context.getConfigurationParameter(GradingConfig.RUBRIC).orElse(null));
        List<String> order = rubric.map(r -> r.gradingOrder().stream().map(io.labgrader.rubric.Criterion::id).toList())
                .orElse(List.of());
        context.getMethodDescriptors().sort(Comparator.comparingInt((MethodDescriptor m) -> position(m, order))
                .thenComparing(m -> m.getMethod().getName()));
    }

    private static int position(MethodDescriptor method, List<String> order) {
        return method.findAnnotation(Criterion.class).map(c -> order.indexOf(c.value()))
                .filter(i -> i >= 0).orElse(Integer.MAX_VALUE);
    }
}
