package io.labgrader.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labgrader.testing.Commands;
import io.labgrader.testing.LabDocker;
import io.labgrader.testing.Labgrader;
import io.labgrader.testing.SecondDockerd;
import io.labgrader.testing.TlsCertificates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Docker contexts for real: a second Docker Engine on its own socket, a context made for it with the real
 * {@code docker context create} and chosen with {@code docker context use}, in a configuration folder of the
 * test's own (HOME and DOCKER_CONFIG). labgrader runs as a process, as a student runs it, and must record the
 * engine the docker CLI would use: the second one, unless DOCKER_CONTEXT or DOCKER_HOST say otherwise.
 */
class DockerContextTest {

    static SecondDockerd second;
    static String secondId;
    static String mainId;
    static Path certificates;
    static String tcpHost;

    @TempDir
    Path dir;
    Path home;
    Labgrader labgrader;

    @BeforeAll
    static void startSecondEngine() throws IOException {
        assumeTrue("root".equals(System.getProperty("user.name")), "a second dockerd needs root (CI runs as root)");
        assumeTrue(LabDocker.engineIsLocal(), "the main engine must be this machine's /var/run/docker.sock");
        // the second engine also listens on tcp:// with TLS and client certificates, as a remote engine does
        certificates = TlsCertificates.create(Files.createTempDirectory("lg-tls-"));
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        tcpHost = "tcp://127.0.0.1:" + port;
        second = SecondDockerd.start(List.of("--tlsverify", "--tlscacert " + certificates.resolve("ca.pem"),
                "--tlscert " + certificates.resolve("server-cert.pem"), "--tlskey " + certificates.resolve("server-key.pem"),
                "--host " + tcpHost));
        secondId = second.docker("info", "--format", "{{.ID}}").stdout().strip();
        mainId = Commands.dockerOk("info", "--format", "{{.ID}}");
        assertThat(secondId).as("the second engine is another engine").isNotBlank().isNotEqualTo(mainId);
    }

    @AfterAll
    static void stopSecondEngine() {
        if (second != null) {
            second.close();
        }
        // the system's engine must still publish ports: a second dockerd once took its bridge docker0 away
        Commands.Result docker0 = Commands.run(null, Map.of(), Duration.ofSeconds(10), List.of("ip", "link", "show", "docker0"));
        assertThat(docker0.exitCode()).as("docker0 after the second engine: " + docker0.all()).isZero();
        if (certificates != null) {
            Commands.run(null, Map.of(), Duration.ofSeconds(30), List.of("rm", "-rf", certificates.toString()));
        }
    }

    @BeforeEach
    void studentWithContext() throws IOException {
        home = Files.createDirectories(dir.resolve("home"));
        Path student = Files.createDirectories(dir.resolve("student"));
        labgrader = new Labgrader(student, "docker")
                .env("HOME", home.toString())
                .env("DOCKER_CONFIG", home.resolve(".docker").toString())
                .env("DOCKER_HOST", null)
                .env("DOCKER_CONTEXT", null);
        docker("context", "create", "lgtest", "--docker", "host=" + second.host());
        docker("context", "use", "lgtest");
    }

    /** The real docker CLI with the student's configuration folder and no DOCKER_HOST, as in the student's shell. */
    private Commands.Result docker(String... args) {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        Map<String, String> env = new java.util.HashMap<>();
        env.put("HOME", home.toString());
        env.put("DOCKER_CONFIG", home.resolve(".docker").toString());
        env.put("DOCKER_HOST", null);
        env.put("DOCKER_CONTEXT", null);
        Commands.Result r = Commands.run(null, env, Duration.ofSeconds(60), command);
        assertThat(r.exitCode()).as("docker %s: %s", String.join(" ", args), r.all()).isZero();
        return r;
    }

    /** The engine labgrader recorded: the last docker.engine line of the journal. */
    private JsonNode recordedEngine() throws IOException {
        JsonNode engine = null;
        for (String line : Files.readAllLines(labgrader.dir().resolve("evidence/journal.jsonl"))) {
            JsonNode o = new ObjectMapper().readTree(line);
            if ("docker.engine".equals(o.path("type").asText())) {
                engine = o;
            }
        }
        assertThat(engine).as("a docker.engine observation in the journal").isNotNull();
        return engine;
    }

    @Test
    @DisplayName("\"docker context use\" chooses the second engine: labgrader grades that one, and its hello-world passes")
    void currentContext() throws IOException {
        String id = docker("run", "--name", "ctx-hello", "hello-world").stdout();
        assertThat(id).contains("Hello from Docker!");
        try {
            Commands.Result check = labgrader.run("check", "--lang", "en");

            JsonNode engine = recordedEngine();
            assertThat(engine.path("daemonId").asText()).as(check.all()).isEqualTo(secondId);
            assertThat(engine.path("endpoint").asText()).isEqualTo("docker context \"lgtest\": " + second.host());
            assertThat(Labgrader.outcomes(labgrader.report())).containsEntry("docker.engine", "PASSED")
                    .containsEntry("docker.hello-world", "PASSED");
        } finally {
            second.docker("rm", "-f", "ctx-hello");
        }
    }

    @Test
    @DisplayName("a tcp:// context with TLS material (ca, cert, key): labgrader reaches the engine with it, and probes ports on its host")
    void tlsContext() throws IOException {
        docker("context", "create", "remote", "--docker", "host=" + tcpHost + ",ca=" + certificates.resolve("ca.pem")
                + ",cert=" + certificates.resolve("cert.pem") + ",key=" + certificates.resolve("key.pem"));
        docker("context", "use", "remote");

        Commands.Result check = labgrader.run("check", "--lang", "en");

        JsonNode engine = recordedEngine();
        assertThat(engine.path("daemonId").asText()).as(check.all()).isEqualTo(secondId);
        assertThat(engine.path("endpoint").asText()).isEqualTo("docker context \"remote\": " + tcpHost);
    }

