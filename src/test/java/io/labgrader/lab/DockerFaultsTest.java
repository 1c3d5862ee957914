package io.labgrader.lab;

import com.fasterxml.jackson.databind.JsonNode;
import io.labgrader.testing.Commands;
import io.labgrader.testing.HungEngine;
import io.labgrader.testing.LabDocker;
import io.labgrader.testing.Labgrader;
import io.labgrader.testing.Trees;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.labgrader.testing.Commands.dockerOk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Faults of the environment: each gets a clear outcome in seconds, never a stack trace. */
class DockerFaultsTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("an engine that accepts connections and never answers: NOT_GRADABLE within seconds, exit 3")
    void engineThatNeverAnswers() throws Exception {
        Path socket = dir.resolve("hung.sock");
        try (HungEngine engine = HungEngine.at(socket)) {
            Labgrader labgrader = new Labgrader(dir.resolve("student").toFile().mkdirs() ? dir.resolve("student") : dir, "docker")
                    .env("DOCKER_HOST", engine.dockerHost());
            long start = System.nanoTime();
            Commands.Result result = labgrader.run("check", "--lang", "en");
            double seconds = (System.nanoTime() - start) / 1e9;

            assertThat(result.exitCode()).as(result.all()).isEqualTo(3);
            assertThat(seconds).as("bounded in time").isLessThan(30);
            JsonNode report = labgrader.report();
            assertThat(Labgrader.message(report, "docker.engine"))
                    .startsWith("The Docker Engine was not reachable. Tried: unix://" + socket + " (no answer within ")
                    .endsWith("The Docker Engine accepts connections but does not answer. Restart Docker.");
            assertThat(result.all()).doesNotContain("Exception", "\tat ");
            labgrader.assertGermanWithoutEnglish(3);
        }
    }

    @Test
    @DisplayName("permission denied on the socket (a user outside the docker group): NOT_GRADABLE with the usermod advice")
    void permissionDenied() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root to run labgrader as another user");
        Path socket = Path.of("/var/run/docker.sock");
        assumeTrue(Files.exists(socket) && LabDocker.engineIsLocal(), "needs the engine's socket on this machine");
        // the unprivileged user must be able to read labgrader's classes: copy the classpath where it can
        Path cp = Files.createDirectories(dir.resolve("cp"));
        List<String> entries = new ArrayList<>();
        int i = 0;
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path source = Path.of(entry);
            if (!Files.exists(source)) {
                continue;
            }
            Path target = cp.resolve(i++ + "-" + source.getFileName());
            copyTree(source, target);
            entries.add(target.toString());
        }
        Path student = Files.createDirectories(dir.resolve("student"));
        Files.writeString(student.resolve("rubric.yml"),
                io.labgrader.testing.RubricSections.only(Files.readString(Path.of("rubric.yml")), "docker"));
        Commands.run(null, Map.of(), Duration.ofSeconds(10), List.of("chmod", "-R", "a+rwX", dir.toString()));
        List<String> command = new ArrayList<>(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", String.join(":", entries),
                "io.labgrader.cli.Main", "check", "--lang", "en"));
        Commands.Result result = Commands.run(student, Map.of("HOME", student.toString()), Duration.ofSeconds(60), command);

        assertThat(result.exitCode()).as(result.all()).isEqualTo(3);
        JsonNode report = Labgrader.report(student.resolve("report"));
        assertThat(Labgrader.message(report, "docker.engine"))
                .contains("unix:///var/run/docker.sock (")
                .contains("ermission denied")
                .endsWith("Your user may not use the Docker socket: \"sudo usermod -aG docker $USER\", then log out and in again.");
        assertThat(result.all()).doesNotContain("Exception", "\tat ");
    }

    @Test
    @DisplayName("the engine restarted mid-lab: its event history is lost, and the stop is NOT_GRADABLE with what to do")
    void engineRestartedMidLab() throws Exception {
        Path pidFile = Path.of("/var/run/labgrader-dockerd.pid");
        assumeTrue(Files.exists(pidFile), "needs an engine started by scripts/prepare-docker.sh, which can be restarted");
        LabDocker.removeLabContainers();
        Labgrader labgrader = new Labgrader(dir, "docker");
        String since = Instant.now().toString();
        try {
            dockerOk("run", "hello-world");
            String id = dockerOk("run", "-d", "-p", "8080:80", "--name", "web", "nginx:latest").substring(0, 12);
            LabDocker.awaitHttp(8080, Duration.ofSeconds(20));
            assertThat(labgrader.run("check", "--lang", "en", "--events-since", since).exitCode()).isZero();

            Commands.Result stop = Commands.run(null, Map.of(), Duration.ofSeconds(90), List.of("scripts/stop-docker.sh"));
            assertThat(stop.exitCode()).as(stop.all()).isZero();
            Commands.Result start = Commands.run(null, Map.of(), Duration.ofSeconds(180), List.of("scripts/prepare-docker.sh"));
            assertThat(start.exitCode()).as(start.all()).isZero();
            dockerOk("rm", "web");
            Commands.Result check = labgrader.run("check", "--lang", "en", "--events-since", since);

            assertThat(check.exitCode()).as(check.all()).isZero();
            JsonNode report = labgrader.report();
            assertThat(Labgrader.outcomes(report)).containsEntry("docker.nginx-answers", "PASSED")
                    .containsEntry("docker.nginx-stopped", "NOT_GRADABLE")
                    .containsEntry("docker.nginx-removed", "PASSED");
            assertThat(Labgrader.message(report, "docker.nginx-stopped")).isEqualTo("How container 'web' (" + id
                    + ") ended is not on record: the Docker events that would show it are missing (Docker was restarted,"
                    + " or more than 256 events happened since the last \"labgrader check\"). Repeat steps 2 and 3 while"
                    + " \"labgrader watch\" runs.");
            labgrader.assertGermanWithoutEnglish(0);
        } finally {
            LabDocker.removeLabContainers();
        }
    }

    private static void copyTree(Path source, Path target) throws IOException {
        if (Files.isRegularFile(source)) {
            Files.copy(source, target);
            return;
        }
        Trees.copy(source, target);
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
