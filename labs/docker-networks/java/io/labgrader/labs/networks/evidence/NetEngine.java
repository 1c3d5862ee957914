package io.labgrader.labs.networks.evidence;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.labgrader.evidence.Observation;

import java.time.Instant;

/**
 * The Docker Engine one probe run of the lab "Docker networks and volumes" read.
 *
 * @param run      the probe run this observation belongs to: observations of one run describe one moment
 * @param daemonId the engine's id, which ties evidence to one machine (empty on Podman, whose id changes per call)
 */
@JsonTypeName(NetEngine.TYPE)
public record NetEngine(Instant at, String source, String run, String endpoint, String version, String apiVersion,
                        String daemonId) implements Observation {

    public static final String TYPE = "net.engine";
}
