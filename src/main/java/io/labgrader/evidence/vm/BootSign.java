package io.labgrader.evidence.vm;

import java.time.Instant;

/**
 * A trace a VM leaves when it is started: it is running now, or a hypervisor log, firmware NVRAM or saved state
 * exists. Facts only; whether they show an installed guest is for the grader to judge.
 *
 * @param detail what exactly was found, e.g. "Logs/VBox.log" or "state running"
 * @param when   when the trace was made (file time, state change time), if known
 */
public record BootSign(Kind kind, String detail, Instant when) {

    public enum Kind {
        /** seen running or paused */
        RUNNING,
        /** started at some time: a run log, NVRAM written at first power-on, a saved state, a shutdown reason */
        STARTED
    }
}
