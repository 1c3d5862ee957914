package io.labgrader.probe.http;

import io.labgrader.evidence.http.HttpProbed;
import org.jsoup.Connection;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;

/**
 * GETs a page and records what answered: status, Server header and the title Jsoup parsed. Bounded in time
 * (a server that hangs) and in size (a server that never stops sending). {@link #getAll} GETs many ports at once,
 * the way every lab's probe reads the pages behind a container's published ports.
 */
public final class HttpPageProbe {

    /** Enough for any welcome page; an endless body is cut here. */
    public static final int MAX_BODY_BYTES = 256 * 1024;

    private static final String JSOUP_TRANSPORT = "jsoup.useHttpClient";

    static {
        // Jsoup (1.19+) sends through java.net.http.HttpClient unless told otherwise. Creating one builds the TLS
        // stack (SSLContext, every security provider) even for plain http to localhost: a third of a check's probe
        // time. HttpURLConnection, Jsoup's other transport, reads a local page with the same time and size bounds.
        // Read once, when Jsoup's dispatcher loads; a value the user set (-Djsoup.useHttpClient=…) is kept.
        if (System.getProperty(JSOUP_TRANSPORT) == null) {
            System.setProperty(JSOUP_TRANSPORT, "false");
        }
    }

    private final Duration timeout;
    private final Clock clock;

    public HttpPageProbe(Duration timeout, Clock clock) {
        this.timeout = timeout;
        this.clock = clock;
    }

    /** Pages GETted at once: enough to read a lab's few ports quickly, few enough not to flood a student's laptop. */
    static final int PARALLEL = 4;

    /** The probe's observation and, when there was an answer, its body (for the raw capture). */
    public record Answer(HttpProbed observation, byte[] body) {
    }

    /** A published port to GET, and the container behind it (recorded with the answer). */
    public record Target(String containerId, String host, int port) {
    }

    /**
     * GETs the first {@code max} targets, {@value #PARALLEL} at a time, each bounded as {@link #get} is, and hands each
     * answer to {@code record} on the thread that read it; returns when all are recorded. Interrupted (check is
     * ending), it returns at once: the answers recorded so far stand.
     */
    public void getAll(Collection<Target> targets, int max, String source, BiConsumer<Target, Answer> record) {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL, r -> {
            Thread t = new Thread(r, "http-probe");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> pages = new ArrayList<>();
            targets.stream().limit(max).forEach(t -> pages.add(pool.submit(
                    () -> record.accept(t, get(t.host(), t.port(), t.containerId(), source)))));
            for (Future<?> page : pages) {
                try {
                    page.get();
                } catch (ExecutionException e) {
                    // a failed GET is an answer, recorded like any other; an exception here is the recorder's, and
                    // one port's recording must not cost the others theirs
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    public Answer get(String host, int port, String containerId, String source) {
        String url = "http://" + (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port + "/";
        Instant at = clock.instant();
        long start = System.nanoTime();
        try {
            Connection.Response response = Jsoup.connect(url)
                    .timeout((int) timeout.toMillis())
                    .maxBodySize(MAX_BODY_BYTES)
                    .ignoreHttpErrors(true)
                    .ignoreContentType(true)
                    .followRedirects(false)
                    .userAgent("labgrader")
                    .execute();
            byte[] body = response.bodyAsBytes();
            String title = null;
            String type = response.contentType();
            if (type == null || type.toLowerCase(java.util.Locale.ROOT).contains("html")) {
                Document page = response.parse();
                title = page.title();
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            return new Answer(new HttpProbed(at, source, containerId, url, port, response.statusCode(),
                    response.header("Server"), title, type, body.length, body.length >= MAX_BODY_BYTES, null, millis, null), body);
        } catch (IOException | RuntimeException e) {
            long millis = (System.nanoTime() - start) / 1_000_000;
            return new Answer(new HttpProbed(at, source, containerId, url, port, null, null, null, null, 0, false,
                    describe(e), millis, null), null);
        }
    }

    /** Short, human words for why there was no answer. */
    String describe(Exception e) {
        if (e instanceof SocketTimeoutException || e instanceof java.net.http.HttpTimeoutException) {
            return "no answer within " + timeout.toMillis() / 1000.0 + " s";
        }
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        if (e instanceof UnknownHostException) {
            return "unknown host " + e.getMessage();
        }
        if (e instanceof NoRouteToHostException) {
            return "no route to host";
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.length() > 200 ? message.substring(0, 200) : message;
    }
}
