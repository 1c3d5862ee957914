package io.labgrader.evidence.docker;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Turns the engine's JSON into observations. Tolerates fields that old and new engines add or drop. The probes use it
 * to journal what the engine said, and the consistency check to read the raw captures again the same way.
 */
public final class DockerJson {

    private DockerJson() {
    }

    public static ContainerObserved container(JsonNode inspect, Instant at, String source, String raw) {
        JsonNode state = inspect.path("State");
        JsonNode config = inspect.path("Config");
        return new ContainerObserved(at, source,
                inspect.path("Id").asText(),
                stripSlash(inspect.path("Name").asText()),
                config.path("Image").asText(""),
                inspect.path("Image").asText(""),
                time(inspect.path("Created").asText(null)),
                state.path("Status").asText(""),
                state.path("Running").asBoolean(false),
                state.has("ExitCode") ? state.path("ExitCode").asInt() : null,
                time(state.path("StartedAt").asText(null)),
                time(state.path("FinishedAt").asText(null)),
                state.path("OOMKilled").asBoolean(false),
                blankToNull(state.path("Error").asText("")),
                config.path("AttachStdout").asBoolean(false),
                config.path("AttachStderr").asBoolean(false),
                config.path("Tty").asBoolean(false),
                ports(inspect.path("HostConfig").path("PortBindings")),
                ports(inspect.path("NetworkSettings").path("Ports")),
                raw);
    }

    /** GET /containers/json?all=1 → the containers listed. */
    public static List<ContainersListed.Listed> listed(JsonNode list) {
        List<ContainersListed.Listed> listed = new ArrayList<>();
        for (JsonNode c : list) {
            String name = c.path("Names").path(0).asText("");
            listed.add(new ContainersListed.Listed(c.path("Id").asText(), stripSlash(name),
                    c.path("Image").asText(""), c.path("State").asText("")));
        }
        return listed;
    }

    /** {"80/tcp":[{"HostIp":"","HostPort":"8080"}]} → bindings; an unpublished exposed port (null) gives none. */
    public static List<PortBinding> ports(JsonNode map) {
        List<PortBinding> bindings = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = map.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> entry = fields.next();
            String[] portProto = entry.getKey().split("/", 2);
            int containerPort;
            try {
                containerPort = Integer.parseInt(portProto[0]);
            } catch (NumberFormatException e) {
                continue;
            }
            String protocol = portProto.length > 1 ? portProto[1] : "tcp";
            if (!entry.getValue().isArray()) {
                continue;
            }
            for (JsonNode b : entry.getValue()) {
                String hostPort = b.path("HostPort").asText("");
                Integer port = null;
                try {
                    port = hostPort.isBlank() ? null : Integer.valueOf(hostPort.trim());
                } catch (NumberFormatException e) {
                    // a port range such as "8080-8090" stays unknown
                }
                bindings.add(new PortBinding(containerPort, protocol, b.path("HostIp").asText(""), port));
            }
        }
        return bindings;
    }

    public static ContainerEventObserved event(JsonNode e, String source) {
        JsonNode attributes = e.path("Actor").path("Attributes");
        long timeNano = e.path("timeNano").asLong(e.path("time").asLong() * 1_000_000_000L);
        Instant at = Instant.ofEpochSecond(timeNano / 1_000_000_000L, timeNano % 1_000_000_000L);
        String id = e.path("Actor").path("ID").asText(e.path("id").asText(""));
        String action = e.path("Action").asText(e.path("status").asText(""));
        Integer exitCode = null;
        if (attributes.hasNonNull("exitCode")) {
            try {
                exitCode = Integer.valueOf(attributes.path("exitCode").asText().trim());
            } catch (NumberFormatException ignored) {
                // keep unknown
            }
        }
        return new ContainerEventObserved(at, source, timeNano, action, id,
                attributes.path("image").asText(e.path("from").asText(null)),
                attributes.path("name").asText(null),
                exitCode,
                attributes.hasNonNull("signal") ? attributes.path("signal").asText() : null);
    }

    public static Instant time(String text) {
        if (text == null || text.isBlank() || text.startsWith("0001-01-01")) {
            return null; // Docker's zero time means "never"
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public static String stripSlash(String name) {
        return name.startsWith("/") ? name.substring(1) : name;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
