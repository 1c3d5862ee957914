package io.labgrader.rubric;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** rubric.yml is not a valid rubric. Carries every problem found, each with file and line. */
public class RubricException extends Exception {

    /** One problem, e.g. {@code rubric.yml:12: unknown key 'pionts'}. */
    public record Problem(Path file, int line, String message) {
        @Override
        public String toString() {
            String name = file == null ? "rubric" : file.toString();
            return line > 0 ? name + ":" + line + ": " + message : name + ": " + message;
        }
    }

    private final List<Problem> problems;

    public RubricException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public RubricException(Path file, int line, String message) {
        this(List.of(new Problem(file, line, message)));
    }

    public List<Problem> problems() {
        return problems;
    }
}
