package io.labgrader.grading;

import io.labgrader.rubric.Rubric;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Runs grading suites in rubric section order, so that a criterion requiring one of another section finds its
 * outcome. Set as junit.jupiter.testclass.order.default by the CLI and the grade profile.
 */
public class RubricClassOrder implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        Optional<Rubric> rubric = RubricCache.get(context.getConfigurationParameter(GradingConfig.RUBRIC).orElse(null));
        List<String> sections = rubric.map(r -> r.sections().stream().map(io.labgrader.rubric.Section::id).toList())
                .orElse(List.of());
        context.getClassDescriptors().sort(Comparator.comparingInt((ClassDescriptor c) -> c.findAnnotation(GradingSuite.class)
                        .map(s -> sections.indexOf(s.value())).filter(i -> i >= 0).orElse(Integer.MAX_VALUE))
                .thenComparing(c -> c.getTestClass().getName()));
    }
}
