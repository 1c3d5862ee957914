package io.labgrader.labs.networks.grading;

import io.labgrader.labs.networks.evidence.NetContainer;
import io.labgrader.labs.networks.evidence.NetNetwork;
import io.labgrader.labs.networks.evidence.NetPage;
import io.labgrader.labs.networks.evidence.NetRun;
import io.labgrader.labs.networks.evidence.NetVolume;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What one probe run saw: one moment of the student's machine. Containers seen running in the same run ran at the
 * same time; a container missing from a later run's list was removed in between.
 *
 * @param end the run's closing record, absent when the run was cut off before it listed everything
 */
record RunView(String id, Instant at, List<NetNetwork> networks, List<NetVolume> volumes, List<NetContainer> containers,
               List<NetPage> pages, Optional<NetRun> end) {

    Optional<NetNetwork> network(NetContainer.Attachment a) {
        return networks.stream().filter(n -> !a.networkId().isEmpty() && a.networkId().equals(n.id())).findFirst()
                .or(() -> networks.stream().filter(n -> n.name().equals(a.name())).findFirst());
    }

    /** The user-defined bridge networks the container is attached to in this run. */
    List<NetNetwork> userNetworks(NetContainer c) {
        return c.networks().stream().map(this::network).flatMap(Optional::stream).filter(NetNetwork::userDefinedBridge).toList();
    }

    Optional<NetVolume> volume(String name) {
        return volumes.stream().filter(v -> v.name().equals(name)).findFirst();
    }

    /** The container's named (not anonymous) volume mounted at {@code path}, if it has one. */
    Optional<String> namedVolumeAt(NetContainer c, String path) {
        return c.mounts().stream()
                .filter(m -> "volume".equals(m.type()) && samePath(m.destination(), path) && m.name() != null)
                .filter(m -> volume(m.name()).map(v -> !v.anonymous()).orElse(!Naming.looksAnonymous(m.name())))
                .map(NetContainer.Mount::name).findFirst();
    }

    List<NetPage> pagesOf(NetContainer c, int hostPort) {
        return pages.stream().filter(p -> c.id().equals(p.containerId()) && p.hostPort() == hostPort).toList();
    }

    /** False only when this run's closing record lists the engine's containers and the container is not among them. */
    boolean listed(String containerId) {
        return end.map(e -> e.containerIds().contains(containerId)).orElse(true);
    }

    static boolean samePath(String a, String b) {
        return a != null && b != null && strip(a).equals(strip(b));
    }

    private static String strip(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
