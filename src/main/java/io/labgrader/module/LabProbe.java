package io.labgrader.module;

import io.labgrader.live.LiveSource;

import java.util.Optional;

/**
 * Reads one part of the live machine into the evidence bundle. It writes observations, never verdicts; whatever
 * goes wrong is itself recorded as an observation, so a probe returns normally and within its time bound.
 */
public interface LabProbe {

    /** Observes once (check; watch at its start and end), writing into {@code run.bundle()}. */
    void observe(ProbeRun run);

    /**
     * The live source whose events watch follows in place of this probe's looks, when this probe takes a snapshot of
     * it (snapshot at the start, every event, snapshot at the end: {@link LiveSource#whileFollowing}); empty for the
     * other probes, which watch observes at its start and end.
     */
    default Optional<Class<? extends LiveSource>> followedBy() {
        return Optional.empty();
    }
}
