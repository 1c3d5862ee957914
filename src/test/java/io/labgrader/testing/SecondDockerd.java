package io.labgrader.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A second Docker Engine on this machine, on its own socket, as a student's Colima, Docker Desktop or remote engine
 * is beside the system's: its own data, exec root and pid file, its own bridge and no iptables rules, so that the
 * engine at /var/run/docker.sock is not disturbed. (With "--bridge none" a dockerd deletes the interface docker0 as
 * it starts, and it shares the network namespace with the system's engine: every "docker run -p" there would fail
 * afterwards.) It runs in its own mount and UTS namespaces with its own /etc/docker,
 * so it has its own host name and daemon ID (Engine 20.10 keeps the ID's key in /etc/docker/key.json).
 * Needs root. Stopped by {@link #close()}.
 */
public final class SecondDockerd implements AutoCloseable {

    public static final String NAME = "labgrader-second-engine";
    /** The second engine's own bridge (an interface name has at most 15 characters). */
    static final String BRIDGE = "lgsecond0";

    private final Path dir;
    private final Process process;

    private SecondDockerd(Path dir, Process process) {
        this.dir = dir;
        this.process = process;
    }

    public static SecondDockerd start() throws IOException {
        return start(List.of());
    }

    /** @param extraArgs further dockerd arguments, e.g. a TLS-protected tcp:// listener */
    public static SecondDockerd start(List<String> extraArgs) throws IOException {
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "lg-ctx-");
        Files.createDirectories(dir.resolve("etc"));
        Commands.Result bridge = Commands.run(null, Map.of(), Duration.ofSeconds(10), List.of("sh", "-c",
                "ip link show " + BRIDGE + " >/dev/null 2>&1 || ip link add " + BRIDGE + " type bridge"));
        if (bridge.exitCode() != 0) {
            throw new AssertionError("cannot make the second engine's bridge " + BRIDGE + ": " + bridge.all());
        }
        String dockerd = String.join(" ", "exec dockerd", String.join(" ", extraArgs),
                "--host unix://" + dir.resolve("docker.sock"),
                "--data-root " + dir.resolve("data"),
                "--exec-root " + dir.resolve("exec"),
                "--pidfile " + dir.resolve("docker.pid"),
                "--bridge " + BRIDGE + " --iptables=false");
        Process process = new ProcessBuilder("unshare", "--mount", "--uts", "sh", "-c",
                "mount --bind " + dir.resolve("etc") + " /etc/docker && hostname " + NAME + " && " + dockerd)
                .redirectErrorStream(true).redirectOutput(dir.resolve("dockerd.log").toFile()).start();
        SecondDockerd engine = new SecondDockerd(dir, process);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!engine.answers()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                String log = Files.readString(dir.resolve("dockerd.log"));
                engine.close();
                throw new AssertionError("the second dockerd did not come up within 60 s; its log:\n" + log);
            }
            LabDocker.sleep(300);
        }
        // the lab's hello-world, from the main engine: no registry is needed
        Commands.Result load = Commands.run(null, Map.of(), Duration.ofSeconds(120), List.of("sh", "-c",
                "docker save hello-world:latest | DOCKER_HOST=" + engine.host() + " docker load"));
        if (load.exitCode() != 0) {
            engine.close();
            throw new AssertionError("cannot load hello-world into the second engine: " + load.all());
        }
        return engine;
    }

    /** unix:///tmp/lg-ctx-…/docker.sock */
    public String host() {
        return "unix://" + dir.resolve("docker.sock");
    }

    /** `docker` against this engine. */
    public Commands.Result docker(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("docker", "--host", host()));
        command.addAll(List.of(args));
        return Commands.run(null, Map.of(), Duration.ofSeconds(60), command);
    }

    private boolean answers() {
        return Files.exists(dir.resolve("docker.sock")) && docker("version", "--format", "{{.Server.Version}}").exitCode() == 0;
    }

    /** Stops the engine (SIGTERM, as systemd does) and removes its folder. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // its mounts lived in its own namespace and ended with it
        Commands.run(null, Map.of(), Duration.ofSeconds(60), List.of("rm", "-rf", dir.toString()));
        Commands.run(null, Map.of(), Duration.ofSeconds(10), List.of("ip", "link", "delete", BRIDGE));
    }
}
