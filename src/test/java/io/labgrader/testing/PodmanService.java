package io.labgrader.testing;

import io.labgrader.probe.docker.DockerApi;
import io.labgrader.probe.docker.DockerEndpoint;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Podman's Docker-compatible API as a student on Linux runs it as root: {@code podman system service --time=0
 * unix:///run/podman/podman.sock}. Started by the tests and stopped by {@link #close()}; a service that already
 * answers there is used and left running. The images and containers.conf come from scripts/prepare-podman.sh.
 */
public final class PodmanService implements AutoCloseable {

    public static final String SOCKET = "/run/podman/podman.sock";
    public static final String HOST = "unix://" + SOCKET;
    /** Written by scripts/prepare-podman.sh: rootful Podman's default open-files limit fails on these machines. */
    public static final Path CONF = Path.of(System.getenv().getOrDefault("LABGRADER_PODMAN_CONF", "/etc/containers/labgrader.conf"));

    private final Process process;

    private PodmanService(Process process) {
        this.process = process;
    }

    public static PodmanService start() throws IOException {
        if (!Files.isRegularFile(CONF) || Commands.run(null, Map.of(), Duration.ofSeconds(30), List.of("podman", "--version")).exitCode() != 0) {
            throw new AssertionError("Podman is not prepared on this machine (expected podman and " + CONF
                    + "): run scripts/prepare-podman.sh, as scripts/test.sh does");
        }
        if (answers()) {
            return new PodmanService(null);
        }
        Files.createDirectories(Path.of(SOCKET).getParent());
        Path log = Files.createTempFile("podman-service", ".log");
        ProcessBuilder builder = new ProcessBuilder("podman", "system", "service", "--time=0", HOST)
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("CONTAINERS_CONF", CONF.toString());
        PodmanService service = new PodmanService(builder.start());
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!answers()) {
            if (!service.process.isAlive() || System.nanoTime() > deadline) {
                service.close();
                throw new AssertionError("podman system service did not answer on " + SOCKET + " within 30 s: " + Files.readString(log));
            }
            LabDocker.sleep(200);
        }
        return service;
    }

    /** GET /_ping on the socket answers OK, through labgrader's own time-bounded engine client. */
    private static boolean answers() {
        if (!Files.exists(Path.of(SOCKET))) {
            return false;
        }
        try (DockerApi api = new DockerApi(new DockerEndpoint(URI.create(HOST), null), Duration.ofSeconds(5))) {
            return new String(api.get("/_ping"), StandardCharsets.UTF_8).strip().equals("OK");
        } catch (IOException e) {
            return false;
        }
    }

    /** The podman command as the student types it. */
    public static Commands.Result podman(String... args) {
        List<String> command = new ArrayList<>(List.of("podman"));
        command.addAll(List.of(args));
        return Commands.run(null, Map.of("CONTAINERS_CONF", CONF.toString()), Duration.ofSeconds(90), command);
    }

    public static String podmanOk(String... args) {
        Commands.Result r = podman(args);
        if (r.exitCode() != 0) {
            throw new AssertionError("podman " + String.join(" ", args) + " failed with " + r.exitCode() + ": " + r.stderr());
        }
        return r.stdout().strip();
    }

    /** Removes the lab's Podman containers (podman rm -f), so that scenarios don't see each other's and port 8080 is free. */
    public static void removeLabContainers() {
        for (String image : new String[]{"localhost/nginx:latest", "localhost/hello-world:latest"}) {
            for (String id : podmanOk("ps", "-aq", "--filter", "ancestor=" + image).split("\\s+")) {
                if (!id.isBlank()) {
                    podman("rm", "-f", "-t", "2", id);
                }
            }
        }
    }

    /** Stops the service this test started (SIGTERM, as systemd stops podman.service). */
    @Override
    public void close() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
