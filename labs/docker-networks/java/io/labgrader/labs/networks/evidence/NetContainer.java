package io.labgrader.labs.networks.evidence;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.labgrader.evidence.Observation;

import java.time.Instant;
import java.util.List;

/**
 * One container as {@code GET /containers/{id}/json} showed it in one probe run: its networks, mounts and published
 * ports, which is all this lab grades.
 *
 * @param image    the image as the student named it (Config.Image), e.g. "nginx", "nginx:latest", "docker.io/library/nginx"
 * @param networks the networks it is attached to (NetworkSettings.Networks)
 * @param mounts   its mounts (Mounts): named or anonymous volumes, bind mounts, tmpfs
 * @param ports    its published ports (NetworkSettings.Ports); empty while it does not run
 * @param raw      the inspection as the engine sent it, in raw/
 */
@JsonTypeName(NetContainer.TYPE)
public record NetContainer(Instant at, String source, String run, String id, String name, String image,
                           boolean running, String status, Instant startedAt, String networkMode,
                           List<Attachment> networks, List<Mount> mounts, List<Port> ports, String raw)
        implements Observation {

    public static final String TYPE = "net.container";

    public NetContainer {
        networks = networks == null ? List.of() : List.copyOf(networks);
        mounts = mounts == null ? List.of() : List.copyOf(mounts);
        ports = ports == null ? List.of() : List.copyOf(ports);
    }

    /** An attachment to one network; networkId may be empty for a container that is not running. */
    public record Attachment(String name, String networkId, List<String> aliases) {
        public Attachment {
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
        }
    }

    /**
     * One mount.
     *
     * @param type        "volume", "bind", "tmpfs" or "npipe"
     * @param name        the volume's name (volumes only)
     * @param hostPath    the host folder of a bind mount (user names in home paths are redacted)
     * @param destination the path inside the container
     */
    public record Mount(String type, String name, String hostPath, String destination) {
    }

    /** A container port published on the host. */
    public record Port(int containerPort, String protocol, String hostIp, Integer hostPort) {
    }

    /** The short id, as docker ps shows it. */
    public String shortId() {
        return id == null ? "" : id.substring(0, Math.min(12, id.length()));
    }
}
