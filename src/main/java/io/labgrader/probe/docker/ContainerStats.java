package io.labgrader.probe.docker;

import com.fasterxml.jackson.databind.JsonNode;
import io.labgrader.evidence.EvidenceBundle;
import io.labgrader.evidence.Json;
import io.labgrader.evidence.compare.ContainerStatsObserved;
import io.labgrader.evidence.docker.ContainerObserved;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Records what a running container uses, for the comparison section: the engine's one-shot stats and the CPU limit
 * of its inspection. {@code one-shot=true} (API 1.41) answers at once instead of waiting a second for a second
 * sample; engines that ignore it still answer within the call's time bound. Only containers that publish a port are
 * read (the lab's web server); a failed reading is left out, as the section then shows a dash.
 */
public final class ContainerStats {

    /** A student's machine may run many servers; the lab is about one. */
    static final int MAX_CONTAINERS = 5;

    private final DockerApi api;
    private final EvidenceBundle bundle;
    private final String source;

    public ContainerStats(DockerApi api, EvidenceBundle bundle, String source) {
        this.api = api;
        this.bundle = bundle;
        this.source = source;
    }

    /** Reads every running container that publishes a port, at most {@link #MAX_CONTAINERS}. */
    public void readRunning(List<ContainerObserved> containers) {
        containers.stream().filter(c -> c.running() && !c.publishedPorts().isEmpty()).limit(MAX_CONTAINERS)
                .forEach(this::read);
    }

    /** One reading; empty when the container is gone or the engine did not answer (nothing is recorded then). */
    public Optional<ContainerStatsObserved> read(ContainerObserved c) {
        String id = URLEncoder.encode(c.id(), StandardCharsets.UTF_8);
        try {
            byte[] body = api.get("/containers/" + id + "/stats?stream=false&one-shot=true");
            JsonNode stats = Json.mapper().readTree(body);
            JsonNode host = Json.mapper().readTree(api.get("/containers/" + id + "/json")).path("HostConfig");
            JsonNode memory = stats.path("memory_stats");
            JsonNode counters = memory.path("stats");
            JsonNode inactive = counters.has("total_inactive_file") ? counters.path("total_inactive_file")
                    : counters.path("inactive_file");
            Long cpus = number(stats.path("cpu_stats").path("online_cpus"));
            String raw = bundle.saveRaw("stats-" + c.id().substring(0, Math.min(12, c.id().length())) + ".json", body);
            ContainerStatsObserved observed = new ContainerStatsObserved(bundle.clock().instant(), source, c.id(),
                    c.name(), c.image(), number(memory.path("usage")), number(inactive), number(memory.path("limit")),
                    cpus == null || cpus <= 0 ? null : cpus.intValue(),
                    number(host.path("NanoCpus")), number(host.path("CpuQuota")), number(host.path("CpuPeriod")), raw);
            bundle.record(observed);
            return Optional.of(observed);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Long number(JsonNode node) {
        return node.isNumber() ? node.asLong() : null;
    }
}
