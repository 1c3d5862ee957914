package io.labgrader.probe.docker;

import io.labgrader.evidence.docker.EngineUnreachable;

/** No endpoint answered like a Docker Engine. */
public class DockerUnreachableException extends Exception {

    private final transient EngineUnreachable observation;

    public DockerUnreachableException(EngineUnreachable observation) {
        super("no Docker Engine answered: " + observation.attempts());
        this.observation = observation;
    }

    public EngineUnreachable observation() {
        return observation;
    }
}
