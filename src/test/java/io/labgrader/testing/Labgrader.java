package io.labgrader.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A student's folder with the lab's rubric, where labgrader runs as its own process, as from the shell: real
 * exit codes, real environment, real signals.
 */
public final class Labgrader {

    private final Path dir;
    private final Map<String, String> env = new HashMap<>();

    public Labgrader(Path dir) {
        this(dir, null);
    }

    /** With the lab's rubric cut down to one section, e.g. "docker", so that a scenario's score is that section's. */
    public Labgrader(Path dir, String onlySection) {
        this.dir = dir;
        try {
            String rubric = Files.readString(Path.of("rubric.yml").toAbsolutePath());
            if (onlySection != null) {
                rubric = RubricSections.only(rubric, onlySection);
            }
            Files.writeString(dir.resolve("rubric.yml"), rubric);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path dir() {
        return dir;
    }

    /** Sets a variable for labgrader's runs; null removes it from the environment they inherit. */
    public Labgrader env(String key, String value) {
        env.put(key, value);
        return this;
    }

    public Commands.Result run(String... args) {
        return Commands.run(dir, env, Duration.ofMinutes(2), command(args));
    }

    /**
     * Starts labgrader (e.g. watch) in the background, with SIGINT at its default as in a terminal: a process
     * started from a background job inherits SIGINT ignored, and Ctrl-C could not be tested.
     */
    public Process start(String... args) {
        return start(List.of("env", "--default-signal=INT"), args);
    }

    /**
     * Starts labgrader as a script's background job starts it: with SIGINT ignored (what a non-interactive shell
     * gives a job started with {@code &}); {@code exec} keeps the process id, so that signals reach labgrader.
     */
    public Process startWithSigintIgnored(String... args) {
        return start(SIGINT_IGNORED, args);
    }

    /** Runs the command after it, with SIGINT ignored. */
    public static final List<String> SIGINT_IGNORED = List.of("bash", "-c", "trap '' INT; exec \"$@\"", "labgrader");

    private Process start(List<String> prefix, String... args) {
        try {
            List<String> command = new ArrayList<>(prefix);
            command.addAll(command(args));
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
            Commands.environment(builder, env);
            builder.redirectOutput(dir.resolve("watch.out").toFile()).redirectError(dir.resolve("watch.err").toFile());
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<String> command(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("io.labgrader.cli.Main");
        command.addAll(List.of(args));
        return command;
    }

    public JsonNode report() {
        return report(dir.resolve("report"));
    }

    public static JsonNode report(Path out) {
        try {
            return new ObjectMapper().readTree(out.resolve("report.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** criterion id → outcome, from report.json. */
    public static Map<String, String> outcomes(JsonNode report) {
        Map<String, String> outcomes = new LinkedHashMap<>();
        report.path("criteria").forEach(c -> outcomes.put(c.path("id").asText(), c.path("outcome").asText()));
        return outcomes;
    }

    /**
     * Regrades the evidence offline ({@code grade evidence}) as an instructor would, and asserts that the report
     * is exactly the live one, but for the time it was made.
     */
    public void assertRegradeEqualsLive(int expectedExit) {
        Commands.Result regrade = run("grade", "evidence", "--lang", "en", "--out", "regrade");
        org.assertj.core.api.Assertions.assertThat(regrade.exitCode()).as(regrade.all()).isEqualTo(expectedExit);
        org.assertj.core.api.Assertions.assertThat(withoutTime(report(dir.resolve("regrade")))).isEqualTo(withoutTime(report()));
        assertGermanWithoutEnglish(expectedExit);
    }

    /** Grades the same evidence in German: the console, report.json and report.md hold no English of labgrader's own. */
    public void assertGermanWithoutEnglish(int expectedExit) {
        Commands.Result german = run("grade", "evidence", "--lang", "de", "--out", "regrade-de");
        org.assertj.core.api.Assertions.assertThat(german.exitCode()).as(german.all()).isEqualTo(expectedExit);
        StringBuilder shown = new StringBuilder(german.all()).append('\n');
        JsonNode report = report(dir.resolve("regrade-de"));
        org.assertj.core.api.Assertions.assertThat(report.path("language").asText()).isEqualTo("de");
        report.path("criteria").forEach(c -> shown.append(c.path("title").asText()).append('\n')
                .append(c.path("message").asText()).append('\n').append(c.path("hint").asText()).append('\n'));
        try {
            shown.append(java.nio.file.Files.readString(dir.resolve("regrade-de").resolve("report.md")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        org.assertj.core.api.Assertions.assertThat(GermanLeaks.in(shown.toString()))
                .as("English fragments in the German grading of %s:%n%s", dir, shown).isEmpty();
    }

    private static JsonNode withoutTime(JsonNode report) {
        com.fasterxml.jackson.databind.node.ObjectNode copy = report.deepCopy();
        copy.remove("gradedAt");
        return copy;
    }

    public static String message(JsonNode report, String id) {
        for (JsonNode c : report.path("criteria")) {
            if (c.path("id").asText().equals(id)) {
                return c.path("message").asText();
            }
        }
        throw new AssertionError("no criterion " + id + " in report");
    }
}