    @Test
    @DisplayName("a tcp:// context with skip-tls-verify: the engine's certificate is not checked (no CA given), the client certificate is sent")
    void skipTlsVerifyContext() throws IOException {
        docker("context", "create", "insecure", "--docker", "host=" + tcpHost + ",skip-tls-verify=true,cert="
                + certificates.resolve("cert.pem") + ",key=" + certificates.resolve("key.pem"));

        Commands.Result check = labgrader.env("DOCKER_CONTEXT", "insecure").run("check", "--lang", "en");
        assertThat(labgrader.dir().resolve("evidence/journal.jsonl")).as(check.all()).exists();

        assertThat(recordedEngine().path("daemonId").asText()).as(check.all()).isEqualTo(secondId);
    }

    @Test
    @DisplayName("a tcp:// context without its TLS material, for an engine that requires TLS: NOT_GRADABLE, naming the context")
    void tcpContextWithoutTls() {
        docker("context", "create", "plain", "--docker", "host=" + tcpHost);

        Commands.Result check = labgrader.env("DOCKER_CONTEXT", "plain").run("check", "--lang", "en");

        assertThat(check.exitCode()).as(check.all()).isEqualTo(3);
        assertThat(Labgrader.message(labgrader.report(), "docker.engine"))
                .startsWith("The Docker Engine was not reachable. Tried: docker context \"plain\": " + tcpHost + " (");
        assertThat(check.all()).doesNotContain("Exception", "\tat ");
    }

    @Test
    @DisplayName("replay under a context: the script's docker commands reach the context's engine, the one being watched")
    void replayUnderContext() throws IOException {
        Files.writeString(labgrader.dir().resolve("lab.sh"),
                "printf '%s|%s' \"${DOCKER_CONTEXT:-}\" \"${DOCKER_HOST:-}\" > seen-by-script\ndocker run --name ctx-replay hello-world\n");
        try {
            Commands.Result replay = labgrader.run("replay", "lab.sh", "--lang", "en");

            assertThat(second.docker("ps", "-a", "--filter", "name=ctx-replay", "--format", "{{.Names}}").stdout().strip())
                    .as(replay.all()).isEqualTo("ctx-replay");
            assertThat(Commands.dockerOk("ps", "-a", "--filter", "name=ctx-replay", "--format", "{{.Names}}"))
                    .as("nothing on the main engine").isEmpty();
            assertThat(Labgrader.outcomes(labgrader.report())).containsEntry("docker.hello-world", "PASSED");
            assertThat(Files.readString(labgrader.dir().resolve("seen-by-script")))
                    .as("the context itself, so that its TLS material comes along too").isEqualTo("lgtest|");
        } finally {
            second.docker("rm", "-f", "ctx-replay");
            Commands.docker("rm", "-f", "ctx-replay");
        }
    }

    @Test
    @DisplayName("DOCKER_CONTEXT=default overrides the config's current context: the usual engine at /var/run/docker.sock")
    void dockerContextOverridesConfig() throws IOException {
        labgrader.env("DOCKER_CONTEXT", "default").run("check", "--lang", "en");

        JsonNode engine = recordedEngine();
        assertThat(engine.path("daemonId").asText()).isEqualTo(mainId);
        assertThat(engine.path("endpoint").asText()).isEqualTo("unix:///var/run/docker.sock");
    }

    @Test
    @DisplayName("DOCKER_HOST overrides both DOCKER_CONTEXT and the config's current context")
    void dockerHostOverridesBoth() throws IOException {
        labgrader.env("DOCKER_CONTEXT", "lgtest").env("DOCKER_HOST", "unix:///var/run/docker.sock").run("check", "--lang", "en");

        assertThat(recordedEngine().path("daemonId").asText()).isEqualTo(mainId);
    }

    @Test
    @DisplayName("DOCKER_CONTEXT naming a context that does not exist: NOT_GRADABLE, naming the context and what to do, exit 3")
    void unknownContext() {
        Commands.Result check = labgrader.env("DOCKER_CONTEXT", "colima").run("check", "--lang", "en");

        assertThat(check.exitCode()).as(check.all()).isEqualTo(3);
        assertThat(Labgrader.message(labgrader.report(), "docker.engine"))
                .startsWith("The Docker Engine was not reachable. Tried: docker context \"colima\" (no such context (~/.docker/contexts/meta/")
                .endsWith("The docker context chosen cannot be used (see above). \"docker context ls\" lists the contexts;"
                        + " \"docker context use <name>\" chooses another, \"docker context use default\" the usual engine.");
        assertThat(check.all()).doesNotContain("Exception", "\tat ");
    }

    @Test
    @DisplayName("the current context's engine is down: NOT_GRADABLE naming the context, and no other engine is graded instead")
    void contextEngineDown() throws IOException {
        docker("context", "create", "down", "--docker", "host=unix://" + dir.resolve("no-engine.sock"));
        docker("context", "use", "down");

        Commands.Result check = labgrader.run("check", "--lang", "de");

        assertThat(check.exitCode()).as(check.all()).isEqualTo(3);
        assertThat(Files.readString(labgrader.dir().resolve("evidence/journal.jsonl"))).doesNotContain("\"type\":\"docker.engine\"");
        assertThat(Labgrader.message(labgrader.report(), "docker.engine"))
                .startsWith("Die Docker Engine war nicht erreichbar. Versucht: docker context \"down\": unix://" + dir.resolve("no-engine.sock") + " (");
    }
}
