package io.labgrader.evidence.compare;

import io.labgrader.evidence.Observation;
import io.labgrader.evidence.compare.Figure.Unit;
import io.labgrader.evidence.docker.ContainerEventObserved;
import io.labgrader.evidence.docker.EngineObserved;
import io.labgrader.evidence.docker.ImageRef;
import io.labgrader.evidence.docker.ImagesListed;
import io.labgrader.evidence.http.HttpProbed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The container's side of the comparison, derived from what the journal already holds: Docker's events, the HTTP
 * probes of {@code watch}, the engine's stats and image list, and its version answer.
 */
final class ContainerFigures {

    static final String START_TO_ANSWER = "container.start-to-answer";
    static final String HELLO_WORLD_LIFE = "container.hello-world-life";
    static final String MEMORY = "container.memory";
    static final String CPU = "container.cpu";
    static final String KERNEL = "container.kernel";
    private static final String NGINX = "nginx:latest";
    private static final String HELLO_WORLD = "hello-world:latest";

    private final List<ContainerEventObserved> events;
    private final List<HttpProbed> probes = new ArrayList<>();
    private final List<ContainerStatsObserved> stats = new ArrayList<>();
    private ImagesListed images;
    private EngineObserved engine;

    ContainerFigures(List<Observation> observations) {
        Map<String, ContainerEventObserved> unique = new LinkedHashMap<>();   // a check reads the same history again
        for (Observation o : observations) {
            if (o instanceof ContainerEventObserved e) {
                unique.putIfAbsent(e.key(), e);
            } else if (o instanceof HttpProbed p) {
                probes.add(p);
            } else if (o instanceof ContainerStatsObserved s) {
                stats.add(s);
            } else if (o instanceof ImagesListed i) {
                images = i;
            } else if (o instanceof EngineObserved e && e.kernelVersion() != null && !e.kernelVersion().isBlank()) {
                engine = e;
            }
        }
        events = unique.values().stream().sorted(Comparator.comparingLong(ContainerEventObserved::timeNano)).toList();
    }

    /**
     * From the engine's start event to the first HTTP 200 that a watching labgrader got from that container, before it
     * died; the latest start that answered counts. A {@code check} is not counted: it may come minutes later.
     */
    Figure startToAnswer() {
        MessageKey label = MessageKey.label(START_TO_ANSWER);
        for (ContainerEventObserved start : newestFirst()) {
            if (!start.kind().equals("start")) {
                continue;
            }
            Instant started = instant(start.timeNano());
            Instant died = events.stream().filter(e -> e.containerId().equals(start.containerId()) && e.kind().equals("die")
                    && e.timeNano() > start.timeNano()).findFirst().map(e -> instant(e.timeNano())).orElse(Instant.MAX);
            Optional<HttpProbed> first = probes.stream()
                    .filter(p -> start.containerId().equals(p.containerId()) && Integer.valueOf(200).equals(p.status())
                            && !"check".equals(p.source()))
                    .filter(p -> !answered(p).isBefore(started) && answered(p).isBefore(died))
                    .min(Comparator.comparing((HttpProbed p) -> p.hostPort() != 8080).thenComparing(ContainerFigures::answered));
            if (first.isPresent()) {
                HttpProbed p = first.get();
                return Figure.number(START_TO_ANSWER, label, who(start), millisBetween(started, answered(p)), Unit.MS,
                        "docker event start " + started + " -> HTTP 200 :" + p.hostPort() + " (" + p.source() + ")", answered(p));
            }
        }
        return Figure.missing(START_TO_ANSWER, label, MessageKey.of("missing.startToAnswer"));
    }

    /** hello-world's whole life, from the engine's create event to its die event. */
    Figure helloWorldLife() {
        MessageKey label = MessageKey.label(HELLO_WORLD_LIFE);
        for (ContainerEventObserved create : newestFirst()) {
            if (!create.kind().equals("create") || !ImageRef.parse(HELLO_WORLD).sameAs(create.image())) {
                continue;
            }
            Optional<ContainerEventObserved> die = events.stream().filter(e -> e.containerId().equals(create.containerId())
                    && e.kind().equals("die") && e.timeNano() >= create.timeNano()).findFirst();
            if (die.isPresent()) {
                return Figure.number(HELLO_WORLD_LIFE, label, who(create),
                        (die.get().timeNano() - create.timeNano()) / 1e6, Unit.MS, "docker events create -> die",
                        instant(die.get().timeNano()));
            }
        }
        return Figure.missing(HELLO_WORLD_LIFE, label, MessageKey.of("missing.helloWorldLife"));
    }

