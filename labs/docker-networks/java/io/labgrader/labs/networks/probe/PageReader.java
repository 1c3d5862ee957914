package io.labgrader.labs.networks.probe;

import io.labgrader.evidence.EvidenceBundle;
import io.labgrader.hashing.Hashes;
import io.labgrader.evidence.http.HttpProbed;
import io.labgrader.labs.networks.evidence.NetContainer;
import io.labgrader.labs.networks.evidence.NetPage;
import io.labgrader.probe.docker.DockerProbing;
import io.labgrader.probe.http.HttpPageProbe;
import org.jsoup.Jsoup;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * GETs the page behind every published TCP port of every running container, a few at a time, each bounded in time
 * and size by {@link HttpPageProbe}, and records what answered with a SHA-256 of the page.
 */
final class PageReader {

    static final int TEXT_CHARS = 200;

    private final EvidenceBundle bundle;
    private final String host;
    private final String source;
    private final String run;
    private final int max;
    private final HttpPageProbe http;

    PageReader(EvidenceBundle bundle, String host, String source, String run, int max) {
        this.bundle = bundle;
        this.host = host;
        this.source = source;
        this.run = run;
        this.max = max;
        this.http = new HttpPageProbe(DockerProbing.HTTP_TIMEOUT, bundle.clock());
    }

    void read(List<NetContainer> containers) {
        Map<Integer, String> targets = new LinkedHashMap<>(); // host port -> container; one GET per host port
        for (NetContainer c : containers) {
            if (c.running()) {
                c.ports().stream().filter(p -> "tcp".equals(p.protocol()) && p.hostPort() != null)
                        .forEach(p -> targets.putIfAbsent(p.hostPort(), c.id()));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "net-page");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> pages = new ArrayList<>();
            targets.entrySet().stream().limit(max).forEach(t -> pages.add(pool.submit(() -> read(t.getValue(), t.getKey()))));
            for (Future<?> page : pages) {
                try {
                    page.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    // read() records its own failure; an exception here is a bug in recording, not the student's
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt(); // check is ending: the pages read so far are recorded
                    return;
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void read(String containerId, int port) {
        HttpPageProbe.Answer answer = http.get(host, port, containerId, source);
        HttpProbed o = answer.observation();
        byte[] body = answer.body();
        if (body == null) {
            bundle.record(new NetPage(o.at(), source, run, containerId, o.url(), port, null, null, null, null, 0, null,
                    o.error(), null));
            return;
        }
        String raw = bundle.saveRaw("page-" + port + ".html", body);
        bundle.record(new NetPage(o.at(), source, run, containerId, o.url(), port, o.status(), o.server(), o.title(),
                Hashes.sha256(body), body.length, text(body), null, raw));
    }

    /** The page's visible text, on one line and short: enough for a student to recognise their page in a message. */
    static String text(byte[] body) {
        String text = Jsoup.parse(new String(body, StandardCharsets.UTF_8)).text().strip();
        return text.length() <= TEXT_CHARS ? text : text.substring(0, TEXT_CHARS) + "…";
    }
}
