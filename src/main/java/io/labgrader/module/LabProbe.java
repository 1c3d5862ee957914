package io.labgrader.module;

/**
 * Reads one part of the live machine into the evidence bundle. It writes observations, never verdicts; whatever
 * goes wrong is itself recorded as an observation, so a probe returns normally and within its time bound.
 */
public interface LabProbe {

    /** Observes once (check; watch at its start and end), writing into {@code run.bundle()}. */
    void observe(ProbeRun run);

    /**
     * Whether this probe takes a snapshot of the Docker Engine that watch replaces by following the engine's events
     * (snapshot at the start, every event, snapshot at the end: the engine's watcher in the command). The other
     * probes watch observes at its start and end.
     */
    default boolean followsDockerEvents() {
        return false;
    }
}
