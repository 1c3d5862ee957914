package io.labgrader.evidence.docker;

import io.labgrader.evidence.Observation;

import java.time.Instant;
import java.util.List;

/**
 * A container as GET /containers/{id}/json described it at {@code at}.
 *
 * @param image          the image as the student named it (Config.Image), e.g. "nginx" or "nginx:latest"
 * @param imageId        the image's content id (sha256:…)
 * @param attachStdout   false when the container was started detached ({@code docker run -d})
 * @param portBindings   what was asked for with -p (HostConfig.PortBindings); kept after the container stops
 * @param publishedPorts what is published right now (NetworkSettings.Ports); empty once stopped
 * @param error          State.Error, e.g. "port is already allocated"
 * @param raw            the bundle path of the engine's answer as it gave it
 */
public record ContainerObserved(Instant at, String source, String id, String name, String image, String imageId,
                                Instant created, String status, boolean running, Integer exitCode,
                                Instant startedAt, Instant finishedAt, boolean oomKilled, String error,
                                boolean attachStdout, boolean attachStderr, boolean tty,
                                List<PortBinding> portBindings, List<PortBinding> publishedPorts,
                                String raw) implements Observation {

    public ContainerObserved {
        portBindings = portBindings == null ? List.of() : List.copyOf(portBindings);
        publishedPorts = publishedPorts == null ? List.of() : List.copyOf(publishedPorts);
    }

    /** Docker reports 0001-01-01T00:00:00Z for "never"; the probe stores null instead. */
    public boolean everStarted() {
        return startedAt != null;
    }
}
