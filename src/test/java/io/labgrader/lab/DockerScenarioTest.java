package io.labgrader.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.labgrader.testing.Await;
import io.labgrader.testing.Commands;
import io.labgrader.testing.LabDocker;
import io.labgrader.testing.Labgrader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.labgrader.testing.Commands.docker;
import static io.labgrader.testing.Commands.dockerOk;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Does what students do, on the real Docker Engine with the real nginx:latest and hello-world images, runs
 * labgrader as a separate process like a student does, and checks the report. Every scenario then regrades its
 * evidence offline and expects exactly the live result.
 */
class DockerScenarioTest {

    @TempDir
    Path dir;
    Labgrader labgrader;
    String since;

    @BeforeEach
    void cleanEngine() {
        LabDocker.removeLabContainers();
        labgrader = new Labgrader(dir, "docker");
        // only what this scenario does counts, not what earlier scenarios left in the engine's event history
        since = Instant.now().toString();
    }

    @AfterEach
    void removeContainers() {
        LabDocker.removeLabContainers();
    }

    private Commands.Result check() {
        return labgrader.run("check", "--lang", "en", "--events-since", since);
    }

    /** The second half of the lab as a careful student does it: check while nginx runs, then after removing it. */
    private void checkThenStopRemoveAndCheckAgain() {
        Commands.Result running = check();
        assertThat(running.exitCode()).as(running.all()).isZero();
        dockerOk("stop", "web");
        dockerOk("rm", "web");
        Commands.Result removed = check();
        assertThat(removed.exitCode()).as(removed.all()).isZero();
    }

    /** Starts nginx:latest as container "web", detached; returns its short id as messages show it. */
    private String startNginx(String... extra) {
        String[] args = new String[extra.length + 4];
        args[0] = "run";
        args[1] = "-d";
        System.arraycopy(extra, 0, args, 2, extra.length);
        args[extra.length + 2] = "--name";
        args[extra.length + 3] = "web";
        String[] full = java.util.Arrays.copyOf(args, args.length + 1);
        full[args.length] = "nginx:latest";
        return dockerOk(full).substring(0, 12);
    }

    @Test
    @DisplayName("the full lab, with check while nginx runs and again after removing it: 65 of 65")
    void fullLab() {
        dockerOk("run", "hello-world");
        startNginx("-p", "8080:80");
        assertThat(LabDocker.awaitHttp(8080, Duration.ofSeconds(20))).isEqualTo(200);
        Commands.Result first = check();
        assertThat(first.exitCode()).as(first.all()).isZero();
        dockerOk("stop", "web");
        dockerOk("rm", "web");
        Commands.Result second = check();

        assertThat(second.exitCode()).as(second.all()).isZero();
        JsonNode report = labgrader.report();
        assertThat(Labgrader.outcomes(report)).containsExactly(
                Map.entry("docker.engine", "PASSED"),
                Map.entry("docker.hello-world", "PASSED"),
                Map.entry("docker.nginx-detached", "PASSED"),
                Map.entry("docker.nginx-port", "PASSED"),
                Map.entry("docker.nginx-answers", "PASSED"),
                Map.entry("docker.nginx-stopped", "PASSED"),
                Map.entry("docker.nginx-removed", "PASSED"));
        assertThat(report.path("score").asInt()).isEqualTo(65);
        assertThat(report.path("maxScore").asInt()).isEqualTo(65);
        assertThat(second.stdout()).contains("65 / 65");
        assertRegradeEqualsLive();
    }

    @Test
    @DisplayName("the full lab under watch, ended with Ctrl-C (SIGINT): 65 of 65, no check needed")
    void fullLabUnderWatch() throws Exception {
        Process watch = labgrader.start("watch", "--lang", "en", "--events-since", since);
        try {
            doTheLabWhileWatching(watch);
        } finally {
            watch.destroyForcibly();
        }
        JsonNode report = labgrader.report();
        assertThat(report.path("score").asInt()).as(report.toPrettyString()).isEqualTo(65);
        assertThat(Files.readString(dir.resolve("watch.out"))).contains("65 / 65");
        // watch reads the engine's event history again when it ends; each event it saw live is journaled once
        java.util.List<String> eventKeys = Files.readAllLines(dir.resolve("evidence").resolve("journal.jsonl")).stream()
                .filter(l -> l.contains("\"type\":\"docker.event\""))
                .map(l -> l.replaceAll(".*\"timeNano\":(\\d+),\"action\":\"([a-z_]+)\",\"containerId\":\"([0-9a-f]+)\".*", "$1/$3/$2"))
                .toList();
        assertThat(eventKeys).as("docker.event lines of the journal").isNotEmpty().doesNotHaveDuplicates();
        assertRegradeEqualsLive();
    }

