package io.labgrader.ci;

import io.labgrader.testing.Commands;
import io.labgrader.testing.LabDocker;
import io.labgrader.testing.RubricSections;
import io.labgrader.testing.Trees;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.labgrader.testing.Commands.dockerOk;

/**
 * A student's lab done for real, once per test run, on this machine's Docker Engine: the evidence bundles that the
 * sample repositories commit come from real labgrader runs, not from hand-written files.
 * <ul>
 *   <li>{@link #partial()}: hello-world ran, nginx ran detached on 8080 and answered; "labgrader check" ran then,
 *   and not again after the container was stopped and removed (so stopped and removed are not proven);</li>
 *   <li>{@link #complete()}: the same lab with a second check after removing the container (65 of 65).</li>
 * </ul>
 * Every container these tests create is named labgrader-ci-…, and only those are removed.
 */
final class SampleLab {

    static final String CONTAINER_PREFIX = "labgrader-ci-";
    /** The lab's docker commands, as a student writes them down; LABGRADER_PORT_HOST is set by labgrader replay. */
    static final String EXERCISE_SCRIPT = """
            #!/usr/bin/env bash
            # The lab "Docker vs. virtual machine": the commands I ran.
            set -euo pipefail
            host=${LABGRADER_PORT_HOST:-localhost}

            docker run --name labgrader-ci-replay-hello hello-world
            docker run -d -p 8080:80 --name labgrader-ci-replay-web nginx:latest
            # open http://localhost:8080 (in CI: the Docker service's host) until nginx answers
            for i in $(seq 1 30); do
                if curl -fsS "http://$host:8080/" | grep -o '<title>.*</title>'; then break; fi
                sleep 1
            done
            sleep 3   # look at the page for a moment
            docker stop labgrader-ci-replay-web
            docker rm labgrader-ci-replay-web
            """;

    private static Path dir;

    private SampleLab() {
    }

    /** The lab's rubric cut down to its Docker section: 65 points, whatever else the lab grades. */
    static String dockerRubric() {
        try {
            return RubricSections.only(Files.readString(Path.of("rubric.yml").toAbsolutePath()), "docker");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static synchronized Path partial() {
        return run().resolve("partial");
    }

    static synchronized Path complete() {
        return run().resolve("complete");
    }

    private static Path run() {
        if (dir != null) {
            return dir;
        }
        try {
            Path lab = Files.createTempDirectory("labgrader-ci-lab");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(lab)));
            removeOwnContainers();
            Files.writeString(lab.resolve("rubric.yml"), dockerRubric());
            String since = Instant.now().toString();
            try {
                dockerOk("run", "--name", CONTAINER_PREFIX + "hello", "hello-world");
                startNginxOn8080();
                LabDocker.awaitHttp(8080, Duration.ofSeconds(20));
                check(lab, since);
                Trees.copy(lab.resolve("evidence"), lab.resolve("partial"));
                dockerOk("stop", CONTAINER_PREFIX + "web");
                dockerOk("rm", CONTAINER_PREFIX + "web");
                check(lab, since);
                Files.move(lab.resolve("evidence"), lab.resolve("complete"));
            } finally {
                removeOwnContainers();
            }
            return dir = lab;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Other tests on this machine use port 8080 too: wait until it is free, and again if one took it meanwhile. */
    private static void startNginxOn8080() {
        for (int attempt = 1; ; attempt++) {
            awaitPortFree(8080, Duration.ofMinutes(1));
            Commands.Result run = Commands.docker("run", "-d", "-p", "8080:80", "--name", CONTAINER_PREFIX + "web", "nginx:latest");
            if (run.exitCode() == 0) {
                return;
            }
            Commands.docker("rm", "-f", CONTAINER_PREFIX + "web");
            if (attempt == 3 || !run.stderr().contains("port is already allocated")) {
                throw new AssertionError("docker run nginx:latest on port 8080 failed: " + run.stderr());
            }
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary folder; the system cleans it up eventually
        }
    }

    private static void check(Path lab, String since) {
        Commands.Result r = Commands.run(lab, Map.of(), Duration.ofMinutes(2), List.of(java(), "-jar",
                LabgraderJar.get().toString(), "check", "--lang", "en", "--events-since", since, "--evidence", "evidence",
                "--out", "report"));
        if (r.exitCode() != 0) {
            throw new AssertionError("labgrader check failed with " + r.exitCode() + ": " + r.all());
        }
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * The lab needs host port 8080, and other tests on this machine use it too: wait until nothing answers there
     * and no container publishes it.
     */
    static void awaitPortFree(int port, Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        String holder = "";
        while (System.nanoTime() < end) {
            holder = dockerOk("ps", "-q", "--filter", "publish=" + port);
            if (holder.isBlank() && !answers(port)) {
                return;
            }
            LabDocker.sleep(1000);
        }
        throw new AssertionError("port " + port + " is still in use after " + deadline
                + (holder.isBlank() ? " (a process on this machine listens there)" : " (container " + holder + ")"));
    }

    private static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Removes the containers these tests created (named labgrader-ci-…), and no others. */
    static void removeOwnContainers() {
        String ids = dockerOk("ps", "-aq", "--filter", "name=^" + CONTAINER_PREFIX);
        List<String> own = new ArrayList<>();
        for (String id : ids.split("\\s+")) {
            if (!id.isBlank()) {
                own.add(id);
            }
        }
        if (!own.isEmpty()) {
            List<String> args = new ArrayList<>(List.of("rm", "-f"));
            args.addAll(own);
            Commands.docker(args.toArray(String[]::new));
        }
    }
}
