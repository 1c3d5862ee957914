package io.labgrader.rubric;

import io.labgrader.grading.RubricBinding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rubric and the grading suites in graders/ must match, criterion for method. */
class RubricBindingTest {

    @TempDir
    Path dir;

    private Rubric labRubricEdited(String from, String to) throws Exception {
        String yaml = Files.readString(Path.of("rubric.yml"));
        if (!yaml.contains(from)) {
            throw new AssertionError("rubric.yml no longer contains: " + from);
        }
        Path file = dir.resolve("rubric.yml");
        Files.writeString(file, yaml.replace(from, to));
        return RubricLoader.load(file);
    }

    @Test
    void theLabRubricMatchesTheSuites() throws Exception {
        RubricBinding.check(RubricLoader.load(Path.of("rubric.yml")));
    }

    @Test
    void criterionWithoutGradingMethod() throws Exception {
        Rubric rubric = labRubricEdited("- id: docker.nginx-removed", "- id: docker.nginx-gone");
        int line = rubric.criterion("docker.nginx-gone").orElseThrow().line();
        assertThatThrownBy(() -> RubricBinding.check(rubric))
                .isInstanceOf(RubricException.class)
                .hasMessageContaining(rubric.source() + ":" + line
                        + ": criterion 'docker.nginx-gone' has no grading method (no @Criterion(\"docker.nginx-gone\") in graders/)")
                .hasMessageContaining(rubric.source()
                        + ": grading method DockerGrader.nginxRemoved() is marked @Criterion(\"docker.nginx-removed\"), which the rubric does not define");
    }

    @Test
    void aSectionLeftOutOfTheRubricIsNotGraded() throws Exception {
        Path file = dir.resolve("docker-only.yml");
        String yaml = Files.readString(Path.of("rubric.yml"));
        int vm = yaml.indexOf("\n  - id: vm");
        Files.writeString(file, vm < 0 ? yaml : yaml.substring(0, vm + 1));
        RubricBinding.check(RubricLoader.load(file)); // no complaint about the vm suite's methods
    }

}
