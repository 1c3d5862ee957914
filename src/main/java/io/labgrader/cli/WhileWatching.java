package io.labgrader.cli;

import io.labgrader.evidence.EvidenceBundle;
import io.labgrader.live.LivePlace;
import io.labgrader.live.LiveSource;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs something (waiting for Ctrl-C in watch, a student's script in replay) while the live sources' events (the
 * Docker Engine's) are followed into the evidence, one line per event on {@code log}.
 */
final class WhileWatching {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** A live source and the place where it answered the first snapshot. */
    record Reached(LiveSource source, LivePlace place) {
    }

    private WhileWatching() {
    }

    /** The first snapshot of each source; those that answered, in order (a silent one is recorded as evidence). */
    static List<Reached> firstLooks(List<LiveSource> sources, EvidenceBundle bundle, String source, Instant historyFloor) {
        return sources.stream()
                .flatMap(s -> s.snapshot(bundle, s.places(), source, historyFloor).map(p -> new Reached(s, p)).stream())
                .toList();
    }

    /** The snapshot at the end, of the places reached at the start: what is left, removed or not. */
    static void lastLooks(List<Reached> reached, EvidenceBundle bundle, String source, Instant historyFloor) {
        reached.forEach(r -> r.source().snapshot(bundle, List.of(r.place()), source, historyFloor));
    }

    /**
     * @param unreachable what to return when a source stopped answering before watching could start
     */
    static <T> T run(List<Reached> reached, EvidenceBundle bundle, Instant historyFloor, String source,
                     Duration portDeadline, PrintStream log, Supplier<T> body, Supplier<T> unreachable) {
        if (reached.isEmpty()) {
            return body.get();
        }
        Reached first = reached.get(0);
        LiveSource.Following following = new LiveSource.Following(bundle, source, historyFloor, portDeadline,
                line -> log.println("  " + LocalTime.now().format(TIME) + "  " + line));
        return first.source().whileFollowing(first.place(), following, () -> run(reached.subList(1, reached.size()),
                bundle, historyFloor, source, portDeadline, log, body, unreachable), unreachable);
    }
}
