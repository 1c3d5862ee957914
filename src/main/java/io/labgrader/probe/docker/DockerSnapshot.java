package io.labgrader.probe.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import io.labgrader.evidence.EvidenceBundle;
import io.labgrader.evidence.Json;
import io.labgrader.evidence.Manifest;
import io.labgrader.evidence.docker.ContainerEventObserved;
import io.labgrader.evidence.docker.ContainerObserved;
import io.labgrader.evidence.docker.DockerJson;
import io.labgrader.evidence.docker.ContainersListed;
import io.labgrader.evidence.docker.EngineObserved;
import io.labgrader.evidence.docker.EventHistoryRead;
import io.labgrader.evidence.docker.ImagesListed;
import io.labgrader.evidence.docker.PortBinding;
import io.labgrader.probe.http.HttpPageProbe;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a Docker Engine once and writes what it saw to the evidence bundle: the engine, its images, every
 * container (inspected), the event history since {@code since}, and an HTTP GET on every published port of a
 * running container.
 */
public final class DockerSnapshot {

    static final String CONTAINER_EVENTS = URLEncoder.encode("{\"type\":[\"container\"]}", StandardCharsets.UTF_8);
    /** A student's machine may hold many containers; the lab is about a few. */
    private static final String VERSION = "/version";
    private static final String INFO = "/info";
    private static final String IMAGES = "/images/json";
    private static final String CONTAINERS = "/containers/json?all=1";
    static final int MAX_CONTAINERS = 200;
    static final int MAX_PORT_PROBES = 20;

    private final DockerApi api;
    private final EvidenceBundle bundle;
    private final HttpPageProbe http;
    private final String source;
    /** Set by {@link #engine()}: Podman's API needs another way to read the event history. */
    private boolean podman;

    public DockerSnapshot(DockerApi api, EvidenceBundle bundle, HttpPageProbe http, String source) {
        this.api = api;
        this.bundle = bundle;
        this.http = http;
        this.source = source;
    }

    /** The whole snapshot. Failures of single calls are recorded where possible and never abort the rest. */
    public void take(Instant eventsSince) throws IOException {
        // the questions that do not depend on another answer go out at once; answers are still recorded in this order
        api.prefetch(VERSION, INFO, IMAGES, CONTAINERS);
        engine();
        images();
        List<ContainerObserved> containers = containers();
        events(eventsSince, bundle.clock().instant());
        probePorts(containers);
        new ContainerStats(api, bundle, source).readRunning(containers);
    }

    /** The engine this snapshot reads, for probes that read more of it. */
    DockerApi api() {
        return api;
    }

    String source() {
        return source;
    }

    public EngineObserved engine() throws IOException {
        byte[] version = api.get(VERSION);
        byte[] info = api.get(INFO);
        JsonNode v = Json.mapper().readTree(version);
        JsonNode i = Json.mapper().readTree(info);
        String raw = bundle.saveRaw("version.json", version);
        bundle.saveRaw("info.json", info);
        // Docker names its component "Engine", Podman "Podman Engine" (GET /version, Components[0].Name)
        String product = v.path("Components").path(0).path("Name").asText("");
        podman = product.toLowerCase(java.util.Locale.ROOT).contains("podman");
        // Podman's compat /info makes up a new ID on every call (containers/podman pkg/api/handlers/compat/info.go,
        // uuid.New()): it identifies nothing, so none is recorded
        String daemonId = podman ? "" : i.path("ID").asText("");
        EngineObserved engine = new EngineObserved(bundle.clock().instant(), source, api.endpoint().toString(),
                v.path("Version").asText(""), v.path("ApiVersion").asText(""), v.path("Os").asText(""),
                v.path("Arch").asText(""), v.path("KernelVersion").asText(""), i.path("OperatingSystem").asText(""),
                daemonId, raw, product.isEmpty() ? null : product);
        bundle.record(engine);
        bundle.setHost(new Manifest.Host(System.getProperty("os.name"), System.getProperty("os.arch"),
                engine.version(), engine.daemonId()));
        return engine;
    }

    void images() throws IOException {
        byte[] body = api.get(IMAGES);
        List<ImagesListed.Image> images = new ArrayList<>();
        for (JsonNode image : Json.mapper().readTree(body)) {
            List<String> tags = new ArrayList<>();
            image.path("RepoTags").forEach(t -> tags.add(t.asText()));
            images.add(new ImagesListed.Image(image.path("Id").asText(), tags,
                    image.path("Size").isNumber() ? image.path("Size").asLong() : null));
        }
        bundle.record(new ImagesListed(bundle.clock().instant(), source, images));
    }

