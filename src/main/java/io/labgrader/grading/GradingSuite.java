package io.labgrader.grading;

import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class in graders/ as the grading suite of one rubric section: criteria are named and ordered from
 * rubric.yml, and each method receives its evidence and params. Display names come from the run's configuration
 * (see {@link RubricDisplayNames}): JUnit gives a generator fixed here no way to learn which rubric and language a run has.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(GradingExtension.class)
@TestMethodOrder(RubricMethodOrder.class)
public @interface GradingSuite {

    /** The rubric section this suite grades, e.g. "docker". */
    String value();
}
