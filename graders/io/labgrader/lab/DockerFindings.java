package io.labgrader.lab;

import io.labgrader.evidence.docker.ContainerEventObserved;
import io.labgrader.evidence.docker.ContainerObserved;
import io.labgrader.evidence.docker.ContainerStory;
import io.labgrader.evidence.docker.DockerTimeline;
import io.labgrader.evidence.docker.ImageRef;
import io.labgrader.evidence.docker.PortBinding;

import io.labgrader.evidence.http.HttpProbed;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Picks, among everything a student's engine had, the containers a Docker criterion is about, and answers the
 * questions the criteria ask of them. Students retry, name containers and leave old ones around; every
 * question is asked of all candidates, and any one that satisfies it counts.
 */
final class DockerFindings {

    private final DockerTimeline timeline;

    DockerFindings(DockerTimeline timeline) {
        this.timeline = timeline;
    }

    /** Containers of the image, named with or without tag or registry, or started by the image's id. */
    List<ContainerStory> ofImage(String image) {
        ImageRef ref = ImageRef.parse(image);
        List<String> ids = timeline.imageIdsTagged(ref);
        return timeline.containers().stream()
                .filter(c -> ref.sameAs(c.image()) || (!c.imageId().isEmpty() && ids.contains(c.imageId())))
                .sorted(Comparator.comparing(ContainerStory::lastSeen))
                .toList();
    }

    /** Started with -d: an inspection with stdout/stderr not attached, or a start without an attach event. */
    static boolean startedDetached(ContainerStory c) {
        Optional<ContainerObserved> started = c.inspections().stream().filter(ContainerObserved::everStarted).reduce((a, b) -> b);
        if (started.isPresent()) {
            return !started.get().attachStdout() && !started.get().attachStderr();
        }
        Optional<ContainerObserved> any = c.latestInspection();
        if (any.isPresent() && c.hasEvent("start")) {
            return !any.get().attachStdout() && !any.get().attachStderr();
        }
        return c.hasEvent("start") && !c.hasEvent("attach");
    }

    /**
     * Engine and labgrader date things by two clocks (the engine's events, labgrader's inspections and answers); on
     * Docker Desktop they run in two machines. An answer counts against an event only this far apart.
     */
    static final Duration CLOCK_TOLERANCE = Duration.ofSeconds(2);

    /**
     * The port was published, not only requested: by an inspection while the container ran (NetworkSettings.Ports;
     * with --network host the request stays and nothing is published). A container seen only after it stopped
     * shows its request alone, which a start honours, so that counts if it started.
     */
    static boolean publishes(ContainerStory c, int containerPort, int hostPort) {
        List<ContainerObserved> running = c.inspections().stream().filter(ContainerObserved::running).toList();
        if (!running.isEmpty()) {
            return running.stream().anyMatch(i -> has(i.publishedPorts(), containerPort, hostPort));
        }
        return c.everStarted() && has(c.requestedPorts(), containerPort, hostPort);
    }

    /** Requested with -p but, while it ran, not published. */
    static boolean onlyRequested(ContainerStory c, int containerPort, int hostPort) {
        return has(c.requestedPorts(), containerPort, hostPort) && !publishes(c, containerPort, hostPort);
    }

    private static boolean has(List<PortBinding> ports, int containerPort, int hostPort) {
        return ports.stream().anyMatch(p -> p.containerPort() == containerPort
                && "tcp".equals(p.protocol()) && p.hostPort() != null && p.hostPort() == hostPort);
    }

    /**
     * The answer came while the container ran and published its port, by the engine's own record: an inspection
     * before it shows it running with the port published, and nothing between says that run had ended (a later
     * inspection, a die, stop or destroy event, a list of all containers without it).
     */
    boolean answeredWhileServing(ContainerStory c, HttpProbed answer) {
        Instant t = answer.at();
        return c.inspections().stream().anyMatch(i -> i.running() && !i.at().isAfter(t)
                && i.publishedPorts().stream().anyMatch(p -> p.hostPort() != null && p.hostPort() == answer.hostPort())
                && stillServing(c, i, t));
    }

    private boolean stillServing(ContainerStory c, ContainerObserved run, Instant t) {
        boolean laterInspection = c.inspections().stream().anyMatch(j -> j.at().isAfter(run.at()) && !j.at().isAfter(t)
                && (!j.running() || !Objects.equals(j.startedAt(), run.startedAt())));
        boolean ended = c.events().stream().anyMatch(e -> Set.of("die", "stop", "destroy").contains(e.kind())
                && (run.startedAt() == null || e.at().isAfter(run.startedAt()))
                && e.at().plus(CLOCK_TOLERANCE).isBefore(t));
        return !laterInspection && !ended && !timeline.listedWithoutBetween(c.id(), run.at(), t);
    }

    /** "8081->80/tcp, 80->8080/tcp" or "" */
    static String describePorts(ContainerStory c) {
        return describePorts(c.requestedPorts());
    }

    static String describePorts(List<PortBinding> ports) {
        return ports.stream()
                .map(DockerFindings::describe)
                .distinct().collect(Collectors.joining(", "));
    }

    static String describe(PortBinding p) {
        return (p.hostPort() == null ? "?" : p.hostPort()) + "->" + p.containerPort() + "/" + p.protocol();
    }

    /** "'web' (3f2a1b9c0d1e)" — names are what students recognise, ids are what the engine logs. */
    static String label(ContainerStory c) {
        String name = c.name();
        return name.equals(c.shortId()) ? c.shortId() : "'" + name + "' (" + c.shortId() + ")";
    }

    static String labels(List<ContainerStory> containers) {
        return containers.stream().map(DockerFindings::label).collect(Collectors.joining(", "));
    }

    /** Events after the container's last start, i.e. what happened to its last run. */
    static List<ContainerEventObserved> eventsAfterLastStart(ContainerStory c) {
        List<ContainerEventObserved> events = c.events();
        int lastStart = -1;
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).kind().equals("start")) {
                lastStart = i;
            }
        }
        return events.subList(lastStart + 1, events.size());
    }

    DockerTimeline timeline() {
        return timeline;
    }
}
