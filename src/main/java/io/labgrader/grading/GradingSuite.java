package io.labgrader.grading;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class in graders/ as the grading suite of one rubric section: criteria are named and ordered from
 * rubric.yml, and each method receives its evidence and params.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(GradingExtension.class)
@DisplayNameGeneration(RubricDisplayNames.class)
@TestMethodOrder(RubricMethodOrder.class)
public @interface GradingSuite {

    /** The rubric section this suite grades, e.g. "docker". */
    String value();
}
