package io.labgrader.probe.docker;

import com.github.dockerjava.core.LocalDirectorySSLConfig;
import io.labgrader.evidence.docker.EngineUnreachable;
import io.labgrader.testing.Commands;
import io.labgrader.testing.TlsCertificates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Endpoint discovery as the docker CLI does it, against context stores written by the real docker CLI
 * ({@code docker context create} / {@code docker context use}, docker/cli cli/context/store): the rule order of
 * cli/command/cli.go resolveContextName, meta.json under contexts/meta/&lt;sha256 of the name&gt;/, and the TLS
 * material under contexts/tls/&lt;same hash&gt;/docker/.
 */
class DockerEndpointTest {

    @TempDir
    Path home;
    Map<String, String> env;

    @BeforeEach
    void freshConfig() {
        env = new HashMap<>();
        env.put("HOME", home.toString());
        env.put("DOCKER_CONFIG", home.resolve(".docker").toString());
    }

    /** Runs the real docker CLI on this test's private configuration folder (it needs no engine for contexts). */
    private void docker(String... args) {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        Commands.Result r = Commands.run(home.toFile().toPath(), env, Duration.ofSeconds(30), command);
        assertThat(r.exitCode()).as("docker %s: %s", String.join(" ", args), r.all()).isZero();
    }

    private List<DockerEndpoint> candidates() {
        return DockerEndpoint.candidates(env, home);
    }

    @Test
    @DisplayName("the context chosen with \"docker context use\" (config.json currentContext) is the only endpoint")
    void currentContextOfConfig() {
        docker("context", "create", "second", "--docker", "host=unix:///tmp/labgrader-second.sock");
        docker("context", "use", "second");

        assertThat(candidates()).singleElement().satisfies(e -> {
            assertThat(e.usable()).isTrue();
            assertThat(e.uri()).isEqualTo(URI.create("unix:///tmp/labgrader-second.sock"));
            assertThat(e.context()).isEqualTo("second");
            assertThat(e).hasToString("docker context \"second\": unix:///tmp/labgrader-second.sock");
        });
    }

    @Test
    @DisplayName("DOCKER_CONTEXT overrides config.json, and DOCKER_HOST overrides both")
    void environmentOverrides() {
        docker("context", "create", "second", "--docker", "host=unix:///tmp/labgrader-second.sock");
        docker("context", "create", "third", "--docker", "host=unix:///tmp/labgrader-third.sock");
        docker("context", "use", "second");

        env.put("DOCKER_CONTEXT", "third");
        assertThat(candidates()).extracting(DockerEndpoint::uri).containsExactly(URI.create("unix:///tmp/labgrader-third.sock"));

        env.put("DOCKER_HOST", "unix:///tmp/labgrader-host.sock");
        assertThat(candidates()).singleElement().satisfies(e -> {
            assertThat(e.uri()).isEqualTo(URI.create("unix:///tmp/labgrader-host.sock"));
            assertThat(e.context()).isNull();
        });
    }

    @Test
    @DisplayName("replay's script reaches the same engine: DOCKER_HOST names it, or DOCKER_CONTEXT with DOCKER_HOST removed")
    void scriptEnvironment() {
        env.put("DOCKER_HOST", "tcp://docker:2375");
        assertThat(candidates()).singleElement().satisfies(e -> {
            // GitLab's dind service: its published ports answer on the service's host name, not on localhost
            assertThat(e.scriptEnvironment()).containsExactly(Map.entry("DOCKER_HOST", "tcp://docker:2375"),
                    Map.entry("LABGRADER_PORT_HOST", "docker"));
            assertThat(e.scriptEnvironmentRemoved()).isEmpty();
        });

        env.remove("DOCKER_HOST");
        docker("context", "create", "second", "--docker", "host=unix:///tmp/labgrader-second.sock");
        docker("context", "use", "second");
        assertThat(candidates()).singleElement().satisfies(e -> {
            // the context, not its address: the script's docker commands then also get the context's TLS material
            assertThat(e.scriptEnvironment()).containsExactly(Map.entry("DOCKER_CONTEXT", "second"),
                    Map.entry("LABGRADER_PORT_HOST", "localhost"));
            assertThat(e.scriptEnvironmentRemoved()).containsExactly("DOCKER_HOST");
        });
    }

    @Test
    @DisplayName("\"default\" (from DOCKER_CONTEXT or config.json) means the usual sockets, Podman's among them")
    void defaultMeansUsualEndpoints() {
        docker("context", "create", "second", "--docker", "host=unix:///tmp/labgrader-second.sock");
        docker("context", "use", "second");
        env.put("DOCKER_CONTEXT", "default");
        env.put("XDG_RUNTIME_DIR", "/run/user/1000");

        assertThat(candidates()).extracting(DockerEndpoint::toString).contains(
                "unix:///var/run/docker.sock",
                "unix:///run/user/1000/docker.sock",
                "unix://" + home.resolve(".docker/run/docker.sock"),
                "unix://" + home.resolve(".colima/default/docker.sock"),
                "unix://" + home.resolve(".rd/docker.sock"),
                "unix:///run/podman/podman.sock",
                "unix:///run/user/1000/podman/podman.sock");
        assertThat(candidates()).allSatisfy(e -> assertThat(e.context()).isNull());
    }

    @Test
    @DisplayName("a context that does not exist: unusable, naming the context and what to do")
    void unknownContext() {
        env.put("DOCKER_CONTEXT", "colima");

        assertThat(candidates()).singleElement().satisfies(e -> {
            assertThat(e.usable()).isFalse();
            assertThat(e).hasToString("docker context \"colima\"");
            assertThat(e.unusable()).startsWith("no such context (~/.docker/contexts/meta/")
                    .contains("/meta.json does not exist)")
                    .contains("\"docker context ls\"", "\"docker context use default\"");
        });
    }

