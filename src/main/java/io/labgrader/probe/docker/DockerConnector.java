package io.labgrader.probe.docker;

import io.labgrader.evidence.docker.EngineUnreachable;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Finds the first endpoint that answers like a Docker Engine, remembering every failed attempt. */
public final class DockerConnector {

    private DockerConnector() {
    }

    public static DockerApi connect(List<DockerEndpoint> candidates, Duration timeout, Clock clock, String source)
            throws DockerUnreachableException {
        List<EngineUnreachable.Attempt> attempts = new ArrayList<>();
        for (DockerEndpoint endpoint : candidates) {
            if (!endpoint.usable()) {
                // a docker context that cannot be used: nothing to connect to, but the student must read why
                attempts.add(new EngineUnreachable.Attempt(endpoint.toString(), EngineUnreachable.Problem.CONTEXT_UNUSABLE,
                        endpoint.unusable()));
                continue;
            }
            DockerApi api = null;
            try {
                // building the client reads a context's TLS material, which can fail as well
                api = new DockerApi(endpoint, timeout);
                byte[] ping = api.get("/_ping");
                String answer = new String(ping, StandardCharsets.UTF_8).strip();
                if (!answer.equals("OK")) {
                    throw new DockerApi.DockerCallException(EngineUnreachable.Problem.NOT_DOCKER,
                            "answered '" + (answer.length() > 60 ? answer.substring(0, 60) + "…" : answer) + "' instead of OK to /_ping");
                }
                return api;
            } catch (DockerApi.DockerCallException e) {
                attempts.add(e.attempt(endpoint));
                close(api);
            } catch (RuntimeException e) {
                attempts.add(DockerApi.DockerCallException.from(e).attempt(endpoint));
                close(api);
            }
        }
        throw new DockerUnreachableException(new EngineUnreachable(clock.instant(), source, attempts));
    }

    private static void close(DockerApi api) {
        if (api != null) {
            api.close();
        }
    }
}
