package io.labgrader.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a real command the way a student or CI would, bounded in time. */
public final class Commands {

    public record Result(int exitCode, String stdout, String stderr) {
        public String all() {
            return stdout + stderr;
        }
    }

    private Commands() {
    }

    public static Result run(Path dir, Map<String, String> env, Duration timeout, List<String> command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command);
            if (dir != null) {
                builder.directory(dir.toFile());
            }
            environment(builder, env);
            Path out = java.nio.file.Files.createTempFile("cmd", ".out");
            Path err = java.nio.file.Files.createTempFile("cmd", ".err");
            builder.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError("command did not finish within " + timeout + ": " + command);
            }
            Result result = new Result(process.exitValue(), java.nio.file.Files.readString(out, StandardCharsets.UTF_8),
                    java.nio.file.Files.readString(err, StandardCharsets.UTF_8));
            java.nio.file.Files.deleteIfExists(out);
            java.nio.file.Files.deleteIfExists(err);
            return result;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Adds env to the process's environment; a null value removes the variable, e.g. a DOCKER_HOST a scenario must not see. */
    public static void environment(ProcessBuilder builder, Map<String, String> env) {
        env.forEach((key, value) -> {
            if (value == null) {
                builder.environment().remove(key);
            } else {
                builder.environment().put(key, value);
            }
        });
    }

    public static Result docker(String... args) {
        List<String> command = new ArrayList<>();
        command.add("docker");
        command.addAll(List.of(args));
        return run(null, Map.of(), Duration.ofSeconds(60), command);
    }

    /** Like {@link #docker}, but the command must succeed. */
    public static String dockerOk(String... args) {
        Result r = docker(args);
        if (r.exitCode() != 0) {
            throw new AssertionError("docker " + String.join(" ", args) + " failed with " + r.exitCode() + ": " + r.stderr());
        }
        return r.stdout().strip();
    }
}
