package io.labgrader.lab;

import com.fasterxml.jackson.databind.JsonNode;
import io.labgrader.testing.Await;
import io.labgrader.testing.Commands;
import io.labgrader.testing.LabDocker;
import io.labgrader.testing.Labgrader;
import io.labgrader.testing.PodmanService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.labgrader.testing.PodmanService.podmanOk;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lab done with Podman instead of Docker (Debian's podman 4.3.1, its Docker-compatible API from
 * {@code podman system service}), graded live through DOCKER_HOST and regraded offline with the same result.
 * Podman differs from Docker where the grader looks: it names the images localhost/nginx:latest, its events say
 * "remove" for "destroy", "podman stop" usually leaves no stop event, and its /info ID changes on every call.
 */
class PodmanScenarioTest {

    static PodmanService service;

    @TempDir
    Path dir;
    Labgrader labgrader;
    String since;

    @BeforeAll
    static void startService() throws IOException {
        service = PodmanService.start();
    }

    @AfterAll
    static void stopService() {
        if (service != null) {
            service.close();
        }
    }

    @BeforeEach
    void cleanPodman() {
        PodmanService.removeLabContainers();
        labgrader = new Labgrader(dir, "docker").env("DOCKER_HOST", PodmanService.HOST);
        since = Instant.now().toString();
    }

    @AfterEach
    void removeContainers() {
        PodmanService.removeLabContainers();
    }

    private Commands.Result check() {
        Commands.Result r = labgrader.run("check", "--lang", "en", "--events-since", since);
        assertThat(r.exitCode()).as(r.all()).isZero();
        return r;
    }

    /** podman run -d -p 8080:80 --name web nginx:latest, then waits until nginx answers; returns the short id. */
    private String startNginx() {
        String id = podmanOk("run", "-d", "-p", "8080:80", "--name", "web", "nginx:latest").substring(0, 12);
        assertThat(LabDocker.awaitHttp(8080, Duration.ofSeconds(20))).isEqualTo(200);
        return id;
    }

    @Test
    @DisplayName("the full lab with podman run, stop and rm, checked while nginx runs and after: 65 of 65, as Podman")
    void fullLab() throws IOException {
        assertThat(podmanOk("run", "hello-world")).contains("Hello from Docker!");
        startNginx();
        check();
        podmanOk("stop", "web");
        podmanOk("rm", "web");
        Commands.Result second = check();

        JsonNode report = labgrader.report();
        assertThat(Labgrader.outcomes(report)).as(report.toPrettyString()).containsExactly(
                Map.entry("docker.engine", "PASSED"),
                Map.entry("docker.hello-world", "PASSED"),
                Map.entry("docker.nginx-detached", "PASSED"),
                Map.entry("docker.nginx-port", "PASSED"),
                Map.entry("docker.nginx-answers", "PASSED"),
                Map.entry("docker.nginx-stopped", "PASSED"),
                Map.entry("docker.nginx-removed", "PASSED"));
        assertThat(second.stdout()).contains("65 / 65");
        String journal = Files.readString(dir.resolve("evidence/journal.jsonl"));
        assertThat(journal).as("the engine is recorded as Podman, without its made-up ID")
                .contains("\"product\":\"Podman Engine\"", "\"daemonId\":\"\"")
                .as("Podman's own event name for a removal").contains("\"action\":\"remove\"");
        assertRegradeEqualsLive();
    }

    @Test
    @DisplayName("the full lab with podman under watch, ended with SIGINT: 65 of 65, no check needed")
    void fullLabUnderWatch() throws Exception {
        Process watch = labgrader.start("watch", "--lang", "en", "--events-since", since);
        try {
            Await.fileContains(dir.resolve("watch.err"), "watching", Duration.ofSeconds(30));
            podmanOk("run", "hello-world");
            startNginx();
            Await.fileContains(dir.resolve("evidence/journal.jsonl"), "\"type\":\"http.probe\"", Duration.ofSeconds(20));
            podmanOk("stop", "web");
            podmanOk("rm", "web");
            Await.fileContains(dir.resolve("evidence/journal.jsonl"), "\"action\":\"remove\"", Duration.ofSeconds(20));
            Commands.run(null, Map.of(), Duration.ofSeconds(10), List.of("kill", "-INT", String.valueOf(watch.pid())));
            assertThat(watch.waitFor(60, TimeUnit.SECONDS)).as("watch ends after SIGINT").isTrue();
        } finally {
            watch.destroyForcibly();
        }
        JsonNode report = labgrader.report();
        assertThat(report.path("score").asInt()).as(report.toPrettyString()).isEqualTo(65);
        assertRegradeEqualsLive();
    }

    @Test
    @DisplayName("podman kill instead of podman stop: the stop fails as killed with SIGKILL, the removal passes")
    void killedNotStopped() {
        podmanOk("run", "hello-world");
        String id = startNginx();
        check();
        podmanOk("kill", "web");
        podmanOk("rm", "web");
        check();

        JsonNode report = labgrader.report();
        assertThat(Labgrader.outcomes(report)).containsEntry("docker.nginx-answers", "PASSED")
                .containsEntry("docker.nginx-stopped", "FAILED")
                .containsEntry("docker.nginx-removed", "PASSED");
        assertThat(Labgrader.message(report, "docker.nginx-stopped")).isEqualTo(
                "Expected a graceful stop with \"docker stop\", but 'web' (" + id
                        + ") was killed with SIGKILL (podman kill), without a stop event.");
        assertRegradeEqualsLive();
    }

    @Test
    @DisplayName("podman rm -f: unlike docker rm -f it sends the stop signal and waits (podman-rm --time), so nginx stops gracefully and both pass")
    void podmanRemoveForceStopsGracefully() throws IOException {
        podmanOk("run", "hello-world");
        startNginx();
        check();
        podmanOk("rm", "-f", "web");
        check();

        JsonNode report = labgrader.report();
        assertThat(Labgrader.outcomes(report)).containsEntry("docker.nginx-stopped", "PASSED")
                .containsEntry("docker.nginx-removed", "PASSED");
        assertThat(Files.readString(dir.resolve("evidence/journal.jsonl")))
                .as("nginx ended on its stop signal, not on SIGKILL").contains("\"action\":\"die\"").doesNotContain("\"exitCode\":137");
        assertRegradeEqualsLive();
    }

    @Test
    @DisplayName("stopped with podman stop but not removed: the removal fails, naming the container left behind")
    void stoppedNotRemoved() {
        podmanOk("run", "hello-world");
        startNginx();
        check();
        podmanOk("stop", "web");
        check();

        JsonNode report = labgrader.report();
        assertThat(Labgrader.outcomes(report)).containsEntry("docker.nginx-stopped", "PASSED")
                .containsEntry("docker.nginx-removed", "FAILED");
        assertThat(Labgrader.message(report, "docker.nginx-removed"))
                .isEqualTo("Expected no container of image nginx:latest left, but found 'web' (exited).");
        assertRegradeEqualsLive();
    }

    private void assertRegradeEqualsLive() {
        labgrader.assertRegradeEqualsLive(0);
    }
}
