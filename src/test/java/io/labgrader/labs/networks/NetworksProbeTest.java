package io.labgrader.labs.networks;

import io.labgrader.evidence.Evidence;
import io.labgrader.evidence.EvidenceBundle;
import io.labgrader.evidence.EvidenceReader;
import io.labgrader.hashing.Hashes;
import io.labgrader.evidence.docker.EngineUnreachable;
import io.labgrader.labs.networks.evidence.NetContainer;
import io.labgrader.labs.networks.evidence.NetEngine;
import io.labgrader.labs.networks.evidence.NetNetwork;
import io.labgrader.labs.networks.evidence.NetPage;
import io.labgrader.labs.networks.evidence.NetRun;
import io.labgrader.labs.networks.evidence.NetUnreachable;
import io.labgrader.labs.networks.evidence.NetVolume;
import io.labgrader.labs.networks.probe.NetworksProbe;
import io.labgrader.module.ProbeRun;
import io.labgrader.probe.docker.DockerProbing;
import io.labgrader.probe.docker.DockerUnreachableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lab's probe against the real Docker Engine and the real nginx image: what it writes into the journal, read
 * back through the engine's Jackson set-up (the module's record types).
 */
class NetworksProbeTest {

    @TempDir
    Path dir;
    /** A host folder for a bind mount, apart from the evidence folder. */
    @TempDir
    Path site;
    final NetScene scene = new NetScene();

    @AfterEach
    void clean() {
        scene.close();
    }

    private Evidence probe() throws Exception {
        EvidenceBundle bundle = EvidenceBundle.open(dir, "test", NetworksLab.ID, "0".repeat(64), Clock.systemUTC());
        DockerProbing.Connection docker = DockerProbing.connect(Clock.systemUTC(), "check");
        try {
            new NetworksProbe().observe(new ProbeRun(bundle, "check", List.of(docker), Instant.EPOCH));
        } finally {
            docker.close();
        }
        bundle.writeManifest();
        return EvidenceReader.read(dir);
    }

    @Test
    @DisplayName("reads networks, volumes, each container's networks, mounts and ports, and the page with its SHA-256")
    void readsTheLab() throws Exception {
        scene.createNetwork();
        scene.createVolume();
        String web = scene.name("web");
        String webId = scene.run(web, "nginx:latest", "--network", scene.network, "-v", scene.volume + ":" + NetScene.NGINX_HTML, "-p", "8081:80");
        scene.writeOwnPage(web);
        scene.run(scene.name("anon"), "nginx:latest", "-v", "/data", "--", "sleep", "600");
        NetScene.awaitPage(8081);

        Evidence evidence = probe();

        assertThat(evidence.all(NetEngine.class)).hasSize(1);
        String run = evidence.all(NetEngine.class).get(0).run();
        NetNetwork own = evidence.all(NetNetwork.class).stream().filter(n -> n.name().equals(scene.network)).findFirst().orElseThrow();
        assertThat(own.userDefinedBridge()).isTrue();
        assertThat(own.run()).isEqualTo(run);
        NetNetwork bridge = evidence.all(NetNetwork.class).stream().filter(n -> n.name().equals("bridge")).findFirst().orElseThrow();
        assertThat(bridge.defaultBridge()).isTrue();
        assertThat(bridge.userDefinedBridge()).isFalse();
        NetVolume named = evidence.all(NetVolume.class).stream().filter(v -> v.name().equals(scene.volume)).findFirst().orElseThrow();
        assertThat(named.anonymous()).isFalse();

        NetContainer nginx = container(evidence, web);
        assertThat(nginx.id()).startsWith(webId);
        assertThat(nginx.running()).isTrue();
        assertThat(nginx.image()).isEqualTo("nginx:latest");
        assertThat(nginx.networks()).extracting(NetContainer.Attachment::name).containsExactly(scene.network);
        assertThat(nginx.networks().get(0).networkId()).isEqualTo(own.id());
        assertThat(nginx.mounts()).containsExactly(new NetContainer.Mount("volume", scene.volume, null, NetScene.NGINX_HTML));
        assertThat(nginx.ports()).anySatisfy(p -> {
            assertThat(p.containerPort()).isEqualTo(80);
            assertThat(p.hostPort()).isEqualTo(8081);
        });
        NetContainer.Mount anonymous = container(evidence, scene.name("anon")).mounts().get(0);
        assertThat(anonymous.destination()).isEqualTo("/data");
        assertThat(evidence.all(NetVolume.class).stream().filter(v -> v.name().equals(anonymous.name())).findFirst().orElseThrow().anonymous())
                .as("the volume of -v /data").isTrue();

        NetPage page = evidence.all(NetPage.class).stream().filter(p -> p.hostPort() == 8081).findFirst().orElseThrow();
        assertThat(page.containerId()).isEqualTo(nginx.id());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.title()).isEqualTo("Meine eigene Seite");
        assertThat(page.sha256()).isEqualTo(Hashes.sha256(NetScene.OWN_PAGE.getBytes(StandardCharsets.UTF_8)));
        assertThat(page.text()).isEqualTo("Meine eigene Seite Hallo aus dem Volume");