    private void doTheLabWhileWatching(Process watch) throws Exception {
        Await.fileContains(dir.resolve("watch.err"), "watching", Duration.ofSeconds(30));
        dockerOk("run", "hello-world");
        startNginx("-p", "8080:80");
        assertThat(LabDocker.awaitHttp(8080, Duration.ofSeconds(20))).isEqualTo(200);
        awaitJournal("\"type\":\"http.probe\"", Duration.ofSeconds(20));
        dockerOk("stop", "web");
        dockerOk("rm", "web");
        awaitJournal("\"action\":\"destroy\"", Duration.ofSeconds(20));
        Commands.run(null, Map.of(), Duration.ofSeconds(10), java.util.List.of("kill", "-INT", String.valueOf(watch.pid())));
        assertThat(watch.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).as("watch ends after Ctrl-C").isTrue();

        assertThat(watch.exitValue()).as(Files.readString(dir.resolve("watch.err"))).isZero();
    }

    @Test
    @DisplayName("a student who retries: a first attempt without -p removed with rm -f, then a named, tag-less, registry-qualified run: 65 of 65")
    void retriesWithOtherNamesAndSpellings() {
        dockerOk("run", "hello-world");
        dockerOk("run", "-d", "--name", "first-try", "nginx");
        dockerOk("rm", "-f", "first-try");
        dockerOk("run", "-d", "-p", "8080:80", "--name", "web", "docker.io/library/nginx");
        LabDocker.awaitHttp(8080, Duration.ofSeconds(20));
        checkThenStopRemoveAndCheckAgain();

        JsonNode report = labgrader.report();
        assertThat(report.path("score").asInt()).as(report.toPrettyString()).isEqualTo(65);
        assertRegradeEqualsLive();
    }

    @Test
    @DisplayName("docker restart is not a stop: restarted, then removed with rm -f, the stop fails")
    void restartIsNotAStop() {
        dockerOk("run", "hello-world");
        String id = startNginx("-p", "8080:80");
        LabDocker.awaitHttp(8080, Duration.ofSeconds(20));
        check();
        dockerOk("restart", "web");
        dockerOk("rm", "-f", "web");
        check();

        JsonNode report = labgrader.report();
        assertThat(Labgrader.outcomes(report)).containsEntry("docker.nginx-stopped", "FAILED")
                .containsEntry("docker.nginx-removed", "PASSED");
        assertThat(Labgrader.message(report, "docker.nginx-stopped")).isEqualTo(
                "Expected a graceful stop with \"docker stop\", but 'web' (" + id
                        + ") was killed with SIGKILL (docker rm -f), without a stop event.");
        assertRegradeEqualsLive();
    }

    @Test
    @DisplayName("port 8081 instead of 8080: the port fails, answering is blocked, stop and remove still count")
    void wrongPort() {
        dockerOk("run", "hello-world");
        String id = startNginx("-p", "8081:80");
        LabDocker.awaitHttp(8081, Duration.ofSeconds(20));
        checkThenStopRemoveAndCheckAgain();

        JsonNode report = labgrader.report();
        assertThat(Labgrader.outcomes(report)).containsEntry("docker.nginx-detached", "PASSED")
                .containsEntry("docker.nginx-port", "FAILED")
                .containsEntry("docker.nginx-answers", "BLOCKED")
                .containsEntry("docker.nginx-stopped", "PASSED")
                .containsEntry("docker.nginx-removed", "PASSED");
        assertThat(Labgrader.message(report, "docker.nginx-port"))
                .isEqualTo("Expected 8080->80/tcp (-p 8080:80) but found 8081->80/tcp on 'web' (" + id + ").");
        assertThat(report.path("score").asInt()).isEqualTo(40);
        assertRegradeEqualsLive();
    }

    @Test
    @DisplayName("stopped but not removed: removal fails, naming the container left behind")
    void stoppedNotRemoved() {
        dockerOk("run", "hello-world");
        startNginx("-p", "8080:80");
        LabDocker.awaitHttp(8080, Duration.ofSeconds(20));
        check();
        dockerOk("stop", "web");
        check();

        JsonNode report = labgrader.report();
        assertThat(Labgrader.outcomes(report)).containsEntry("docker.nginx-stopped", "PASSED")
                .containsEntry("docker.nginx-removed", "FAILED");
        assertThat(Labgrader.message(report, "docker.nginx-removed"))
                .isEqualTo("Expected no container of image nginx:latest left, but found 'web' (exited).");
        assertThat(report.path("score").asInt()).isEqualTo(55);
        assertRegradeEqualsLive();
    }

    @Test
    @DisplayName("removed with docker rm -f and never stopped: the stop fails, the removal passes")
    void removedWithForce() {
        dockerOk("run", "hello-world");
        String id = startNginx("-p", "8080:80");
        LabDocker.awaitHttp(8080, Duration.ofSeconds(20));
        check();
        dockerOk("rm", "-f", "web");
        check();

        JsonNode report = labgrader.report();
        assertThat(Labgrader.outcomes(report)).containsEntry("docker.nginx-answers", "PASSED")
                .containsEntry("docker.nginx-stopped", "FAILED")
                .containsEntry("docker.nginx-removed", "PASSED");
        assertThat(Labgrader.message(report, "docker.nginx-stopped")).isEqualTo(
                "Expected a graceful stop with \"docker stop\", but 'web' (" + id
                        + ") was killed with SIGKILL (docker rm -f), without a stop event.");
        assertThat(report.path("score").asInt()).isEqualTo(55);
        assertRegradeEqualsLive();
    }

