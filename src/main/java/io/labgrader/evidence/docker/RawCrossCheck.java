package io.labgrader.evidence.docker;

import com.fasterxml.jackson.databind.JsonNode;
import io.labgrader.evidence.Evidence;
import io.labgrader.evidence.Json;
import io.labgrader.evidence.Observation;
import io.labgrader.evidence.RawCaptures;
import io.labgrader.evidence.http.HttpProbed;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the raw captures of a bundle again (the engine's JSON answers, its event history, the pages that answered)
 * and compares them with the journal's observations: each observation must say what its capture says, be dated
 * when its capture was saved, and have a capture of its own; every event the engine's history holds must be in the
 * journal, and no journal event may be missing from a history that covers its time. A journal edited afterwards,
 * even with the manifest's hashes computed again, disagrees with the captures unless they were forged as well.
 */
public final class RawCrossCheck {

    /** A capture is saved within moments of its observation; an HTTP answer up to its timeout later. */
    static final Duration STAMP_TOLERANCE = Duration.ofSeconds(10);
    static final Pattern RAW_NAME = Pattern.compile("raw/(\\d{8}T\\d{6}\\.\\d{3}Z)-(\\d+)-(.+)");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'");

    private final RawCaptures raw;
    private final List<ConsistencyReport.Disagreement> disagreements = new ArrayList<>();
    private final Map<Observation, Optional<Observation>> replaced = new IdentityHashMap<>();
    private final List<Observation> restored = new ArrayList<>();
    private final Map<String, Observation> named = new HashMap<>();

    private RawCrossCheck(RawCaptures raw) {
        this.raw = raw;
    }

    /** The check of one bundle, made once however many suites ask; clean when its captures cannot be looked at. */
    public static ConsistencyReport of(Evidence evidence) {
        if (!evidence.raw().available()) {
            return ConsistencyReport.CLEAN;
        }
        String daemon = evidence.manifest() == null || evidence.manifest().host() == null ? null
                : evidence.manifest().host().dockerDaemonId();
        return evidence.raw().derived(ConsistencyReport.class, r -> check(evidence.observations(), r, daemon));
    }

    static ConsistencyReport check(List<Observation> journal, RawCaptures raw, String manifestDaemon) {
        RawCrossCheck check = new RawCrossCheck(raw);
        check.manifestDaemon(manifestDaemon, journal);
        boolean hasCaptures = !raw.paths().isEmpty();
        List<ContainerEventObserved> events = new ArrayList<>();
        List<Map.Entry<EventHistoryRead, byte[]>> histories = new ArrayList<>();
        for (Observation o : journal) {
            if (o instanceof ContainerEventObserved e) {
                events.add(e);
                check.eventTime(e);
                continue;
            }
            String path = rawOf(o);
            if (path == null) {
                if (hasCaptures && needsCapture(o)) {
                    check.contradict(o, Optional.empty(), text("evidence.raw.noCapture", describe(o)));
                }
                continue;
            }
            Optional<byte[]> bytes = check.claim(o, path);
            if (bytes.isEmpty()) {
                continue;
            }
            if (o instanceof EventHistoryRead h) {
                histories.add(Map.entry(h, bytes.get()));
            }
            check.compare(o, path, bytes.get());
        }
        EventHistories.compare(events, histories, check);
        if (!check.named.isEmpty() || !events.isEmpty()) {
            check.orphans(); // a journal with no Docker observation at all is reported as such, not capture by capture
        }
        return new ConsistencyReport(check.disagreements, check.replaced, check.restored);
    }

    /** Marks the capture as named by {@code o}; empty (and a disagreement) when it is missing or named twice. */
    private Optional<byte[]> claim(Observation o, String path) {
        Observation earlier = named.putIfAbsent(path, o);
        if (earlier != null) {
            contradict(o, Optional.empty(), text("evidence.raw.sameCapture", describe(o), path));
            return Optional.empty();
        }
        Optional<byte[]> bytes = raw.read(path);
        if (bytes.isEmpty()) {
            contradict(o, Optional.empty(), text("evidence.raw.missing", describe(o), path));
        }
        return bytes;
    }

    private void compare(Observation o, String path, byte[] bytes) {
        Optional<Instant> saved = savedAt(path);
        if (saved.isPresent() && Duration.between(saved.get(), o.at()).abs().compareTo(STAMP_TOLERANCE) > 0) {
            // a saved page holds no status: an answer is believed only as the journal dated it
            Optional<Observation> instead = o instanceof HttpProbed ? Optional.empty() : reread(o, path, bytes, saved.get());
            contradict(o, instead, text("evidence.raw.savedElsewhen", describe(o), o.at(), path, saved.get()));
            return;
        }
        Optional<Observation> again = reread(o, path, bytes, o.at());
        if (again.isEmpty()) {
            if (!(o instanceof EventHistoryRead) && !(o instanceof HttpProbed)) {
                contradict(o, Optional.empty(), text("evidence.raw.notEngine", describe(o), path));
            }
            return;
        }
        if (o.equals(again.get())) {
            return; // the usual case, without looking at each field
        }
        List<String> differences = Differences.of(o, again.get());
        if (!differences.isEmpty()) {
            String list = String.join(", ", differences);
            contradict(o, o instanceof HttpProbed ? Optional.empty() : again,
                    text("evidence.raw.differs", describe(o), path, list));
        }
    }

    /** The observation as its capture tells it, dated {@code at}; empty when the capture cannot be read as one. */
    private Optional<Observation> reread(Observation o, String path, byte[] bytes, Instant at) {
        try {
            if (o instanceof ContainerObserved c) {
                return Optional.of(DockerJson.container(Json.mapper().readTree(bytes), at, c.source(), path));
            }
            if (o instanceof ContainersListed l) {
                return Optional.of(new ContainersListed(at, l.source(), DockerJson.listed(Json.mapper().readTree(bytes)), path));
            }
            if (o instanceof EngineObserved e) {
                return Optional.of(EngineCapture.reread(e, path, bytes, at, raw));
            }
            if (o instanceof HttpProbed h) {
                return Optional.of(HttpCapture.reread(h, path, bytes, at));
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The manifest's Docker daemon ID is the one the last look at the engine reported. */
    private void manifestDaemon(String manifestDaemon, List<Observation> journal) {
        List<String> reported = journal.stream().filter(EngineObserved.class::isInstance).map(o -> ((EngineObserved) o).daemonId())
                .filter(id -> id != null && !id.isBlank()).toList();
        if (manifestDaemon != null && !manifestDaemon.isBlank() && !reported.isEmpty() && !reported.contains(manifestDaemon)) {
            lacking(text("evidence.raw.daemonUnreported", manifestDaemon));
        }
    }

    private void eventTime(ContainerEventObserved e) {
        Instant engineTime = Instant.ofEpochSecond(Math.floorDiv(e.timeNano(), 1_000_000_000L), Math.floorMod(e.timeNano(), 1_000_000_000L));
        if (!engineTime.equals(e.at())) {
            contradict(e, Optional.empty(), text("evidence.raw.engineDated", describe(e), e.at(), engineTime));
        }
    }

    /** Captures of the engine's answers that no observation names: the observation was removed from the journal. */
    private void orphans() {
        for (String path : raw.paths()) {
            Matcher m = RAW_NAME.matcher(path);
            if (named.containsKey(path) || !m.matches()) {
                continue;
            }
            String kind = m.group(3);
            boolean container = kind.startsWith("container-") && kind.endsWith(".json");
            boolean answer = container || kind.equals("containers.json") || kind.equals("events.jsonl")
                    || kind.equals("version.json") || kind.matches("http-\\d+\\.html");
            if (!answer) {
                continue;
            }
            Instant at = savedAt(path).orElse(Instant.EPOCH);
            if (container || kind.equals("containers.json")) {
                raw.read(path).ifPresent(bytes -> {
                    try {
                        JsonNode node = Json.mapper().readTree(bytes);
                        restored.add(container ? DockerJson.container(node, at, "raw", path)
                                : new ContainersListed(at, "raw", DockerJson.listed(node), path));
                    } catch (IOException | RuntimeException e) {
                        // not the engine's JSON: reported below all the same
                    }
                });
            }
            lacking(text("evidence.raw.orphan", path));
        }
    }

    void contradict(Observation o, Optional<Observation> instead, Said text) {
        if (!replaced.containsKey(o)) {
            replaced.put(o, instead);
        }
        disagreements.add(new ConsistencyReport.Disagreement(o, text.key(), text.args()));
    }

    void restore(Observation o) {
        restored.add(o);
    }

    void lacking(Said text) {
        disagreements.add(new ConsistencyReport.Disagreement(null, text.key(), text.args()));
    }

    static Optional<Instant> savedAt(String path) {
        Matcher m = RAW_NAME.matcher(path);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(m.group(1), STAMP).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String rawOf(Observation o) {
        if (o instanceof ContainerObserved c) {
            return c.raw();
        } else if (o instanceof ContainersListed l) {
            return l.raw();
        } else if (o instanceof EngineObserved e) {
            return e.raw();
        } else if (o instanceof EventHistoryRead h) {
            return h.raw();
        } else if (o instanceof HttpProbed h) {
            return h.raw();
        }
        return null;
    }

    /** The probes save a capture with every one of these (an HTTP answer only when something answered). */
    private static boolean needsCapture(Observation o) {
        return o instanceof ContainerObserved || o instanceof ContainersListed || o instanceof EventHistoryRead
                || o instanceof EngineObserved || (o instanceof HttpProbed h && h.status() != null);
    }

    /** "docker.container 99150277907a (2026-11-28T01:19:12.234Z)": the journal's own words, the same in every language. */
    static String describe(Observation o) {
        String what;
        if (o instanceof ContainerObserved c) {
            what = "docker.container " + shortId(c.id());
        } else if (o instanceof ContainerEventObserved e) {
            what = "docker.event " + e.action() + " " + shortId(e.containerId());
        } else if (o instanceof ContainersListed) {
            what = "docker.containers";
        } else if (o instanceof EngineObserved) {
            what = "docker.engine";
        } else if (o instanceof EventHistoryRead) {
            what = "docker.event-history";
        } else if (o instanceof HttpProbed h) {
            what = "http.probe " + h.hostPort();
        } else {
            what = o.getClass().getSimpleName();
        }
        return what + " (" + o.at() + ")";
    }

    static String shortId(String id) {
        return id == null ? "?" : id.substring(0, Math.min(12, id.length()));
    }

    /** A disagreement's words: a key of labgrader's bundle (evidence.raw.*) and its arguments, as strings. */
    static Said text(String key, Object... args) {
        return new Said(key, java.util.Arrays.stream(args).map(String::valueOf).toList());
    }

    record Said(String key, List<String> args) {
    }
}
