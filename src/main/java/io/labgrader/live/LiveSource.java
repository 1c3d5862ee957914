package io.labgrader.live;

import io.labgrader.evidence.EvidenceBundle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A live system that the commands read evidence from, whichever lab is graded (the Docker Engine is one): check
 * connects to it before the rubric is known, watch and replay follow its events. Each registers itself in
 * {@code META-INF/services/io.labgrader.live.LiveSource}; the engine finds them with {@link java.util.ServiceLoader}
 * ({@link LiveSources}), so that the core packages name none of its types.
 */
public interface LiveSource {

    /**
     * Connects, within its own time bounds: the open connection, or one that says why none could be made (the probe
     * records that). Check calls it on a background thread while the rubric is read; the lab's probes find the
     * connection in their {@code module.ProbeRun}, and check closes it after them.
     */
    LiveConnection connect(Clock clock, String source);

    /** Where this source may be on this machine, in the order they are tried. */
    List<? extends LivePlace> places();

    /**
     * Takes one snapshot into the bundle from the first of {@code places} that answers.
     *
     * @param historyFloor events before this moment are not read
     * @return the place that answered, or empty when none did (which is recorded in the bundle)
     */
    Optional<LivePlace> snapshot(EvidenceBundle bundle, List<? extends LivePlace> places, String source, Instant historyFloor);

    /**
     * Follows the events of {@code place} (one of this source's) into the bundle while {@code body} runs, and
     * returns what the body returned; or, when the place stopped answering before following could start (recorded in
     * the bundle), what {@code unreachable} returns.
     */
    <T> T whileFollowing(LivePlace place, Following following, Supplier<T> body, Supplier<T> unreachable);

    /**
     * What following is given.
     *
     * @param historyFloor events before this moment are not read
     * @param portDeadline how long a freshly started part's ports are retried
     * @param log          one line per event followed, for the user
     */
    record Following(EvidenceBundle bundle, String source, Instant historyFloor, Duration portDeadline,
                     Consumer<String> log) {
    }
}