    @Test
    @DisplayName("hello-world never run: only that criterion fails")
    void helloWorldNeverRun() {
        startNginx("-p", "8080:80");
        LabDocker.awaitHttp(8080, Duration.ofSeconds(20));
        checkThenStopRemoveAndCheckAgain();

        JsonNode report = labgrader.report();
        assertThat(Labgrader.outcomes(report)).containsEntry("docker.hello-world", "FAILED");
        assertThat(Labgrader.message(report, "docker.hello-world")).startsWith(
                "Expected a container of image hello-world:latest that exited with code 0, but found no container of that image");
        assertThat(report.path("score").asInt()).isEqualTo(55);
        assertRegradeEqualsLive();
    }

    @Test
    @DisplayName("a server that is not nginx holds port 8080: nginx cannot start, and the report says why")
    void anotherServerOn8080() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(LabDocker.engineIsLocal(),
                "the other server must hold port 8080 on the engine's own machine");
        HttpServer other = HttpServer.create(new InetSocketAddress("0.0.0.0", 8080), 0);
        other.createContext("/", exchange -> {
            byte[] page = "<html><head><title>Directory listing</title></head></html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Server", "SimpleHTTP/0.6 Python/3.11.2");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        other.start();
        try {
            dockerOk("run", "hello-world");
            Commands.Result run = docker("run", "-d", "-p", "8080:80", "--name", "web", "nginx:latest");
            assertThat(run.exitCode()).as("docker run fails while 8080 is taken").isNotZero();
            check();
        } finally {
            other.stop(0);
        }

        JsonNode report = labgrader.report();
        assertThat(Labgrader.outcomes(report)).containsEntry("docker.hello-world", "PASSED")
                .containsEntry("docker.nginx-detached", "FAILED")
                .containsEntry("docker.nginx-port", "BLOCKED")
                .containsEntry("docker.nginx-answers", "BLOCKED");
        assertThat(Labgrader.message(report, "docker.nginx-detached"))
                .contains("created but never started. Docker said: ")
                .contains("8080");
        assertThat(report.path("score").asInt()).isEqualTo(15);
        assertRegradeEqualsLive();
    }

    @Test
    @DisplayName("nginx:latest on 8080 serving a page that is not nginx's welcome page: answering fails with the title found")
    void nginxServingAnotherPage() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(LabDocker.engineIsLocal(), "bind-mounts a folder of this machine");
        Path site = Files.createDirectories(dir.resolve("site"));
        Files.writeString(site.resolve("index.html"), "<html><head><title>My own page</title></head><body>hi</body></html>");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(site, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(site.resolve("index.html"), PosixFilePermissions.fromString("rw-r--r--"));
        dockerOk("run", "hello-world");
        startNginx("-p", "8080:80", "-v", site.toAbsolutePath() + ":/usr/share/nginx/html:ro");
        LabDocker.awaitHttp(8080, Duration.ofSeconds(20));
        checkThenStopRemoveAndCheckAgain();

        JsonNode report = labgrader.report();
        assertThat(Labgrader.outcomes(report)).containsEntry("docker.nginx-port", "PASSED")
                .containsEntry("docker.nginx-answers", "FAILED");
        assertThat(Labgrader.message(report, "docker.nginx-answers")).matches(
                "Expected HTTP 200 with title \"Welcome to nginx!\" on port 8080 but found HTTP 200 with title \"My own page\", "
                        + "Server: nginx/[0-9.]+ from http://" + LabDocker.portHost() + ":8080/\\.");
        assertThat(report.path("score").asInt()).isEqualTo(50);
        assertRegradeEqualsLive();
    }

    @Test
    @DisplayName("no engine reachable: every criterion NOT_GRADABLE, exit code 3, in seconds")
    void noEngine() {
        labgrader.env("DOCKER_HOST", "unix:///tmp/labgrader-no-such-docker.sock");
        long start = System.nanoTime();
        Commands.Result result = check();
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(result.exitCode()).as(result.all()).isEqualTo(3);
        assertThat(seconds).isLessThan(30);
        JsonNode report = labgrader.report();
        assertThat(Labgrader.outcomes(report).values()).containsOnly("NOT_GRADABLE");
        assertThat(Labgrader.message(report, "docker.engine")).startsWith(
                "The Docker Engine was not reachable. Tried: unix:///tmp/labgrader-no-such-docker.sock (");
        assertThat(Labgrader.message(report, "docker.nginx-port"))
                .isEqualTo("Cannot be graded because docker.nginx-detached (nginx started detached) could not be graded.");
        assertThat(result.all()).doesNotContain("Exception", "\tat ");
        assertRegradeEqualsLive(3);
    }

    private void assertRegradeEqualsLive() {
        assertRegradeEqualsLive(0);
    }

    private void assertRegradeEqualsLive(int expectedExit) {
        labgrader.assertRegradeEqualsLive(expectedExit);
    }

    private void awaitJournal(String fragment, Duration deadline) throws IOException {
        Await.fileContains(dir.resolve("evidence").resolve("journal.jsonl"), fragment, deadline);
    }
}
