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
                check.contradict(h, Optional.empty(), RawCrossCheck.text("evidence.raw.notHistory", RawCrossCheck.describe(h), h.raw()));
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
                            RawCrossCheck.text("evidence.raw.notInHistory", RawCrossCheck.describe(j), h.raw()));
                    continue;
                }
                ContainerEventObserved asTold = new ContainerEventObserved(engine.at(), j.source(), engine.timeNano(),
                        engine.action(), engine.containerId(), engine.image(), engine.name(), engine.exitCode(), engine.signal());
                List<String> differences = j.equals(asTold) ? List.of() : Differences.of(j, asTold);
                if (!differences.isEmpty()) {
                    contradicted.add(j);
                    check.contradict(j, Optional.of(asTold),
                            RawCrossCheck.text("evidence.raw.historyDiffers", RawCrossCheck.describe(j), h.raw(), String.join(", ", differences)));
                }
            }
            for (ContainerEventObserved e : history) {
                if (!journaled.containsKey(e.key()) && restored.add(e.key())) {
                    check.restore(e);
                    check.lacking(RawCrossCheck.text("evidence.raw.onlyInHistory", RawCrossCheck.describe(e), h.raw()));
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
