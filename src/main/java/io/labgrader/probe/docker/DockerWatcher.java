package io.labgrader.probe.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.github.dockerjava.transport.DockerHttpClient;
import io.labgrader.evidence.EvidenceBundle;
import io.labgrader.evidence.Json;
import io.labgrader.evidence.docker.ContainerEventObserved;
import io.labgrader.evidence.docker.ContainerObserved;
import io.labgrader.evidence.docker.DockerJson;
import io.labgrader.evidence.docker.PortBinding;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Follows the engine's event stream and records as things happen: every container event, and on each start an
 * inspection and a GET on its published ports, retried until they answer or a short deadline passes. This is
 * how "nginx answered" and "it was stopped and removed" are both seen, though never true at the same instant.
 * If the stream breaks (engine restarted), it reconnects and catches up from the last event it saw.
 */
public final class DockerWatcher implements AutoCloseable {

    private final DockerEndpoint endpoint;
    private final DockerSnapshot snapshot;
    private final EvidenceBundle bundle;
    private final Duration portDeadline;
    private final Consumer<String> log;
    private final ExecutorService work = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "watch-probe");
        t.setDaemon(true);
        return t;
    });
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile DockerHttpClient.Response stream;
    private volatile Instant lastEvent;

    public DockerWatcher(DockerEndpoint endpoint, DockerSnapshot snapshot, EvidenceBundle bundle,
                         Duration portDeadline, Consumer<String> log) {
        this.endpoint = endpoint;
        this.snapshot = snapshot;
        this.bundle = bundle;
        this.portDeadline = portDeadline;
        this.log = log;
    }

    /** Follows events until {@link #close()} is called. Blocks. */
    public void run(Instant since) {
        lastEvent = since;
        while (stopped.getCount() > 0) {
            // no read timeout on the stream: an idle engine sends nothing for minutes
            try (DockerApi streaming = new DockerApi(endpoint, Duration.ofDays(1))) {
                Instant from = lastEvent;
                stream = streaming.stream("/events?since=" + DockerSnapshot.seconds(from) + "&filters=" + DockerSnapshot.CONTAINER_EVENTS);
                if (stream.getStatusCode() / 100 != 2) {
                    throw new IOException("HTTP " + stream.getStatusCode() + " for /events");
                }
                follow(stream.getBody());
            } catch (IOException | RuntimeException e) {
                if (stopped.getCount() == 0) {
                    return;
                }
                log.accept("Docker event stream interrupted (" + e.getMessage() + "); reconnecting…");
            }
            awaitStop(Duration.ofSeconds(2));
        }
    }

    private void follow(InputStream body) throws IOException {
        try (MappingIterator<JsonNode> events = Json.mapper().readerFor(JsonNode.class).readValues(body)) {
            while (stopped.getCount() > 0 && events.hasNextValue()) {
                JsonNode event = events.nextValue();
                if (!"container".equals(event.path("Type").asText("container"))) {
                    continue;
                }
                ContainerEventObserved observed = DockerJson.event(event, "watch");
                bundle.recordOnce(observed, observed.key());
                lastEvent = observed.at();
                log.accept(observed.action() + " " + shortId(observed.containerId())
                        + (observed.name() == null ? "" : " (" + observed.name() + ")"));
                switch (observed.action()) {
                    case "create" -> work.submit(() -> inspectQuietly(observed.containerId()));
                    case "start" -> work.submit(() -> inspectAndProbe(observed.containerId()));
                    default -> {
                    }
                }
            }
        }
    }

    private Optional<ContainerObserved> inspectQuietly(String id) {
        try {
            return snapshot.inspect(id);
        } catch (IOException | RuntimeException e) {
            log.accept("could not inspect " + shortId(id) + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /** A freshly started server needs a moment: retry its ports until each answers or the deadline passes. */
    private void inspectAndProbe(String id) {
        Optional<ContainerObserved> container = inspectQuietly(id);
        if (container.isEmpty() || !container.get().running()) {
            return;
        }
        long deadline = System.nanoTime() + portDeadline.toNanos();
        for (PortBinding p : container.get().publishedPorts().stream()
                .filter(p -> "tcp".equals(p.protocol()) && p.hostPort() != null)
                .map(p -> new PortBinding(p.containerPort(), p.protocol(), "", p.hostPort())).distinct().toList()) {
            boolean answered = false;
            while (!answered && System.nanoTime() < deadline && stopped.getCount() > 0) {
                answered = snapshot.probe(id, snapshot.probeHost(p), p.hostPort());
                if (!answered) {
                    awaitStop(Duration.ofMillis(500));
                }
            }
        }
        new ContainerStats(snapshot.api(), bundle, snapshot.source()).readRunning(List.of(container.get())); // while it runs
    }

    private void awaitStop(Duration d) {
        try {
            stopped.await(d.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped.countDown();
        }
    }

    /** Stops following; waits briefly for inspections and probes in flight. */
    @Override
    public void close() {
        stopped.countDown();
        DockerHttpClient.Response s = stream;
        if (s != null) {
            try {
                s.close();
            } catch (Exception e) {
                // the stream is being abandoned anyway
            }
        }
        work.shutdown();
        try {
            work.awaitTermination(portDeadline.toMillis() + 2000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        work.shutdownNow();
    }

    private static String shortId(String id) {
        return id == null ? "" : id.substring(0, Math.min(12, id.length()));
    }
}
