package io.labgrader.grading;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The build's index of the grading suites (mvn process-classes wrote it into target/classes before the tests). */
class SuiteIndexTest {

    @Test
    @DisplayName("the index lists exactly the classes of the graders' package marked @GradingSuite, not their helpers")
    void indexListsTheSuites() throws IOException {
        assertThat(SuiteIndex.suitesIn(Path.of("target/classes")))
                .containsExactly("io.labgrader.lab.CompareGrader", "io.labgrader.lab.DockerGrader", "io.labgrader.lab.VmGrader");
    }

    @Test
    @DisplayName("the index the build wrote is the one a start reads, and it matches the compiled suites (not stale)")
    void builtIndexIsCurrent() throws IOException {
        assertThat(SuiteIndex.read()).as("resource " + SuiteIndex.RESOURCE + " on the class path")
                .contains(SuiteIndex.suitesIn(Path.of("target/classes")));
    }
}
