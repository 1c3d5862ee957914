package io.labgrader.module;

import io.labgrader.grading.GradingSuite;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Grading finds a lab's suites through its module, not by scanning a package. */
class LabSuiteCatalogTest {

    @Test
    @DisplayName("the first lab's module names every grading suite of graders/, and only those")
    void theFirstLabNamesItsSuites() throws Exception {
        List<String> inGraders;
        try (Stream<Path> files = Files.list(Path.of("graders/io/labgrader/lab"))) {
            inGraders = files.filter(f -> f.toString().endsWith(".java")).filter(f -> {
                try {
                    return Files.readString(f).contains("@GradingSuite(");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(f -> "io.labgrader.lab." + f.getFileName().toString().replace(".java", "")).sorted().toList();
        }
        List<Class<?>> suites = new LabSuiteCatalog().suitesOf("docker-vs-vm").orElseThrow();
        assertThat(suites).allMatch(c -> c.isAnnotationPresent(GradingSuite.class));
        assertThat(suites.stream().map(Class::getName).sorted().toList()).as("suites in graders/").isEqualTo(inGraders);
    }

    @Test
    @DisplayName("a lab no module knows has no suites in the catalog (grading then falls back to the suite index)")
    void unknownLab() {
        assertThat(new LabSuiteCatalog().suitesOf("docker-compose")).isEmpty();
    }
}
