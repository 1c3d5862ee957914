package io.labgrader.probe.docker;

import io.labgrader.evidence.Evidence;
import io.labgrader.evidence.EvidenceBundle;
import io.labgrader.evidence.EvidenceReader;
import io.labgrader.evidence.docker.ContainerObserved;
import io.labgrader.evidence.docker.ContainersListed;
import io.labgrader.evidence.docker.EngineObserved;
import io.labgrader.evidence.docker.PortBinding;
import io.labgrader.evidence.http.HttpProbed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Docker probe against a real nginx:latest container that Testcontainers starts (on a random host port) and
 * removes: what one snapshot writes to the evidence.
 */
@Testcontainers
class DockerSnapshotTest {

    @Container
    static final GenericContainer<?> NGINX = new GenericContainer<>(DockerImageName.parse("nginx:latest"))
            .withExposedPorts(80);

    @TempDir
    Path dir;

    @Test
    void oneSnapshotRecordsEngineContainerPortsAndTheAnswer() throws Exception {
        EvidenceBundle bundle = EvidenceBundle.open(dir, "test", "lab", "0".repeat(64), Clock.systemUTC());
        DockerEndpoint endpoint = DockerProbing.check(bundle, DockerProbing.endpoints(), "check", Instant.now().minusSeconds(60));
        bundle.writeManifest();

        assertThat(endpoint).isNotNull();
        Evidence evidence = EvidenceReader.read(dir);
        EngineObserved engine = evidence.all(EngineObserved.class).get(0);
        assertThat(engine.version()).isNotBlank();
        assertThat(engine.daemonId()).isNotBlank();

        ContainerObserved nginx = evidence.all(ContainerObserved.class).stream()
                .filter(c -> c.id().equals(NGINX.getContainerId())).findFirst().orElseThrow();
        int hostPort = NGINX.getMappedPort(80);
        assertThat(nginx.image()).isEqualTo("nginx:latest");
        assertThat(nginx.running()).isTrue();
        assertThat(nginx.attachStdout()).as("Testcontainers starts containers detached").isFalse();
        assertThat(nginx.publishedPorts()).extracting(PortBinding::containerPort, PortBinding::hostPort)
                .contains(org.assertj.core.groups.Tuple.tuple(80, hostPort));
        assertThat(Files.readString(dir.resolve(nginx.raw()))).contains("\"Id\":\"" + NGINX.getContainerId() + "\"");

        HttpProbed answer = evidence.all(HttpProbed.class).stream()
                .filter(h -> NGINX.getContainerId().equals(h.containerId())).findFirst().orElseThrow();
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.title()).isEqualTo("Welcome to nginx!");
        assertThat(answer.server()).startsWith("nginx/");
        assertThat(answer.hostPort()).isEqualTo(hostPort);

        assertThat(evidence.all(ContainersListed.class).get(0).containers())
                .anyMatch(l -> l.id().equals(NGINX.getContainerId()));
        assertThat(evidence.manifest().files()).extracting(f -> f.path()).contains("journal.jsonl");
    }
}
