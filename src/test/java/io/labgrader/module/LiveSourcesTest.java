package io.labgrader.module;

import io.labgrader.live.LiveConnection;
import io.labgrader.live.LiveSource;
import io.labgrader.live.LiveSources;
import io.labgrader.probe.docker.DockerLiveSource;
import io.labgrader.probe.docker.DockerProbing;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The live sources are found with ServiceLoader, and a probe finds its connection in its run by type. */
class LiveSourcesTest {

    /** A live source this labgrader does not register. */
    private interface Unregistered extends LiveSource {
    }

    @Test
    @DisplayName("the jar registers the Docker Engine as its live source, in META-INF/services")
    void dockerIsRegistered() {
        assertThat(LiveSources.all()).singleElement().isInstanceOf(DockerLiveSource.class);
        assertThat(LiveSources.of(DockerLiveSource.class)).isSameAs(LiveSources.all().get(0));
        assertThatThrownBy(() -> LiveSources.of(Unregistered.class))
                .hasMessageContaining("expected the live source " + Unregistered.class.getName())
                .hasMessageContaining("but found only [" + DockerLiveSource.class.getName() + "]");
    }

    @Test
    @DisplayName("the first lab's docker probe is followed by the Docker Engine's live source in watch; its vm probe by none")
    void firstLabsDockerProbeIsFollowed() {
        LabModule lab = Labs.byId(Labs.DEFAULT_LAB).orElseThrow();
        assertThat(lab.probes().get("docker").followedBy()).contains(DockerLiveSource.class);
        assertThat(lab.probes().get("vm").followedBy()).isEmpty();
    }

    @Test
    @DisplayName("a probe asks its run for the connection of its type; watch's runs hold none")
    void connectionByType() {
        DockerProbing.Connection docker = new DockerProbing.Connection(null, null);
        LiveConnection other = () -> { };
        ProbeRun check = new ProbeRun(null, "check", List.of(other, docker), Instant.EPOCH);
        assertThat(check.connection(DockerProbing.Connection.class)).containsSame(docker);
        ProbeRun watch = new ProbeRun(null, "watch", List.of(), Instant.EPOCH);
        assertThat(watch.connection(DockerProbing.Connection.class)).isEmpty();
    }
}
