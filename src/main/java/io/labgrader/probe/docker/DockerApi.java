package io.labgrader.probe.docker;

import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import io.labgrader.evidence.docker.EngineUnreachable;
import io.labgrader.evidence.docker.EngineUnreachable.Problem;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Raw access to one Docker Engine endpoint through docker-java's transport. Answers are kept as bytes, exactly as
 * the engine sent them, so that evidence holds what the engine said. Paths carry no API version: the engine
 * answers in its own, which keeps old (1.41) and new (Engine 29, 1.52) engines working alike.
 * Every call is bounded in time, including an engine that accepts the connection and never answers.
 */
public final class DockerApi implements Closeable {

    /** Engine answers are small; a larger one is not what we asked for. */
    static final int MAX_ANSWER_BYTES = 16 * 1024 * 1024;

    private final DockerEndpoint endpoint;
    private final DockerHttpClient client;
    private final Duration timeout;
    private final ExecutorService calls = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "docker-api");
        t.setDaemon(true);
        return t;
    });

    public DockerApi(DockerEndpoint endpoint, Duration timeout) {
        this.endpoint = endpoint;
        this.timeout = timeout;
        this.client = new ZerodepDockerHttpClient.Builder()
                .dockerHost(endpoint.uri())
                .sslConfig(SocketWithoutTls.forEndpoint(endpoint.uri(), endpoint.ssl()))
                .connectionTimeout(timeout)
                .responseTimeout(timeout)
                .maxConnections(8)
                .build();
    }

    public DockerEndpoint endpoint() {
        return endpoint;
    }

    /** Calls asked for ahead ({@link #prefetch}), by path, until {@link #get} takes them. */
    private final Map<String, Future<byte[]>> prefetched = new ConcurrentHashMap<>();

    /**
     * Starts GETs whose answers will be asked for soon, all at once: a snapshot's independent questions then cost
     * one round trip to the engine instead of one each. {@link #get} of such a path takes its answer, bounded and
     * checked as any other; a path is fetched ahead once.
     */
    public void prefetch(String... paths) {
        for (String path : paths) {
            prefetched.computeIfAbsent(path, this::submit);
        }
    }

    /** GET {@code path}; the body as sent, or an exception that says what went wrong. */
    public byte[] get(String path) throws DockerCallException {
        Future<byte[]> ahead = prefetched.remove(path);
        Future<byte[]> call = ahead != null ? ahead : submit(path);
        try {
            // the transport has its own timeouts; this bound also covers DNS, TLS and a stalled body
            return call.get(timeout.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new DockerCallException(Problem.NO_ANSWER, "no answer within " + timeout.multipliedBy(2).toSeconds() + " s");
        } catch (ExecutionException e) {
            throw DockerCallException.from(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DockerCallException(Problem.OTHER, "interrupted");
        }
    }

    private Future<byte[]> submit(String path) {
        return calls.submit(() -> {
            DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                    .method(DockerHttpClient.Request.Method.GET).path(path).build();
            try (DockerHttpClient.Response response = client.execute(request)) {
                byte[] body = readBounded(response.getBody());
                if (response.getStatusCode() / 100 != 2) {
                    throw new DockerCallException(Problem.OTHER, "HTTP " + response.getStatusCode() + " for " + path + ": "
                            + new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8).strip());
                }
                return body;
            }
        });
    }

    /** Opens a streaming GET (the event stream). The caller reads the stream and closes the response. */
    public DockerHttpClient.Response stream(String path) {
        return client.execute(DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET).path(path).build());
    }

    private static byte[] readBounded(InputStream body) throws IOException {
        if (body == null) {
            return new byte[0];
        }
        byte[] bytes = body.readNBytes(MAX_ANSWER_BYTES + 1);
        if (bytes.length > MAX_ANSWER_BYTES) {
            throw new DockerCallException(Problem.NOT_DOCKER, "answer larger than " + MAX_ANSWER_BYTES + " bytes");
        }
        return bytes;
    }

    @Override
    public void close() {
        calls.shutdownNow();
        try {
            client.close();
        } catch (IOException | RuntimeException e) {
            // closing a broken connection has nothing left to tell
        }
    }

    /** A failed call, classified so that graders can give the right advice. */
    public static final class DockerCallException extends IOException {
        private static final java.util.regex.Pattern JAVA_CLASS_PREFIX =
                java.util.regex.Pattern.compile("(?:[a-z][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error): ?");
        private final Problem problem;

        public DockerCallException(Problem problem, String message) {
            super(message);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }

        public EngineUnreachable.Attempt attempt(DockerEndpoint endpoint) {
            return new EngineUnreachable.Attempt(endpoint.toString(), problem, getMessage());
        }

        static DockerCallException from(Throwable thrown) {
            if (thrown instanceof DockerCallException d) {
                return d;
            }
            String text = chain(thrown);
            String lower = text.toLowerCase(java.util.Locale.ROOT);
            Problem problem;
            if (lower.contains("permission denied") || lower.contains("access is denied") || lower.contains("eacces")) {
                problem = Problem.PERMISSION_DENIED;
            } else if (lower.contains("no such file") || lower.contains("enoent") || lower.contains("cannot find the file")) {
                problem = Problem.SOCKET_MISSING;
            } else if (lower.contains("connection refused") || lower.contains("econnrefused")) {
                problem = Problem.CONNECTION_REFUSED;
            } else if (lower.contains("timed out") || lower.contains("timeout")) {
                problem = Problem.NO_ANSWER;
            } else if (lower.contains("protocol") || lower.contains("parse") || lower.contains("invalid")) {
                problem = Problem.NOT_DOCKER;
            } else {
                problem = Problem.OTHER;
            }
            return new DockerCallException(problem, text.isEmpty() ? "failed without a message" : text);
        }

        /** The causes' messages, without Java class names: students read this. */
        private static String chain(Throwable thrown) {
            StringBuilder text = new StringBuilder();
            for (Throwable t = thrown; t != null && text.length() < 400; t = t.getCause()) {
                String message = t.getMessage() == null ? "" : JAVA_CLASS_PREFIX.matcher(t.getMessage()).replaceAll("").strip();
                if (message.isEmpty()) {
                    continue;
                }
                if (text.indexOf(message) < 0) {
                    text.append(text.length() == 0 ? "" : ": ").append(message);
                }
            }
            return text.toString();
        }
    }
}