        NetRun end = evidence.all(NetRun.class).get(0);
        assertThat(end.complete()).as(end.problems().toString()).isTrue();
        assertThat(end.containerIds()).contains(nginx.id());
        assertThat(evidence.observations()).allSatisfy(o -> assertThat(o.source()).isEqualTo("check"));
    }

    @Test
    @DisplayName("a journal edited by hand (a bind mount made a named volume) contradicts the raw capture: the module flags it")
    void editedJournalIsFlagged() throws Exception {
        String web = scene.name("web");
        scene.run(web, "nginx:latest", "-v", site + ":" + NetScene.NGINX_HTML);
        Evidence honest = probe();
        assertThat(new NetworksLab().inconsistency(honest)).as("the journal as the probe wrote it").isEmpty();

        Path journal = dir.resolve(EvidenceBundle.JOURNAL);
        String bind = "{\"type\":\"bind\",\"hostPath\":\"" + site + "\"";
        String text = java.nio.file.Files.readString(journal);
        assertThat(text).contains(bind);
        java.nio.file.Files.writeString(journal, text.replace(bind, "{\"type\":\"volume\",\"name\":\"forged\""));

        Evidence edited = EvidenceReader.read(dir);
        NetContainer forged = container(edited, web);
        assertThat(new NetworksLab().inconsistency(edited)).hasValueSatisfying(t -> assertThat(t.en())
                .isEqualTo("The journal contradicts the engine's raw captures: '" + web + "' (" + forged.shortId() + ") ≠ " + forged.raw() + "."));
    }

    @Test
    @DisplayName("no engine: the attempts are recorded as net.unreachable, and nothing else")
    void unreachable() throws Exception {
        EvidenceBundle bundle = EvidenceBundle.open(dir, "test", NetworksLab.ID, "0".repeat(64), Clock.systemUTC());
        EngineUnreachable why = new EngineUnreachable(Instant.now(), "check", List.of(new EngineUnreachable.Attempt(
                "unix:///nowhere/docker.sock", EngineUnreachable.Problem.SOCKET_MISSING, "socket missing")));
        new NetworksProbe().observe(new ProbeRun(bundle, "check", List.of(new DockerProbing.Connection(null, new DockerUnreachableException(why))),
                Instant.EPOCH));
        bundle.writeManifest();

        Evidence evidence = EvidenceReader.read(dir);
        assertThat(evidence.observations()).hasSize(1);
        assertThat(evidence.all(NetUnreachable.class).get(0).attempts()).containsExactly("unix:///nowhere/docker.sock: socket missing");
    }

    private static NetContainer container(Evidence evidence, String name) {
        return evidence.all(NetContainer.class).stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }
}
