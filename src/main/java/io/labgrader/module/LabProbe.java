package io.labgrader.module;

/**
 * Reads one part of the live machine into the evidence bundle. It writes observations, never verdicts; whatever
 * goes wrong is itself recorded as an observation, so a probe returns normally and within its time bound.
 */
public interface LabProbe {

    /** Observes once (check), writing into {@code run.bundle()}. */
    void observe(ProbeRun run);
}
