package io.labgrader.grading;

import io.labgrader.rubric.Rubric;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Runs grading suites in rubric section order, so that a criterion requiring one of another section finds its
 * outcome. Set as junit.jupiter.testclass.order.default by every run labgrader starts and by the grade profile. The
 * order comes from the run's own configuration: {@value #SECTIONS} where labgrader starts the run, else (Surefire)
 * the rubric that {@value GradingConfig#RUBRIC} names.
 */
public class RubricClassOrder implements ClassOrderer {

    /** Configuration parameter: the rubric's section ids in order, comma-separated. */
    static final String SECTIONS = "labgrader.order.sections";

    @Override
    public void orderClasses(ClassOrdererContext context) {
        List<String> sections = context.getConfigurationParameter(SECTIONS).map(RubricClassOrder::ids)
                .orElseGet(() -> GradingSession.rubricNamedBy(context::getConfigurationParameter)
                        .map(r -> ids(sections(r))).orElse(List.of()));
        context.getClassDescriptors().sort(Comparator.comparingInt((ClassDescriptor c) -> c.findAnnotation(GradingSuite.class)
                        .map(s -> sections.indexOf(s.value())).filter(i -> i >= 0).orElse(Integer.MAX_VALUE))
                .thenComparing(c -> c.getTestClass().getName()));
    }

    /** The value of {@value #SECTIONS} for a rubric. */
    static String sections(Rubric rubric) {
        return rubric.sections().stream().map(io.labgrader.rubric.Section::id).collect(Collectors.joining(","));
    }

    /** The ids of a comma-separated list (rubric ids hold no commas: see the rubric loader's id rule). */
    static List<String> ids(String list) {
        return list.isBlank() ? List.of() : Arrays.asList(list.split(","));
    }
}
