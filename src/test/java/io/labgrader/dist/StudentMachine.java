package io.labgrader.dist;

import io.labgrader.testing.Commands;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A student's computer: a clean Debian container (scripts/prepare-test-images.sh) that runs until closed, with one
 * folder of the test mounted at the same path, the engine's socket mounted as Docker Desktop or a Linux engine
 * gives it, and the host's network, so that labgrader's probe of port 8080 reaches the port the engine publishes.
 * Commands run in it one after another (docker exec), so what one leaves (the class-data archive in ~/.cache) is
 * there for the next, as on a laptop.
 */
final class StudentMachine implements AutoCloseable {

    private final String container;
    private Path workdir;

    private StudentMachine(String container, Path workdir) {
        this.container = container;
        this.workdir = workdir;
    }

    /** Where later commands run, as a student's `cd` into the unpacked download. */
    StudentMachine cd(Path folder) {
        this.workdir = folder;
        return this;
    }

    static StudentMachine start(String image, Path folder) {
        return start(image, folder, List.of());
    }

    /** With more of `docker run`'s options, e.g. a Java installed from the host (a -v and an -e). */
    static StudentMachine start(String image, Path folder, List<String> runOptions) {
        String name = "labgrader-student-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        List<String> run = new ArrayList<>(List.of("run", "-d", "--name", name, "--network", "host",
                "-v", "/var/run/docker.sock:/var/run/docker.sock",
                "-v", folder + ":" + folder, "-w", folder.toString()));
        run.addAll(runOptions);
        run.addAll(List.of(image, "sleep", "infinity"));
        Commands.dockerOk(run.toArray(String[]::new));
        return new StudentMachine(name, folder);
    }

    /** Runs a shell command line (POSIX sh) in the container, in the current folder; bounded by two minutes. */
    Commands.Result sh(String commandLine) {
        return Commands.run(null, Map.of(), Duration.ofMinutes(2), command(commandLine));
    }

    /** Starts a shell command line in the container without waiting (e.g. labgrader watch). */
    Process startSh(String commandLine) {
        try {
            return new ProcessBuilder(command(commandLine)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> command(String commandLine) {
        return new ArrayList<>(List.of("docker", "exec", "-w", workdir.toString(), container, "sh", "-c", commandLine));
    }

    @Override
    public void close() {
        Commands.docker("rm", "-f", container);
    }
}