    @Test
    @DisplayName("an ssh:// context (docker-java has no SSH transport): unusable, with the socket forward to use instead")
    void sshContext() {
        docker("context", "create", "remote", "--docker", "host=ssh://student@lab.example");
        docker("context", "use", "remote");

        assertThat(candidates()).singleElement().satisfies(e -> {
            assertThat(e.usable()).isFalse();
            assertThat(e).hasToString("docker context \"remote\": ssh://student@lab.example");
            assertThat(e.unusable()).contains("over SSH", "ssh -nNT -L /tmp/docker.sock:/var/run/docker.sock student@lab.example",
                    "DOCKER_HOST=unix:///tmp/docker.sock");
        });
    }

    @Test
    @DisplayName("a meta.json that is not JSON: unusable, naming the file")
    void brokenMeta() throws Exception {
        docker("context", "create", "second", "--docker", "host=unix:///tmp/labgrader-second.sock");
        docker("context", "use", "second");
        try (var metas = Files.walk(home.resolve(".docker/contexts/meta"))) {
            for (Path meta : metas.filter(p -> p.getFileName().toString().equals("meta.json")).toList()) {
                Files.writeString(meta, "{\"Name\":\"second\",\"Endpoints\":{");
            }
        }

        assertThat(candidates()).singleElement().satisfies(e -> {
            assertThat(e.usable()).isFalse();
            assertThat(e.unusable()).startsWith("~/.docker/contexts/meta/").contains("/meta.json cannot be read (");
        });
    }

    @Test
    @DisplayName("a config.json that is not JSON: ignored as the docker CLI ignores it, but listed first so the student learns of it")
    void brokenConfig() throws Exception {
        Files.createDirectories(home.resolve(".docker"));
        Files.writeString(home.resolve(".docker/config.json"), "{\"currentContext\": ");

        List<DockerEndpoint> candidates = candidates();
        assertThat(candidates.get(0).usable()).isFalse();
        assertThat(candidates.get(0).unusable()).startsWith("~/.docker/config.json cannot be read (");
        assertThat(candidates.subList(1, candidates.size())).extracting(DockerEndpoint::toString).contains("unix:///var/run/docker.sock");
    }

    @Test
    @DisplayName("a tcp:// context with TLS material uses it; one with skip-tls-verify checks no certificate; ports are on its host")
    void tcpContexts() throws Exception {
        TlsCertificates.create(home); // ca.pem, cert.pem, key.pem
        docker("context", "create", "tls", "--docker", "host=tcp://engine.example:2376,ca=" + home.resolve("ca.pem")
                + ",cert=" + home.resolve("cert.pem") + ",key=" + home.resolve("key.pem"));
        docker("context", "create", "insecure", "--docker", "host=tcp://10.0.0.5:2376,skip-tls-verify=true");

        env.put("DOCKER_CONTEXT", "tls");
        DockerEndpoint tls = candidates().get(0);
        assertThat(tls.ssl()).isInstanceOf(LocalDirectorySSLConfig.class);
        assertThat(tls.ssl().getSSLContext()).as("built from the context's ca.pem, cert.pem and key.pem").isNotNull();
        assertThat(tls.portHost()).isEqualTo("engine.example");

        env.put("DOCKER_CONTEXT", "insecure");
        DockerEndpoint insecure = candidates().get(0);
        assertThat(insecure.ssl()).isInstanceOf(InsecureSSLConfig.class);
        assertThat(insecure.ssl().getSSLContext()).isNotNull();
        assertThat(insecure.portHost()).isEqualTo("10.0.0.5");
    }

    @Test
    @DisplayName("a context whose stored client key is not a key: reported as tried, naming its TLS folder, not a fault")
    void brokenTlsMaterial() throws Exception {
        TlsCertificates.create(home); // ca.pem, cert.pem, key.pem
        docker("context", "create", "insecure", "--docker", "host=tcp://127.0.0.1:9,skip-tls-verify=true,cert="
                + home.resolve("cert.pem") + ",key=" + home.resolve("key.pem"));
        try (var keys = Files.walk(home.resolve(".docker/contexts/tls"))) {
            for (Path key : keys.filter(p -> p.getFileName().toString().equals("key.pem")).toList()) {
                Files.writeString(key, "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n");
            }
        }
        env.put("DOCKER_CONTEXT", "insecure");

        assertThatThrownBy(() -> DockerConnector.connect(candidates(), Duration.ofSeconds(2), Clock.systemUTC(), "check"))
                .isInstanceOfSatisfying(DockerUnreachableException.class, e -> assertThat(e.observation().attempts())
                        .singleElement().satisfies(a -> {
                            assertThat(a.endpoint()).isEqualTo("docker context \"insecure\": tcp://127.0.0.1:9");
                            assertThat(a.detail()).contains("cannot use the TLS material of the docker context in ");
                        }));
    }

    @Test
    @DisplayName("an unusable context is reported as tried, with its reason, and nothing else is tried")
    void unusableContextIsAnAttempt() {
        env.put("DOCKER_CONTEXT", "colima");

        assertThatThrownBy(() -> DockerConnector.connect(candidates(), Duration.ofSeconds(2), Clock.systemUTC(), "check"))
                .isInstanceOfSatisfying(DockerUnreachableException.class, e -> assertThat(e.observation().attempts())
                        .singleElement().satisfies(a -> {
                            assertThat(a.endpoint()).isEqualTo("docker context \"colima\"");
                            assertThat(a.problem()).isEqualTo(EngineUnreachable.Problem.CONTEXT_UNUSABLE);
                            assertThat(a.detail()).startsWith("no such context");
                        }));
    }
}
