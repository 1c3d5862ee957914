package io.labgrader.lab;

import com.fasterxml.jackson.databind.JsonNode;
import io.labgrader.testing.Await;
import io.labgrader.testing.Commands;
import io.labgrader.testing.LabDocker;
import io.labgrader.testing.Labgrader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.labgrader.testing.Commands.dockerOk;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Your comparison" on the real Docker Engine: a student does the lab while {@code labgrader watch} runs, and the
 * report shows the container's start-to-answer time, hello-world's life, the engine's one-shot stats, the image
 * sizes and the engine's kernel, each with its source and time. The offline regrade shows the same figures.
 */
class ComparisonLiveTest {

    @TempDir
    Path dir;
    Labgrader labgrader;

    @BeforeEach
    void cleanEngine() {
        LabDocker.removeLabContainers();
        labgrader = new Labgrader(dir, "docker");
    }

    @AfterEach
    void removeContainers() {
        LabDocker.removeLabContainers();
    }

    @Test
    @DisplayName("watch records a start-to-answer time below 5 s and a memory figure from the engine's stats; the regrade shows the same")
    void watchMeasuresTheContainer() throws Exception {
        Process watch = labgrader.start("watch", "--lang", "en", "--events-since", Instant.now().toString());
        try {
            Await.fileContains(dir.resolve("watch.err"), "watching", Duration.ofSeconds(30));
            dockerOk("run", "hello-world");
            dockerOk("run", "-d", "-p", "8080:80", "--name", "web", "nginx:latest");
            assertThat(LabDocker.awaitHttp(8080, Duration.ofSeconds(20))).isEqualTo(200);
            // the stats are read once the port has answered, while nginx runs
            Await.fileContains(dir.resolve("evidence").resolve("journal.jsonl"), "\"type\":\"docker.stats\"", Duration.ofSeconds(20));
            dockerOk("stop", "web");
            dockerOk("rm", "web");
            Await.fileContains(dir.resolve("evidence").resolve("journal.jsonl"), "\"action\":\"destroy\"", Duration.ofSeconds(20));
            Commands.run(null, Map.of(), Duration.ofSeconds(10), List.of("kill", "-INT", String.valueOf(watch.pid())));
            assertThat(watch.waitFor(60, TimeUnit.SECONDS)).as("watch ends after Ctrl-C").isTrue();
        } finally {
            watch.destroyForcibly();
        }

        JsonNode comparison = labgrader.report().path("comparison");
        JsonNode start = figure(comparison, "container.start-to-answer");
        assertThat(start.path("unit").asText()).as(start.toPrettyString()).isEqualTo("ms");
        assertThat(start.path("number").asDouble()).as("start to first HTTP 200 in ms").isPositive().isLessThan(5000);
        assertThat(start.path("source").asText()).contains("docker event start").contains("(watch)");
        assertThat(start.path("subject").asText()).isEqualTo("web (nginx:latest)");

        JsonNode memory = figure(comparison, "container.memory");
        System.out.printf("comparison test: start to first answer %s, nginx memory %s, hello-world's life %s%n",
                start.path("value").asText(), memory.path("value").asText(),
                figure(comparison, "container.hello-world-life").path("value").asText());
        assertThat(memory.path("number").asDouble()).as(memory.toPrettyString()).isPositive().isLessThan(512.0 * 1024 * 1024);
        assertThat(memory.path("source").asText()).startsWith("GET /containers/{id}/stats?stream=false");
        assertThat(memory.path("at").asText()).isNotBlank();
        try (var raw = Files.list(dir.resolve("evidence").resolve("raw"))) {
            assertThat(raw.map(p -> p.getFileName().toString())).as("the engine's stats kept as it gave them")
                    .anyMatch(n -> n.contains("-stats-") && n.endsWith(".json"));
        }

        assertThat(figure(comparison, "container.hello-world-life").path("number").asDouble()).isPositive().isLessThan(60_000);
        assertThat(figure(comparison, "image.nginx").path("number").asDouble()).isGreaterThan(1_000_000);
        assertThat(figure(comparison, "image.hello-world").path("number").asDouble()).isPositive();
        assertThat(figure(comparison, "container.cpu").path("value").asText()).startsWith("no limit: shares the host's");
        // isolation as observed: the container's kernel is the host's
        String hostKernel = Commands.run(null, Map.of(), Duration.ofSeconds(5), List.of("uname", "-r")).stdout().strip();
        if (LabDocker.engineIsLocal()) {
            assertThat(figure(comparison, "container.kernel").path("value").asText()).isEqualTo(hostKernel);
        }
        assertThat(Files.readString(dir.resolve("watch.out"))).contains("Your comparison:")
                .contains("Start to first answer (HTTP 200): " + start.path("value").asText());

        labgrader.assertRegradeEqualsLive(0);
        Commands.Result german = labgrader.run("grade", "evidence", "--lang", "de", "--out", "regrade-de");
        assertThat(german.exitCode()).as(german.all()).isZero();
        JsonNode again = figure(Labgrader.report(dir.resolve("regrade-de")).path("comparison"), "container.start-to-answer");
        assertThat(again.path("number").asDouble()).isEqualTo(start.path("number").asDouble());
        assertThat(german.stdout()).contains("Ihr Vergleich:").contains("Start bis zur ersten Antwort (HTTP 200)");
        assertThat(Files.readString(dir.resolve("regrade-de").resolve("report.md"))).contains("### Ihr Vergleich");
    }

    @Test
    @DisplayName("check while nginx runs records the engine's stats; with no watch there is a dash for the start, with what to do")
    void checkMeasuresMemoryButNoStart() {
        dockerOk("run", "-d", "-p", "8080:80", "--name", "web", "--cpus", "1.5", "nginx:latest");
        assertThat(LabDocker.awaitHttp(8080, Duration.ofSeconds(20))).isEqualTo(200);
        Commands.Result check = labgrader.run("check", "--lang", "en", "--events-since", Instant.now().minusSeconds(60).toString());
        assertThat(check.exitCode()).as(check.all()).isZero();

        JsonNode comparison = labgrader.report().path("comparison");
        assertThat(figure(comparison, "container.memory").path("number").asDouble()).isPositive();
        assertThat(figure(comparison, "container.memory").path("source").asText()).endsWith("(check)");
        JsonNode cpu = figure(comparison, "container.cpu");
        assertThat(cpu.path("number").asDouble()).as("--cpus 1.5 as HostConfig.NanoCpus").isEqualTo(1.5);
        assertThat(cpu.path("value").asText()).isEqualTo("1.50 CPUs");
        JsonNode start = figure(comparison, "container.start-to-answer");
        assertThat(start.path("value").asText()).isEqualTo("-");
        assertThat(start.path("note").asText()).isEqualTo("No start with an answer observed: start nginx while \"labgrader watch\" runs.");
        assertThat(check.stdout()).contains("Your comparison:").contains("Start to first answer (HTTP 200): -");
        labgrader.assertRegradeEqualsLive(0);
    }

    static JsonNode figure(JsonNode comparison, String key) {
        for (JsonNode row : comparison.path("rows")) {
            for (String side : List.of("container", "vm")) {
                for (JsonNode f : row.path(side)) {
                    if (f.path("key").asText().equals(key)) {
                        return f;
                    }
                }
            }
        }
        throw new AssertionError("expected a figure " + key + " in the comparison, but found none in " + comparison.toPrettyString());
    }
}
