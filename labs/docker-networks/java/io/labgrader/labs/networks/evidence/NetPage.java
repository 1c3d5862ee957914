package io.labgrader.labs.networks.evidence;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.labgrader.evidence.Observation;

import java.time.Instant;

/**
 * One HTTP GET on a port a running container published, in one probe run: what answered, and a fingerprint of the
 * page, so that "the same page after re-creating the container" can be judged from evidence alone.
 *
 * @param status null when nothing answered (then error says why)
 * @param sha256 SHA-256 of the body as received (at most {@code HttpPageProbe.MAX_BODY_BYTES})
 * @param text   the page's visible text, cut to 200 characters, for messages
 * @param raw    the body as received, in raw/
 */
@JsonTypeName(NetPage.TYPE)
public record NetPage(Instant at, String source, String run, String containerId, String url, int hostPort,
                      Integer status, String server, String title, String sha256, long size, String text,
                      String error, String raw) implements Observation {

    public static final String TYPE = "net.page";
}
