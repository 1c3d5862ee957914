package io.labgrader.labs.networks.probe;

import com.fasterxml.jackson.databind.JsonNode;
import io.labgrader.evidence.EvidenceBundle;
import io.labgrader.evidence.Json;
import io.labgrader.evidence.docker.EngineUnreachable;
import io.labgrader.labs.networks.evidence.NetContainer;
import io.labgrader.labs.networks.evidence.NetEngine;
import io.labgrader.labs.networks.evidence.NetRun;
import io.labgrader.labs.networks.evidence.NetUnreachable;
import io.labgrader.module.LabProbe;
import io.labgrader.module.ProbeRun;
import io.labgrader.probe.docker.DockerApi;
import io.labgrader.probe.docker.DockerProbing;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads what the lab "Docker networks and volumes" is about, once: the engine, its networks and volumes, every
 * container's networks, mounts and published ports, and the page behind each published TCP port of a running
 * container. Each call is bounded (the connection's 5 s per engine call, {@link DockerProbing#HTTP_TIMEOUT} per page);
 * whatever fails is written down as evidence and the rest goes on. Every record carries the run's id, since what one
 * run saw was true at one moment ("two containers at the same time").
 */
public final class NetworksProbe implements LabProbe {

    /** A student's machine may hold many containers and ports; the lab is about a few. */
    static final int MAX_CONTAINERS = 200;
    static final int MAX_PAGES = 20;

    @Override
    public void observe(ProbeRun run) {
        EvidenceBundle bundle = run.bundle();
        String id = UUID.randomUUID().toString().substring(0, 8);
        Instant started = bundle.clock().instant();
        Optional<DockerProbing.Connection> given = run.connection(DockerProbing.Connection.class);
        // watch opens no connection for the probes it does not follow: this probe then opens its own
        boolean own = given.isEmpty();
        DockerProbing.Connection docker = given.orElseGet(() -> DockerProbing.connect(bundle.clock(), run.source()));
        if (docker.api() == null) {
            bundle.record(new NetUnreachable(started, run.source(), id, attempts(docker.unreachable().observation())));
            return;
        }
        try {
            new Reading(docker.api(), bundle, run.source(), id, started).read();
        } finally {
            if (own) { // a connection check opened for every probe is closed by check
                docker.api().close();
            }
        }
    }

    private static List<String> attempts(EngineUnreachable unreachable) {
        return unreachable.attempts().stream().map(a -> a.endpoint() + ": " + a.detail()).toList();
    }

    /** One run's reading of the engine. */
    private static final class Reading {
        private final DockerApi api;
        private final EvidenceBundle bundle;
        private final String source;
        private final String run;
        private final Instant started;
        private final List<String> problems = new ArrayList<>();

        Reading(DockerApi api, EvidenceBundle bundle, String source, String run, Instant started) {
            this.api = api;
            this.bundle = bundle;
            this.source = source;
            this.run = run;
            this.started = started;
        }

        void read() {
            try {
                engine();
            } catch (IOException | RuntimeException e) {
                // it answered when the connection was made, then failed: nothing else will answer either
                bundle.record(new NetUnreachable(bundle.clock().instant(), source, run,
                        List.of(api.endpoint() + ": " + describe(e))));
                return;
            }
            part("networks", this::networks);
            part("volumes", this::volumes);
            List<NetContainer> containers = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            boolean listed = part("containers", () -> containers(ids, containers));
            part("pages", () -> new PageReader(bundle, api.endpoint().portHost(), source, run, MAX_PAGES).read(containers));
            if (listed) { // without the list, the run cannot say which containers were gone
                bundle.record(new NetRun(bundle.clock().instant(), source, run, started, ids, problems.isEmpty(), problems));
            }
        }

        private interface Part {
            void read() throws IOException;
        }

        /** Reads one part; a failure is noted for the run's record and does not stop the other parts. */
        private boolean part(String what, Part part) {
            try {
                part.read();
                return true;
            } catch (IOException | RuntimeException e) {
                problems.add(what + ": " + describe(e));
                return false;
            }
        }

        private void engine() throws IOException {
            JsonNode version = Json.mapper().readTree(api.get("/version"));
            JsonNode info = Json.mapper().readTree(api.get("/info"));
            boolean podman = version.path("Components").path(0).path("Name").asText("").toLowerCase(java.util.Locale.ROOT)
                    .contains("podman");
            // Podman makes up a new ID on every /info call: it identifies nothing
            bundle.record(new NetEngine(bundle.clock().instant(), source, run, api.endpoint().toString(),
                    version.path("Version").asText(""), version.path("ApiVersion").asText(""),
                    podman ? "" : info.path("ID").asText("")));
        }

        private void networks() throws IOException {
            byte[] body = api.get("/networks");
            bundle.saveRaw("networks.json", body);
            Instant at = bundle.clock().instant();
            for (JsonNode n : Json.mapper().readTree(body)) {
                bundle.record(EngineJson.network(n, at, source, run));
            }
        }

        private void volumes() throws IOException {
            byte[] body = api.get("/volumes");
            bundle.saveRaw("volumes.json", body);
            Instant at = bundle.clock().instant();
            for (JsonNode v : Json.mapper().readTree(body).path("Volumes")) {
                bundle.record(EngineJson.volume(v, at, source, run));
            }
        }

        private void containers(List<String> ids, List<NetContainer> containers) throws IOException {
            byte[] list = api.get("/containers/json?all=1");
            bundle.saveRaw("containers.json", list);
            for (JsonNode c : Json.mapper().readTree(list)) {
                ids.add(c.path("Id").asText(""));
            }
            for (String id : ids.stream().limit(MAX_CONTAINERS).toList()) {
                byte[] body;
                try {
                    body = api.get("/containers/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/json");
                } catch (DockerApi.DockerCallException e) {
                    if (e.getMessage().startsWith("HTTP 404")) {
                        continue; // removed between the list and now
                    }
                    throw e;
                }
                String raw = bundle.saveRaw("container-" + id.substring(0, Math.min(12, id.length())) + ".json", body);
                NetContainer c = EngineJson.container(Json.mapper().readTree(body), bundle.clock().instant(), source, run, raw);
                bundle.record(c);
                containers.add(c);
            }
        }

        private static String describe(Exception e) {
            return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        }
    }
}
