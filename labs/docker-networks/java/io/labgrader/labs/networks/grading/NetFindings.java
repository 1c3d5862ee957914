package io.labgrader.labs.networks.grading;

import io.labgrader.evidence.Evidence;
import io.labgrader.evidence.Observation;
import io.labgrader.grading.CriterionContext;
import io.labgrader.grading.NotGradableException;
import io.labgrader.labs.networks.evidence.NetContainer;
import io.labgrader.labs.networks.evidence.NetEngine;
import io.labgrader.labs.networks.evidence.NetNetwork;
import io.labgrader.labs.networks.evidence.NetPage;
import io.labgrader.labs.networks.evidence.NetRun;
import io.labgrader.labs.networks.evidence.NetUnreachable;
import io.labgrader.labs.networks.evidence.NetVolume;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The lab's evidence, grouped into probe runs in the order they happened. */
final class NetFindings {

    private final List<RunView> runs;
    private final List<NetEngine> engines;
    private final List<NetUnreachable> unreachable;

    private NetFindings(List<RunView> runs, List<NetEngine> engines, List<NetUnreachable> unreachable) {
        this.runs = runs;
        this.engines = engines;
        this.unreachable = unreachable;
    }

    static NetFindings of(CriterionContext ctx) {
        return of(ctx.evidence());
    }

    static NetFindings of(Evidence evidence) {
        Map<String, List<Observation>> byRun = new LinkedHashMap<>();
        for (Observation o : evidence.observations()) {
            String run = run(o);
            if (run != null) {
                byRun.computeIfAbsent(run, k -> new ArrayList<>()).add(o);
            }
        }
        List<RunView> runs = new ArrayList<>();
        byRun.forEach((id, observations) -> runs.add(view(id, observations)));
        runs.sort(Comparator.comparing(RunView::at));
        return new NetFindings(List.copyOf(runs), evidence.all(NetEngine.class), evidence.all(NetUnreachable.class));
    }

    private static String run(Observation o) {
        if (o instanceof NetNetwork n) return n.run();
        if (o instanceof NetVolume v) return v.run();
        if (o instanceof NetContainer c) return c.run();
        if (o instanceof NetPage p) return p.run();
        if (o instanceof NetRun r) return r.run();
        return null;
    }

    private static RunView view(String id, List<Observation> observations) {
        Optional<NetRun> end = observations.stream().filter(NetRun.class::isInstance).map(NetRun.class::cast).findFirst();
        Instant at = end.map(NetRun::started).orElseGet(() -> observations.stream().map(Observation::at).min(Comparator.naturalOrder()).orElseThrow());
        return new RunView(id, at, only(observations, NetNetwork.class), only(observations, NetVolume.class),
                only(observations, NetContainer.class), only(observations, NetPage.class), end);
    }

    private static <T> List<T> only(List<Observation> observations, Class<T> type) {
        return observations.stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<RunView> runs() {
        return runs;
    }

    List<NetEngine> engines() {
        return engines;
    }

    List<NetUnreachable> unreachable() {
        return unreachable;
    }

    /** Every observation of a running container of the image, with the run it was seen in. */
    List<Seen> running(String image) {
        List<Seen> seen = new ArrayList<>();
        for (RunView run : runs) {
            run.containers().stream().filter(c -> c.running() && Naming.isImage(c.image(), image))
                    .forEach(c -> seen.add(new Seen(run, c)));
        }
        return seen;
    }

    /** The nginx containers that serve: running, with the container port published on some host port. */
    List<Seen> servers(String image, int containerPort) {
        return running(image).stream().filter(s -> s.container().ports().stream()
                .anyMatch(p -> p.containerPort() == containerPort && "tcp".equals(p.protocol()) && p.hostPort() != null)).toList();
    }

    /** The last observation of each distinct container among {@code seen}, in the order first seen. */
    static List<Seen> lastOfEach(List<Seen> seen) {
        Map<String, Seen> last = new LinkedHashMap<>();
        seen.forEach(s -> last.put(s.container().id(), s));
        return List.copyOf(last.values());
    }

    /** No run saw the engine: not gradable, saying why. */
    void requireEngine() {
        if (!runs.isEmpty()) {
            return;
        }
        throw new NotGradableException(NetText.noEngine(unreachable));
    }

    /** One container as one run saw it. */
    record Seen(RunView run, NetContainer container) {
    }
}
