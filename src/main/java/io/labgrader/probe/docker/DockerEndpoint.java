package io.labgrader.probe.docker;

import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.transport.SSLConfig;
import io.labgrader.live.LivePlace;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a Docker Engine may be listening, found the way the docker CLI finds it (docker/cli cli/command/cli.go
 * resolveContextName): DOCKER_HOST wins, then DOCKER_CONTEXT, then the current context of the CLI's config.json;
 * "default", or no context at all, means the usual endpoints of Docker Engine, Docker Desktop, rootless Docker,
 * Colima, Rancher Desktop and Podman, tried in turn.
 *
 * @param context  the docker context this endpoint comes from, or null
 * @param unusable why the context cannot be used and what to do, or null when it can be tried
 */
public record DockerEndpoint(URI uri, SSLConfig ssl, String context, String unusable) implements LivePlace {

    public DockerEndpoint(URI uri, SSLConfig ssl) {
        this(uri, ssl, null, null);
    }

    static DockerEndpoint ofContext(String context, URI uri, SSLConfig ssl) {
        return new DockerEndpoint(uri, ssl, context, null);
    }

    static DockerEndpoint unusable(String context, URI uri, String why) {
        return new DockerEndpoint(uri, null, context, why);
    }

    public boolean usable() {
        return unusable == null && uri != null;
    }

    /** The host on which published ports are reached: localhost for a socket, the engine's host for tcp://. */
    public String portHost() {
        if (uri != null && ("tcp".equals(uri.getScheme()) || "http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            return uri.getHost() == null ? "localhost" : uri.getHost();
        }
        return "localhost";
    }

    /**
     * DOCKER_HOST names this engine, or DOCKER_CONTEXT for an engine found through a docker context (DOCKER_HOST is
     * then removed), so that the script's docker commands also get the context's TLS material; LABGRADER_PORT_HOST
     * is where this engine's published ports answer (localhost, or e.g. "docker" for GitLab's dind service).
     */
    @Override
    public Map<String, String> scriptEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        if (context != null) {
            env.put("DOCKER_CONTEXT", context);
        } else {
            env.put("DOCKER_HOST", uri.toString());
        }
        env.put("LABGRADER_PORT_HOST", portHost());
        return env;
    }

    @Override
    public Set<String> scriptEnvironmentRemoved() {
        return context != null ? Set.of("DOCKER_HOST") : Set.of();
    }

    /** "unix:///var/run/docker.sock", or with its context: "docker context \"colima\": unix:///…". */
    @Override
    public String toString() {
        String address = uri == null ? "" : uri.toString();
        if (context == null) {
            return address;
        }
        return "docker context \"" + context + "\"" + (address.isEmpty() ? "" : ": " + address);
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
        DockerContexts contexts = DockerContexts.of(env, home);
        String fromEnv = env.get("DOCKER_CONTEXT");
        DockerContexts.Current current = fromEnv != null && !fromEnv.isBlank()
                ? new DockerContexts.Current(Optional.of(fromEnv.strip()), null) : contexts.current();
        Optional<String> chosen = current.name().filter(name -> !DockerContexts.DEFAULT.equals(name));
        if (chosen.isPresent()) {
            // the student's docker commands go to this context's engine: grading another one would grade the wrong
            // containers, so no other endpoint is tried, as the docker CLI tries none
            return List.of(contexts.endpoint(chosen.get()));
        }
        List<DockerEndpoint> endpoints = new ArrayList<>();
        if (current.problem() != null) {
            endpoints.add(unusable(null, null, current.problem()));
        }
        endpoints.addAll(usual(env, home));
        return endpoints;
    }

    /** The usual endpoints of this system; one that exists is tried before those that don't. */
    static List<DockerEndpoint> usual(Map<String, String> env, Path home) {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
        if (windows) {
            // Docker Desktop's engine pipes (Windows containers, then the Linux engine), then Podman's machine
            return List.of(new DockerEndpoint(URI.create("npipe:////./pipe/docker_engine"), null),
                    new DockerEndpoint(URI.create("npipe:////./pipe/dockerDesktopLinuxEngine"), null),
                    new DockerEndpoint(URI.create("npipe:////./pipe/podman-machine-default"), null));
        }
        LinkedHashSet<String> sockets = new LinkedHashSet<>();
        sockets.add("/var/run/docker.sock");
        String runtimeDir = env.get("XDG_RUNTIME_DIR");
        if (runtimeDir != null && !runtimeDir.isBlank()) {
            sockets.add(runtimeDir + "/docker.sock"); // rootless Docker
        }
        if (home != null) {
            sockets.add(home.resolve(".docker/run/docker.sock").toString());     // Docker Desktop (macOS)
            sockets.add(home.resolve(".docker/desktop/docker.sock").toString()); // Docker Desktop (Linux)
            sockets.add(home.resolve(".colima/default/docker.sock").toString());
            sockets.add(home.resolve(".config/colima/default/docker.sock").toString());
            sockets.add(home.resolve(".rd/docker.sock").toString());             // Rancher Desktop
        }
        sockets.add("/run/podman/podman.sock");                                   // Podman, as root
        if (runtimeDir != null && !runtimeDir.isBlank()) {
            sockets.add(runtimeDir + "/podman/podman.sock");                       // Podman, rootless
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
