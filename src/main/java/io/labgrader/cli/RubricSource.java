package io.labgrader.cli;

import io.labgrader.grading.RubricBinding;
import io.labgrader.module.LabModule;
import io.labgrader.module.Labs;
import io.labgrader.module.SectionProbes;
import io.labgrader.rubric.Rubric;
import io.labgrader.rubric.RubricException;
import io.labgrader.rubric.RubricLoader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds and loads the rubric, finds its lab, and checks that the rubric matches the lab's suites and probes. */
final class RubricSource {

    private RubricSource() {
    }

    /** The rubric named by --rubric (null: rubric.yml here, else the first lab's, built in). */
    static Rubric load(Path option) throws RubricException {
        return load(option, null);
    }

    /**
     * The rubric named by --rubric, or the built-in rubric of the lab named by --lab; with neither, rubric.yml here,
     * else the first lab's. A command lets the exceptions out of its call(): {@link Main} prints the problems and
     * exits with 2, the same for every command.
     */
    static Rubric load(Path option, String lab) throws RubricException {
        Rubric rubric = read(option, lab);
        RubricBinding.check(rubric);
        return rubric;
    }

    /**
     * What {@link #load} does but the binding to the grading suites (JUnit's discovery, the slow part), which the
     * caller then runs itself: check runs it beside its probes.
     */
    static Rubric read(Path option, String lab) throws RubricException {
        if (option != null && lab != null) {
            throw new LabChoiceException("--rubric " + option + " and --lab " + lab + " both choose the rubric; give one of them");
        }
        Path file;
        if (lab != null) {
            file = builtIn(known(lab));
        } else {
            file = option != null ? option : Path.of("rubric.yml");
            if (option == null && !Files.exists(file)) {
                file = builtIn(Labs.byId(Labs.DEFAULT_LAB).orElse(null));
            }
        }
        Rubric rubric = RubricLoader.load(file);
        Timings.mark("rubric read");
        LabModule module = Labs.byId(rubric.lab()).orElseThrow(() -> new RubricException(rubric.source(), 0,
                "no lab '" + rubric.lab() + "' in this labgrader (it holds: " + Labs.ids() + "); a rubric names its lab"
                        + " with 'lab:', or by its id; labgrader labs lists the labs"));
        SectionProbes.check(rubric, module);
        return rubric;
    }

    /** The lab of a rubric that {@link #load} returned. */
    static LabModule lab(Rubric rubric) {
        return Labs.byId(rubric.lab()).orElseThrow(() -> new IllegalStateException("no lab " + rubric.lab()));
    }

    private static LabModule known(String lab) {
        try {
            return Labs.get(lab);
        } catch (Labs.UnknownLabException e) {
            throw new LabChoiceException("--lab: " + e.getMessage());
        }
    }

    /** A lab's rubric as shipped in the jar, for student repositories that carry none of their own. */
    private static Path builtIn(LabModule lab) throws RubricException {
        String resource = lab == null ? null : lab.rubricResource();
        try (InputStream in = resource == null ? null : RubricSource.class.getResourceAsStream(resource)) {
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

    /**
     * --lab names no lab of this labgrader, or --lab and --rubric are both given: a usage error, which {@link Main}
     * prints as it is (exit 2). Unchecked, so that the commands' call() declare nothing new.
     */
    static final class LabChoiceException extends RuntimeException {
        LabChoiceException(String message) {
            super(message);
        }
    }
}
