package io.labgrader.grading;

import org.junit.jupiter.api.Test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a test method as the grading method of one rubric criterion. The method is a JUnit test. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Test

public @interface Criterion {

    /** The criterion's id in rubric.yml, e.g. "docker.nginx-port". */
    String value();
}
