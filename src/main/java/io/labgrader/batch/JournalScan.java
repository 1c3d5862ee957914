package io.labgrader.batch;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.labgrader.evidence.Json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads what the flags need from a journal in one pass over its tokens, without building the observations: each
 * observation's source, and the machine identifiers (container IDs, Docker daemon IDs, VM UUIDs, MAC addresses).
 * The graders read the journal fully; this is the batch's second look at every student's journal, so it is kept
 * cheap. The identifiers are taken only from the observation types and fields that hold them:
 * <pre>
 *   docker.engine      daemonId            docker.container   id
 *   docker.event       containerId         docker.containers  containers[].id
 *   http.probe         containerId         vm.machine         uuid, nics[].mac
 * </pre>
 */
final class JournalScan {

    /**
     * @param observations how many observations the journal holds
     * @param sources      observations per source ("check", "watch", "replay"…), sorted
     * @param identifiers  raw values by kind ("container", "daemon", "vm", "mac"), not yet normalised
     */
    record Result(int observations, Map<String, Integer> sources, List<String[]> identifiers) {
    }

    private JournalScan() {
    }

    /** @throws IOException when the journal cannot be read or is not JSON */
    static Result scan(Path journal) throws IOException {
        Map<String, Integer> sources = new TreeMap<>();
        List<String[]> identifiers = new ArrayList<>();
        int observations = 0;
        try (InputStream in = Files.newInputStream(journal);
             JsonParser parser = Json.mapper().getFactory().createParser(in)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token != JsonToken.START_OBJECT) {
                    throw new IOException("not an observation at line " + parser.currentLocation().getLineNr());
                }
                observations++;
                observation(parser, sources, identifiers);
            }
        }
        return new Result(observations, sources, identifiers);
    }

    /** One observation, from its START_OBJECT to its END_OBJECT. */
    private static void observation(JsonParser parser, Map<String, Integer> sources, List<String[]> identifiers)
            throws IOException {
        String type = null;
        String source = null;
        List<String[]> found = new ArrayList<>();   // [field path, value]; the type may come after the fields
        List<String> path = new ArrayList<>();
        int depth = 1;
        String field = null;
        JsonToken token;
        while (depth > 0 && (token = parser.nextToken()) != null) {
            switch (token) {
                case FIELD_NAME -> field = parser.currentName();
                case START_OBJECT, START_ARRAY -> {
                    depth++;
                    path.add(field == null ? "[]" : field);
                    field = null;
                }
                case END_OBJECT, END_ARRAY -> {
                    depth--;
                    if (!path.isEmpty() && depth > 0) {
                        path.remove(path.size() - 1);
                    }
                }
                case VALUE_STRING -> {
                    String value = parser.getText();
                    if (depth == 1 && "type".equals(field)) {
                        type = value;
                    } else if (depth == 1 && "source".equals(field)) {
                        source = value;
                    } else if (field != null) {
                        found.add(new String[]{String.join("/", path) + "/" + field, value});
                    }
                }
                default -> {
                    // numbers, booleans, nulls: nothing the flags need
                }
            }
        }
        sources.merge(source == null ? "?" : source.trim().toLowerCase(Locale.ROOT), 1, Integer::sum);
        if (type == null) {
            return;
        }
        for (String[] f : found) {
            String kind = kind(type, f[0]);
            if (kind != null) {
                identifiers.add(new String[]{kind, f[1]});
            }
        }
    }

    /** Which identifier a field of an observation type holds, if any; the path is relative to the observation. */
    private static String kind(String type, String path) {
        return switch (type + " " + path) {
            case "docker.engine /daemonId" -> "daemon";
            case "docker.container /id", "docker.event /containerId", "http.probe /containerId",
                 "docker.containers containers/[]/id" -> "container";
            case "vm.machine /uuid" -> "vm";
            case "vm.machine nics/[]/mac" -> "mac";
            default -> null;
        };
    }

    /** The live sources, lower case. */
    static boolean anyOf(Map<String, Integer> sources, Set<String> wanted) {
        return sources.keySet().stream().anyMatch(wanted::contains);
    }
}
