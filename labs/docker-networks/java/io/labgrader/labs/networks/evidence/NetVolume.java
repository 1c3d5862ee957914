package io.labgrader.labs.networks.evidence;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.labgrader.evidence.Observation;

import java.time.Instant;

/**
 * One Docker volume as {@code GET /volumes} listed it (its host mount point is not kept: grading needs no path).
 *
 * @param anonymous made by {@code -v /path} or an image's VOLUME, not named by the student: the engine's label
 *                  com.docker.volume.anonymous (Engine 23 and newer) or, on older engines, a 64-hex-digit name
 */
@JsonTypeName(NetVolume.TYPE)
public record NetVolume(Instant at, String source, String run, String name, String driver, boolean anonymous)
        implements Observation {

    public static final String TYPE = "net.volume";
}
