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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GETs the page behind every published TCP port of every running container with {@link HttpPageProbe#getAll} (a few
 * at a time, each bounded in time and size), and records what answered with a SHA-256 of the page.
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
        Map<Integer, HttpPageProbe.Target> targets = new LinkedHashMap<>(); // one GET per host port
        for (NetContainer c : containers) {
            if (c.running()) {
                c.ports().stream().filter(p -> "tcp".equals(p.protocol()) && p.hostPort() != null)
                        .forEach(p -> targets.putIfAbsent(p.hostPort(), new HttpPageProbe.Target(c.id(), host, p.hostPort())));
            }
        }
        http.getAll(targets.values(), max, source, this::record);
    }

    private void record(HttpPageProbe.Target target, HttpPageProbe.Answer answer) {
        String containerId = target.containerId();
        int port = target.port();
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
