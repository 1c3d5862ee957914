package io.labgrader.labs.networks.evidence;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.labgrader.evidence.Observation;

import java.time.Instant;
import java.util.List;

/**
 * No Docker Engine could be read in one probe run, or it stopped answering part-way: what was tried and what went
 * wrong, in the engine connection's own words.
 *
 * @param attempts one line per endpoint tried, e.g. "unix:///var/run/docker.sock: connection refused"
 */
@JsonTypeName(NetUnreachable.TYPE)
public record NetUnreachable(Instant at, String source, String run, List<String> attempts) implements Observation {

    public static final String TYPE = "net.unreachable";

    public NetUnreachable {
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
    }
}
