package io.labgrader.evidence.docker;

import io.labgrader.evidence.Observation;

import java.time.Instant;
import java.util.List;

/** No Docker Engine answered. Lists every endpoint tried and what went wrong there. */
public record EngineUnreachable(Instant at, String source, List<Attempt> attempts) implements Observation {

    public EngineUnreachable {
        attempts = List.copyOf(attempts);
    }

    /** What went wrong at one endpoint; {@link Problem} lets graders give the right advice. */
    public record Attempt(String endpoint, Problem problem, String detail) {
    }

    public enum Problem {
        /** no docker socket or named pipe exists at all */
        SOCKET_MISSING,
        /** the socket exists but this user may not use it */
        PERMISSION_DENIED,
        /** nothing accepts connections there */
        CONNECTION_REFUSED,
        /** it accepted the connection but did not answer in time */
        NO_ANSWER,
        /** it answered, but not like a Docker Engine */
        NOT_DOCKER,
        /** the docker context chosen (DOCKER_CONTEXT or config.json) is unknown, unreadable, or reached in a way labgrader cannot */
        CONTEXT_UNUSABLE,
        OTHER
    }
}
