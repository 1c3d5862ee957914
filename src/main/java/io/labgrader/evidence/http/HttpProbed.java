package io.labgrader.evidence.http;

import io.labgrader.evidence.Observation;

import java.time.Instant;

/**
 * An HTTP GET and what came back. Exactly one of {@code status} and {@code error} is set.
 *
 * @param containerId the container publishing the port, when the probe was made for one
 * @param title       the page's &lt;title&gt; as Jsoup parsed it
 * @param truncated   true when the body was longer than the probe reads
 * @param error       why there was no answer: refused, timed out, reset…
 * @param raw         the bundle path of the body as received
 */
public record HttpProbed(Instant at, String source, String containerId, String url, int hostPort,
                         Integer status, String server, String title, String contentType, long bodyBytes,
                         boolean truncated, String error, long millis, String raw) implements Observation {

    public HttpProbed withRaw(String rawPath) {
        return new HttpProbed(at, source, containerId, url, hostPort, status, server, title, contentType, bodyBytes,
                truncated, error, millis, rawPath);
    }
}
