package io.labgrader.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** What the scenario tests do to the real Docker Engine, and how they leave it clean for the next. */
public final class LabDocker {

    private LabDocker() {
    }

    /**
     * Removes the lab's containers (of nginx:latest and hello-world) so that scenarios don't see each other's.
     * Other containers on a developer's engine are left alone.
     */
    public static void removeLabContainers() {
        for (String image : new String[]{"nginx:latest", "hello-world"}) {
            String ids = Commands.dockerOk("ps", "-aq", "--filter", "ancestor=" + image);
            for (String id : ids.split("\\s+")) {
                if (!id.isBlank()) {
                    Commands.docker("rm", "-f", id);
                }
            }
        }
    }

    /**
     * Where the engine publishes ports: the host of DOCKER_HOST for tcp:// (GitLab's dind service "docker"),
     * else this machine.
     */
    public static String portHost() {
        String dockerHost = System.getenv("DOCKER_HOST");
        if (dockerHost != null && dockerHost.startsWith("tcp://")) {
            return URI.create(dockerHost).getHost();
        }
        return "localhost";
    }

    /** True when the engine runs on this machine, so that this machine's ports, sockets and processes are its. */
    public static boolean engineIsLocal() {
        return "localhost".equals(portHost());
    }

    /** Waits until something answers HTTP on the port, as a student reloads the browser. */
    public static int awaitHttp(int port, Duration deadline) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long end = System.nanoTime() + deadline.toNanos();
        while (System.nanoTime() < end) {
            try {
                return client.send(HttpRequest.newBuilder(URI.create("http://" + portHost() + ":" + port + "/"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (Exception e) {
                sleep(200);
            }
        }
        throw new AssertionError("nothing answered on port " + port + " within " + deadline);
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
