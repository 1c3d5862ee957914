package io.labgrader.evidence.docker;

import io.labgrader.evidence.Observation;

import java.time.Instant;

/**
 * A container event from the engine's event stream or its history (create, start, kill, die, stop, destroy…).
 *
 * @param timeNano the engine's own timestamp, which identifies the event together with id and action
 * @param image    the Actor's "image" attribute as the student named it
 * @param signal   the "signal" attribute of a kill event ("3" for SIGQUIT, "9" for SIGKILL)
 * @param exitCode the "exitCode" attribute of a die event
 */
public record ContainerEventObserved(Instant at, String source, long timeNano, String action, String containerId,
                                     String image, String name, Integer exitCode, String signal)
        implements Observation {

    /**
     * The action in Docker's words. Podman's compatible API passes on its own names for two of them: "remove" for
     * Docker's "destroy", and (in its own event log) "died" for "die" (containers/podman libpod/events/config.go).
     */
    public String kind() {
        return switch (action == null ? "" : action) {
            case "remove" -> "destroy";
            case "died" -> "die";
            default -> action == null ? "" : action;
        };
    }

    /** Identity of the event, so the same event read twice (check then check again) counts once. */
    public String key() {
        return timeNano + "/" + containerId + "/" + action;
    }
}