    /** Lists all containers, then inspects each. */
    public List<ContainerObserved> containers() throws IOException {
        Instant listedAt = bundle.clock().instant();
        byte[] body = api.get(CONTAINERS);
        String raw = bundle.saveRaw("containers.json", body);
        List<ContainersListed.Listed> listed = DockerJson.listed(Json.mapper().readTree(body));
        bundle.record(new ContainersListed(listedAt, source, listed, raw));
        List<ContainerObserved> inspected = new ArrayList<>();
        for (ContainersListed.Listed c : listed.stream().limit(MAX_CONTAINERS).toList()) {
            inspect(c.id()).ifPresent(inspected::add);
        }
        return inspected;
    }

    /** Inspects one container; empty if it vanished in the meantime. */
    public java.util.Optional<ContainerObserved> inspect(String id) throws IOException {
        byte[] body;
        try {
            body = api.get("/containers/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/json");
        } catch (DockerApi.DockerCallException e) {
            if (e.getMessage().startsWith("HTTP 404")) {
                return java.util.Optional.empty();
            }
            throw e;
        }
        String raw = bundle.saveRaw("container-" + id.substring(0, Math.min(12, id.length())) + ".json", body);
        ContainerObserved observed = DockerJson.container(Json.mapper().readTree(body), bundle.clock().instant(), source, raw);
        bundle.record(observed);
        return java.util.Optional.of(observed);
    }

    /** The engine's container events between since and until (it keeps only the last 256, in memory). */
    public void events(Instant since, Instant until) throws IOException {
        // Podman's file event log stops reading at once when "until" lies in the past and returns almost nothing
        // (podman issue #29579, EventLogFile.Read); ask it for the history without streaming, and cut at until here
        byte[] body = api.get("/events?since=" + seconds(since) + (podman ? "&stream=false" : "&until=" + seconds(until))
                + "&filters=" + CONTAINER_EVENTS);
        String raw = bundle.saveRaw("events.jsonl", body);
        long untilNano = until.getEpochSecond() * 1_000_000_000L + until.getNano();
        int count = 0;
        try (MappingIterator<JsonNode> events = Json.mapper().readerFor(JsonNode.class).readValues(body)) {
            while (events.hasNextValue()) {
                JsonNode event = events.nextValue();
                if (podman && event.path("timeNano").asLong(0) > untilNano) {
                    continue;
                }
                if ("container".equals(event.path("Type").asText("container"))) {
                    ContainerEventObserved observed = DockerJson.event(event, source);
                    bundle.recordOnce(observed, observed.key());
                    count++;
                }
            }
        }
        bundle.record(new EventHistoryRead(bundle.clock().instant(), source, since, until, count, raw));
    }

    /** One GET on every published TCP port of every running container, in parallel, each bounded. */
    public void probePorts(List<ContainerObserved> containers) {
        Set<HttpPageProbe.Target> targets = new LinkedHashSet<>();
        for (ContainerObserved c : containers) {
            if (!c.running()) {
                continue;
            }
            for (PortBinding p : c.publishedPorts()) {
                if ("tcp".equals(p.protocol()) && p.hostPort() != null) {
                    targets.add(new HttpPageProbe.Target(c.id(), probeHost(p), p.hostPort()));
                }
            }
        }
        http.getAll(targets, MAX_PORT_PROBES, source, (t, answer) -> record(answer, t.port()));
    }

    /** GETs one port and records the answer; true if anything answered over HTTP. */
    public boolean probe(String containerId, String host, int port) {
        return record(http.get(host, port, containerId, source), port);
    }

    private boolean record(HttpPageProbe.Answer answer, int port) {
        if (answer.body() == null) {
            bundle.record(answer.observation());
            return false;
        }
        bundle.record(answer.observation().withRaw(bundle.saveRaw("http-" + port + ".html", answer.body())));
        return true;
    }

    /** Ports bound to a specific loopback address are probed there; wildcard bindings on the engine's host. */
    String probeHost(PortBinding p) {
        String ip = p.hostIp();
        if (ip != null && (ip.startsWith("127.") || ip.equals("::1")) && api.endpoint().portHost().equals("localhost")) {
            return ip;
        }
        return api.endpoint().portHost();
    }

    static String seconds(Instant t) {
        return t.getEpochSecond() + "." + String.format("%09d", t.getNano());
    }
}
