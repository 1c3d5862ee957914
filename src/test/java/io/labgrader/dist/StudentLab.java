package io.labgrader.dist;

import com.fasterxml.jackson.databind.JsonNode;
import io.labgrader.testing.Await;
import io.labgrader.testing.Commands;
import io.labgrader.testing.LabDocker;
import io.labgrader.testing.Labgrader;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.labgrader.testing.Commands.dockerOk;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Docker part of the lab, done with the docker CLI on the test's engine while a downloaded labgrader (in a
 * {@link StudentMachine}) checks or watches, and what its report must then say. The download's own rubric counts
 * (100 points); the container has no hypervisor, so the Docker section's 65 are the score.
 */
final class StudentLab {

    static final Map<String, String> DOCKER_ALL_PASSED = Map.of(
            "docker.engine", "PASSED", "docker.hello-world", "PASSED", "docker.nginx-detached", "PASSED",
            "docker.nginx-port", "PASSED", "docker.nginx-answers", "PASSED", "docker.nginx-stopped", "PASSED",
            "docker.nginx-removed", "PASSED");

    private final StudentMachine machine;
    private final Path folder;
    /** how the student starts labgrader in that folder, e.g. "./labgrader" */
    private final String labgrader;
    /** only this lab's events count, not what earlier tests left in the engine's history */
    private final String since = Instant.now().toString();

    StudentLab(StudentMachine machine, Path folder, String labgrader) {
        this.machine = machine;
        this.folder = folder;
        this.labgrader = labgrader;
    }

    Commands.Result labgrader(String args) {
        return machine.sh(labgrader + " " + args);
    }

    Commands.Result check() {
        return labgrader("check --lang en --events-since " + since);
    }

    /** The same check in a JVM of its own, never handed to a check server. */
    Commands.Result checkWithoutServer() {
        return machine.sh("LABGRADER_SERVER=off " + labgrader + " check --lang en --events-since " + since);
    }

    /** hello-world, then nginx detached on 8080 until it answers, as the lab sheet says. */
    void runHelloWorldAndNginx() {
        dockerOk("run", "hello-world");
        dockerOk("run", "-d", "-p", "8080:80", "--name", "web", "nginx:latest");
        assertThat(LabDocker.awaitHttp(8080, Duration.ofSeconds(20))).isEqualTo(200);
    }

    void stopAndRemoveNginx() {
        dockerOk("stop", "web");
        dockerOk("rm", "web");
    }

    /** The whole lab with a check while nginx runs and one after removing it; returns the second check. */
    Commands.Result doTheLabWithChecks() {
        runHelloWorldAndNginx();
        Commands.Result running = check();
        assertThat(running.exitCode()).as(running.all()).isZero();
        stopAndRemoveNginx();
        return check();
    }

    /** The whole lab under `labgrader watch`, ended with SIGINT (Ctrl-C) as a student ends it. */
    void doTheLabUnderWatch() throws InterruptedException {
        Process watch = machine.startSh("echo $$ > watch.pid; exec " + labgrader + " watch --lang en --events-since "
                + since + " > watch.out 2> watch.err");
        try {
            Await.fileContains(folder.resolve("watch.err"), "watching", Duration.ofSeconds(60));
            runHelloWorldAndNginx();
            Await.fileContains(journal(), "\"type\":\"http.probe\"", Duration.ofSeconds(30));
            stopAndRemoveNginx();
            Await.fileContains(journal(), "\"action\":\"destroy\"", Duration.ofSeconds(30));
            Commands.Result kill = machine.sh("kill -INT \"$(cat watch.pid)\"");
            assertThat(kill.exitCode()).as(kill.all()).isZero();
            assertThat(watch.waitFor(60, TimeUnit.SECONDS)).as("watch ends after Ctrl-C").isTrue();
        } finally {
            watch.destroyForcibly();
        }
        Await.fileContains(folder.resolve("watch.out"), "65 / 100", Duration.ofSeconds(5));
    }

    private Path journal() {
        return folder.resolve("evidence").resolve("journal.jsonl");
    }

    /** The report says what a careful grader says: every Docker criterion passed, 65 of the download's 100 points. */
    JsonNode assertDockerSectionGraded() {
        JsonNode report = Labgrader.report(folder.resolve("report"));
        assertThat(Labgrader.outcomes(report)).as(report.toPrettyString()).containsAllEntriesOf(DOCKER_ALL_PASSED);
        assertThat(report.path("score").asInt()).as(report.toPrettyString()).isEqualTo(65);
        assertThat(report.path("maxScore").asInt()).isEqualTo(100);
        return report;
    }

    /** A student's machine: neither Maven nor git nor a downloader is there to be called. */
    void assertNoBuildOrDownloadTools() {
        Commands.Result tools = machine.sh("for t in mvn git curl wget; do command -v $t; done; true");
        assertThat(tools.stdout()).as("build or download tools on the student's machine").isBlank();
    }
}
