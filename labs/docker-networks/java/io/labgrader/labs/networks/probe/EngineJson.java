package io.labgrader.labs.networks.probe;

import com.fasterxml.jackson.databind.JsonNode;
import io.labgrader.evidence.docker.DockerJson;
import io.labgrader.labs.networks.evidence.NetContainer;
import io.labgrader.labs.networks.evidence.NetNetwork;
import io.labgrader.labs.networks.evidence.NetVolume;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns the engine's JSON into the lab's records. Field names are those of the Engine API (docker/cli and moby's
 * api/types: NetworkResource, Volume, ContainerJSON); every field is read leniently, since Docker 20.10, Docker 29
 * and Podman's compatible API each leave out some.
 */
final class EngineJson {

    /** An anonymous volume's name: 64 hex digits (moby volume/service: stringid.GenerateRandomID). */
    private static final Pattern ANONYMOUS_NAME = Pattern.compile("[0-9a-f]{64}");

    private EngineJson() {
    }

    static NetNetwork network(JsonNode n, Instant at, String source, String run) {
        boolean defaultBridge = "true".equals(n.path("Options").path("com.docker.network.bridge.default_bridge").asText(""));
        return new NetNetwork(at, source, run, n.path("Id").asText(""), n.path("Name").asText(""),
                n.path("Driver").asText(""), n.path("Scope").asText(""), n.path("Internal").asBoolean(false), defaultBridge);
    }

    static NetVolume volume(JsonNode v, Instant at, String source, String run) {
        String name = v.path("Name").asText("");
        boolean anonymous = v.path("Labels").has("com.docker.volume.anonymous") || ANONYMOUS_NAME.matcher(name).matches();
        return new NetVolume(at, source, run, name, v.path("Driver").asText(""), anonymous);
    }

    static NetContainer container(JsonNode c, Instant at, String source, String run, String raw) {
        JsonNode state = c.path("State");
        List<NetContainer.Attachment> networks = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = c.path("NetworkSettings").path("Networks").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            List<String> aliases = new ArrayList<>();
            e.getValue().path("Aliases").forEach(a -> aliases.add(a.asText()));
            e.getValue().path("DNSNames").forEach(a -> aliases.add(a.asText())); // Engine 25 and newer
            networks.add(new NetContainer.Attachment(e.getKey(), e.getValue().path("NetworkID").asText(""),
                    aliases.stream().distinct().toList()));
        }
        List<NetContainer.Mount> mounts = new ArrayList<>();
        for (JsonNode m : c.path("Mounts")) {
            String type = m.path("Type").asText("");
            mounts.add(new NetContainer.Mount(type, "volume".equals(type) ? m.path("Name").asText("") : null,
                    "bind".equals(type) ? m.path("Source").asText("") : null, m.path("Destination").asText("")));
        }
        // the engine's port map read as lab 1 reads it: one parser of "80/tcp" → [{"HostIp","HostPort"}]
        List<NetContainer.Port> ports = DockerJson.ports(c.path("NetworkSettings").path("Ports")).stream()
                .map(p -> new NetContainer.Port(p.containerPort(), p.protocol(), p.hostIp(), p.hostPort())).toList();
        String name = c.path("Name").asText("");
        return new NetContainer(at, source, run, c.path("Id").asText(""), name.startsWith("/") ? name.substring(1) : name,
                c.path("Config").path("Image").asText(""), state.path("Running").asBoolean(false),
                state.path("Status").asText(""), instant(state.path("StartedAt").asText("")),
                c.path("HostConfig").path("NetworkMode").asText(""), networks, mounts, ports, raw);
    }

    /** The engine writes "0001-01-01T00:00:00Z" for never; that is no time. */
    private static Instant instant(String text) {
        try {
            Instant t = Instant.parse(text);
            return t.getEpochSecond() <= 0 ? null : t;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
