package io.labgrader.lab;

import io.labgrader.evidence.Observation;
import io.labgrader.evidence.docker.ContainerEventObserved;
import io.labgrader.evidence.docker.DockerTimeline;
import io.labgrader.evidence.docker.EngineObserved;
import io.labgrader.evidence.docker.ImageRef;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stop verdict on the event sequences Podman 4.3.1's Docker-compatible API gave here (recorded from
 * {@code GET /events?stream=false} after {@code podman stop}, {@code podman kill} and {@code podman rm -f}), next to
 * the same sequence from a Docker engine, where it means something else.
 */
class PodmanEventsTest {

    private static final String ID = "de5f74b20aae5b7f0090b3166646d20830cb2f158734a7e20b025605813ac8cf";
    private static final Instant T = Instant.parse("2026-11-28T18:07:44Z");

    private static EngineObserved engine(String product) {
        return new EngineObserved(T, "check", "unix:///run/podman/podman.sock", "4.3.1", "1.41", "linux", "amd64", "6.1",
                "debian", "", null, product);
    }

    /** One event per action, in order, as the engine's history lists them; "kill:9" carries a signal, "die:0" an exit code. */
    private static List<Observation> run(EngineObserved engine, String... actions) {
        List<Observation> observations = new ArrayList<>(List.of(engine));
        long nano = T.getEpochSecond() * 1_000_000_000L;
        for (String a : actions) {
            String[] parts = a.split(":");
            nano += 100_000_000L;
            Integer exit = parts[0].equals("die") ? Integer.valueOf(parts[1]) : null;
            String signal = parts[0].equals("kill") && parts.length > 1 ? parts[1] : null;
            observations.add(new ContainerEventObserved(T, "check", nano, parts[0], ID, "localhost/nginx:latest", "web", exit, signal));
        }
        return observations;
    }

    private static StopVerdict verdict(List<Observation> observations) {
        DockerTimeline timeline = DockerTimeline.of(observations);
        return StopVerdict.of(timeline.containers().iterator().next(), timeline);
    }

    @Test
    @DisplayName("podman stop, then podman rm: no stop event, exit 0 and \"remove\": a graceful stop on Podman")
    void podmanStopWithoutStopEvent() {
        List<Observation> podman = run(engine("Podman Engine"), "create", "init", "start", "die:0", "cleanup", "cleanup", "remove");

        assertThat(verdict(podman).kind()).isEqualTo(StopVerdict.Kind.STOPPED);
        assertThat(DockerTimeline.of(podman).containers().iterator().next().hasEvent("destroy"))
                .as("Podman's \"remove\" is Docker's \"destroy\"").isTrue();
    }

    @Test
    @DisplayName("the same sequence from Docker: it ended by itself, not with docker stop")
    void sameSequenceFromDocker() {
        StopVerdict docker = verdict(run(engine("Engine"), "create", "start", "die:0", "destroy"));

        assertThat(docker.kind()).isEqualTo(StopVerdict.Kind.ENDED_OTHERWISE);
        assertThat(docker.detail().en()).isEqualTo("exit code 0");
        assertThat(docker.detail().de()).isEqualTo("Exit-Code 0");
    }

    @Test
    @DisplayName("podman kill (a kill event without a signal, exit 137), then podman rm: killed by podman kill")
    void podmanKill() {
        StopVerdict v = verdict(run(engine("Podman Engine"), "create", "init", "start", "kill", "die:137", "cleanup", "remove"));

        assertThat(v.kind()).isEqualTo(StopVerdict.Kind.KILLED);
        assertThat(v.detail().en()).isEqualTo("podman kill");
    }

    @Test
    @DisplayName("docker rm -f (kill with signal 9, exit 137, destroy): killed by docker rm -f")
    void dockerRemoveForce() {
        StopVerdict v = verdict(run(engine("Engine"), "create", "start", "kill:9", "die:137", "destroy"));

        assertThat(v.kind()).isEqualTo(StopVerdict.Kind.KILLED);
        assertThat(v.detail().en()).isEqualTo("docker rm -f");
    }

    @Test
    @DisplayName("podman kill --signal TERM (kill event, exit 0): not a stop on any engine")
    void podmanKillWithAnotherSignal() {
        assertThat(verdict(run(engine("Podman Engine"), "create", "start", "kill", "die:0")).kind())
                .isEqualTo(StopVerdict.Kind.ENDED_OTHERWISE);
    }

    @Test
    @DisplayName("image names: Podman's localhost/nginx:latest and a pull's docker.io/library/nginx:latest are nginx:latest")
    void podmanImageNames() {
        ImageRef nginx = ImageRef.parse("nginx:latest");

        assertThat(nginx.sameAs("localhost/nginx:latest")).isTrue();
        assertThat(nginx.sameAs("docker.io/library/nginx:latest")).isTrue();
        assertThat(nginx.sameAs("localhost/nginx:1.25")).isFalse();
        assertThat(nginx.sameAs("quay.io/nginx/nginx:latest")).isFalse();
    }
}