    /** What the nginx container used while it ran, as {@code docker stats} counts it. */
    Figure memory() {
        MessageKey label = MessageKey.label(MEMORY);
        return latestStats().filter(s -> s.memoryUsedBytes() != null)
                .map(s -> Figure.number(MEMORY, label, who(s), s.memoryUsedBytes(), Unit.BYTES,
                        "GET /containers/{id}/stats?stream=false (" + s.source() + ")", s.at()))
                .orElseGet(() -> Figure.missing(MEMORY, label, MessageKey.of("missing.stats")));
    }

    /** The CPU limit set with {@code --cpus}, or how many of the host's CPUs it shares. */
    Figure cpu() {
        MessageKey label = MessageKey.label(CPU);
        Optional<ContainerStatsObserved> s = latestStats();
        if (s.isPresent() && s.get().cpuLimit() != null) {
            return Figure.number(CPU, label, who(s.get()), s.get().cpuLimit(), Unit.CPUS, "HostConfig.NanoCpus/CpuQuota", s.get().at());
        }
        if (s.isPresent() && s.get().onlineCpus() != null) {
            return Figure.number(CPU, label, who(s.get()), s.get().onlineCpus(), Unit.CPUS_SHARED,
                    "cpu_stats.online_cpus, no HostConfig.NanoCpus", s.get().at());
        }
        return Figure.missing(CPU, label, MessageKey.of("missing.cpu"));
    }

    /** The sizes of the lab's two images, as the engine lists them. */
    List<Figure> images() {
        return List.of(image("image.nginx", NGINX), image("image.hello-world", HELLO_WORLD));
    }

    private Figure image(String key, String name) {
        MessageKey label = MessageKey.of("label.image", name);
        if (images != null) {
            for (ImagesListed.Image i : images.images()) {
                if (i.sizeBytes() != null && i.tags().stream().anyMatch(ImageRef.parse(name)::sameAs)) {
                    return Figure.number(key, label, name, i.sizeBytes(), Unit.BYTES, "GET /images/json Size", images.at());
                }
            }
        }
        return Figure.missing(key, label, MessageKey.of("missing.image"));
    }

    /** The kernel the engine reports: the one every container runs on. */
    Figure kernel() {
        MessageKey label = MessageKey.label(KERNEL);
        if (engine == null) {
            return Figure.missing(KERNEL, label, MessageKey.of("missing.engine"));
        }
        return Figure.text(KERNEL, label, engine.operatingSystem(), engine.kernelVersion(), Unit.TEXT,
                        "GET /version KernelVersion", engine.at())
                .withNote(MessageKey.of("note.engineKernel"));
    }

    private Optional<ContainerStatsObserved> latestStats() {
        Comparator<ContainerStatsObserved> order = Comparator
                .comparing((ContainerStatsObserved s) -> ImageRef.parse(NGINX).sameAs(s.image()))
                .thenComparing(ContainerStatsObserved::at);
        return stats.stream().max(order);
    }

    private List<ContainerEventObserved> newestFirst() {
        List<ContainerEventObserved> newest = new ArrayList<>(events);
        java.util.Collections.reverse(newest);
        return newest;
    }

    private static Instant answered(HttpProbed p) {
        return p.at().plusMillis(p.millis());
    }

    private static double millisBetween(Instant from, Instant to) {
        return java.time.Duration.between(from, to).toNanos() / 1e6;
    }

    private static Instant instant(long timeNano) {
        return Instant.ofEpochSecond(0, timeNano);
    }

    private static String who(ContainerEventObserved e) {
        return label(e.name(), e.image(), e.containerId());
    }

    private static String who(ContainerStatsObserved s) {
        return label(s.name(), s.image(), s.containerId());
    }

    private static String label(String name, String image, String id) {
        String n = name == null || name.isBlank() ? (id == null ? "?" : id.substring(0, Math.min(12, id.length()))) : name;
        return image == null || image.isBlank() ? n : n + " (" + image + ")";
    }
}
