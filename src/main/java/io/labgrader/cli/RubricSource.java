package io.labgrader.cli;

import io.labgrader.grading.RubricBinding;
import io.labgrader.rubric.Rubric;
import io.labgrader.rubric.RubricException;
import io.labgrader.rubric.RubricLoader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds and loads the rubric, and checks that it matches the grading suites. */
final class RubricSource {

    private RubricSource() {
    }

    /**
     * The rubric named by --rubric (null: rubric.yml here, else the built-in one). A command lets the exception out
     * of its call(): {@link Main} prints the problems and exits with 2, the same for every command.
     */
    static Rubric load(Path option) throws RubricException {
        Path file = option != null ? option : Path.of("rubric.yml");
        if (option == null && !Files.exists(file)) {
            file = builtIn();
        }
        Rubric rubric = RubricLoader.load(file);
        Timings.mark("rubric read");
        RubricBinding.check(rubric);
        return rubric;
    }

    /** The lab's rubric as shipped in the jar, for student repositories that carry none of their own. */
    private static Path builtIn() throws RubricException {
        try (InputStream in = RubricSource.class.getResourceAsStream("rubric.yml")) {
            if (in == null) {
                throw new RubricException(Path.of("rubric.yml"), 0, "file not found, and no rubric is built into this labgrader");
            }
            Path dir = Files.createTempDirectory("labgrader-rubric");
            Path file = dir.resolve("rubric.yml");
            Files.copy(in, file);
            file.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new RubricException(Path.of("rubric.yml"), 0, "cannot read the built-in rubric: " + e.getMessage());
        }
    }
}
