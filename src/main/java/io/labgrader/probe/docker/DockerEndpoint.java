package io.labgrader.probe.docker;

import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.transport.SSLConfig;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Where a Docker Engine may be listening. DOCKER_HOST (and its TLS settings) wins, as with the docker CLI;
 * otherwise the usual sockets of Docker Engine, Docker Desktop, rootless Docker, Colima and Rancher Desktop are
 * tried in turn.
 */
public record DockerEndpoint(URI uri, SSLConfig ssl) {

    /** The host on which published ports are reached: localhost for a socket, the engine's host for tcp://. */
    public String portHost() {
        if ("tcp".equals(uri.getScheme()) || "http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) {
            return uri.getHost() == null ? "localhost" : uri.getHost();
        }
        return "localhost";
    }

    @Override
    public String toString() {
        return uri.toString();
    }

    /** Every endpoint to try, in order. */
    public static List<DockerEndpoint> candidates(Map<String, String> env, Path home) {
        String dockerHost = env.get("DOCKER_HOST");
        if (dockerHost != null && !dockerHost.isBlank()) {
            // the student (or the CI job) chose an engine: use that one only, with its TLS settings
            DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                    .withDockerHost(dockerHost.trim())
                    .withDockerTlsVerify(env.getOrDefault("DOCKER_TLS_VERIFY", ""))
                    .withDockerCertPath(env.get("DOCKER_CERT_PATH"))
                    .build();
            return List.of(new DockerEndpoint(config.getDockerHost(), config.getSSLConfig()));
        }
        boolean windows = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("win");
        if (windows) {
            return List.of(new DockerEndpoint(URI.create("npipe:////./pipe/docker_engine"), null));
        }
        LinkedHashSet<String> sockets = new LinkedHashSet<>();
        sockets.add("/var/run/docker.sock");
        String runtimeDir = env.get("XDG_RUNTIME_DIR");
        if (runtimeDir != null && !runtimeDir.isBlank()) {
            sockets.add(runtimeDir + "/docker.sock");
        }
        if (home != null) {
            sockets.add(home.resolve(".docker/run/docker.sock").toString());
            sockets.add(home.resolve(".docker/desktop/docker.sock").toString());
            sockets.add(home.resolve(".colima/default/docker.sock").toString());
            sockets.add(home.resolve(".rd/docker.sock").toString());
        }
        List<DockerEndpoint> endpoints = new ArrayList<>();
        // an existing socket is worth trying first; a missing one is still listed so the message can say it was tried
        sockets.stream().filter(s -> Files.exists(Path.of(s))).forEach(s -> endpoints.add(unix(s)));
        sockets.stream().filter(s -> !Files.exists(Path.of(s))).forEach(s -> endpoints.add(unix(s)));
        return endpoints;
    }

    private static DockerEndpoint unix(String socket) {
        return new DockerEndpoint(URI.create("unix://" + socket), null);
    }
}
