package io.labgrader.evidence.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import io.labgrader.evidence.Json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compares the journal's container events with the engine's event history as each read saved it. The engine keeps
 * its latest events without gaps, so a read covers the time from its earliest event to its "until": within that,
 * every event of the history must be in the journal as the engine told it, and every journal event in the history.
 * Before the earliest event (the engine restarted, or more happened than it keeps) nothing can be said.
 */
final class EventHistories {

    private EventHistories() {
    }

    static void compare(List<ContainerEventObserved> journal, List<Map.Entry<EventHistoryRead, byte[]>> reads,
                        RawCrossCheck check) {
        Map<String, ContainerEventObserved> journaled = new HashMap<>();
        journal.forEach(e -> journaled.putIfAbsent(e.key(), e));
        Set<String> restored = new HashSet<>();
        Set<ContainerEventObserved> contradicted = new HashSet<>();
        for (Map.Entry<EventHistoryRead, byte[]> read : reads) {
            EventHistoryRead h = read.getKey();
            List<ContainerEventObserved> history = parse(read.getValue(), h);
            if (history == null) {
                check.contradict(h, Optional.empty(), RawCrossCheck.describe(h) + ": die Rohaufnahme " + h.raw() + " ist kein Ereignisverlauf der Engine",
                        RawCrossCheck.describe(h) + ": the raw capture " + h.raw() + " is not an event history of the engine");
                continue;
            }
            if (history.isEmpty()) {
                continue;
            }
            long from = history.stream().mapToLong(ContainerEventObserved::timeNano).min().orElseThrow();
            long to = h.until() == null ? Long.MAX_VALUE : h.until().getEpochSecond() * 1_000_000_000L + h.until().getNano();
            Map<String, ContainerEventObserved> told = new HashMap<>();
            history.forEach(e -> told.putIfAbsent(e.key(), e));
            for (ContainerEventObserved j : journal) {
                if (j.timeNano() < from || j.timeNano() > to || contradicted.contains(j)) {
                    continue;
                }
                ContainerEventObserved engine = told.get(j.key());
                if (engine == null) {
                    contradicted.add(j);
                    check.contradict(j, Optional.empty(),
                            RawCrossCheck.describe(j) + " fehlt im Ereignisverlauf der Engine " + h.raw(),
                            RawCrossCheck.describe(j) + " is not in the engine's event history " + h.raw());
                    continue;
                }
                ContainerEventObserved asTold = new ContainerEventObserved(engine.at(), j.source(), engine.timeNano(),
                        engine.action(), engine.containerId(), engine.image(), engine.name(), engine.exitCode(), engine.signal());
                List<String> differences = j.equals(asTold) ? List.of() : Differences.of(j, asTold);
                if (!differences.isEmpty()) {
                    contradicted.add(j);
                    check.contradict(j, Optional.of(asTold),
                            RawCrossCheck.describe(j) + " weicht vom Ereignisverlauf der Engine " + h.raw() + " ab: " + String.join(", ", differences),
                            RawCrossCheck.describe(j) + " disagrees with the engine's event history " + h.raw() + ": " + String.join(", ", differences));
                }
            }
            for (ContainerEventObserved e : history) {
                if (!journaled.containsKey(e.key()) && restored.add(e.key())) {
                    check.restore(e);
                    check.lacking(RawCrossCheck.describe(e) + " steht im Ereignisverlauf der Engine " + h.raw() + ", fehlt aber im Journal",
                            RawCrossCheck.describe(e) + " is in the engine's event history " + h.raw() + " but missing from the journal");
                }
            }
        }
    }

    /** The container events of one saved history up to its "until", as the probe journaled them; null if unreadable. */
    private static List<ContainerEventObserved> parse(byte[] body, EventHistoryRead h) {
        List<ContainerEventObserved> events = new ArrayList<>();
        long until = h.until() == null ? Long.MAX_VALUE : h.until().getEpochSecond() * 1_000_000_000L + h.until().getNano();
        try (MappingIterator<JsonNode> it = Json.mapper().readerFor(JsonNode.class).readValues(body)) {
            while (it.hasNextValue()) {
                JsonNode event = it.nextValue();
                if (!"container".equals(event.path("Type").asText("container"))) {
                    continue;
                }
                ContainerEventObserved e = DockerJson.event(event, h.source());
                if (e.timeNano() <= until) {
                    events.add(e);
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return events;
    }
}
