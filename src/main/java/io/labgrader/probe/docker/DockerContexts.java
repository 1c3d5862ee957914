package io.labgrader.probe.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.core.LocalDirectorySSLConfig;
import com.github.dockerjava.transport.SSLConfig;
import io.labgrader.hashing.Hashes;
import io.labgrader.evidence.Json;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The docker CLI's context store, read the way the CLI reads it (docker/cli cli/config/config.go and
 * cli/context/store):
 * <ul>
 *   <li>the configuration folder is $DOCKER_CONFIG, else ~/.docker; its config.json names the "currentContext";</li>
 *   <li>a context's metadata is contexts/meta/&lt;sha256 of its name&gt;/meta.json, whose Endpoints.docker holds
 *       Host and SkipTLSVerify (cli/context/endpoint.go EndpointMetaBase);</li>
 *   <li>its TLS material is contexts/tls/&lt;same hash&gt;/docker/{ca,cert,key}.pem (cli/context/tlsdata.go), used
 *       only for a Host that is not a socket (cli/context/docker/load.go isSocket).</li>
 * </ul>
 * "default" is no stored context: it means the usual endpoint, as in the CLI.
 */
final class DockerContexts {

    static final String DEFAULT = "default";
    /** Context stores are small; a larger file is not one. */
    private static final int MAX_FILE_BYTES = 1024 * 1024;

    private final Path configDir;
    private final Path home;

    private DockerContexts(Path configDir, Path home) {
        this.configDir = configDir;
        this.home = home;
    }

    /** The store of the configuration folder the docker CLI would use with this environment. */
    static DockerContexts of(Map<String, String> env, Path home) {
        String dockerConfig = env.get("DOCKER_CONFIG");
        if (dockerConfig != null && !dockerConfig.isBlank()) {
            return new DockerContexts(Path.of(dockerConfig.trim()), home);
        }
        return new DockerContexts(home == null ? null : home.resolve(".docker"), home);
    }

    /** What config.json says: the current context (empty when none is set), or why it could not be read. */
    record Current(Optional<String> name, String problem) {
    }

    Current current() {
        if (configDir == null) {
            return new Current(Optional.empty(), null);
        }
        Path config = configDir.resolve("config.json");
        try {
            JsonNode root = Json.mapper().readTree(read(config));
            String name = root == null ? "" : root.path("currentContext").asText("").strip();
            return new Current(name.isEmpty() ? Optional.empty() : Optional.of(name), null);
        } catch (NoSuchFileException e) {
            return new Current(Optional.empty(), null);
        } catch (IOException e) {
            // the docker CLI warns and carries on without it; so do we, and say so if no engine answers
            return new Current(Optional.empty(), shown(config) + " cannot be read (" + firstLine(e) + ");"
                    + " the docker CLI ignores it too. Fix or delete it, then choose the engine with \"docker context use\"");
        }
    }

    /** The engine endpoint of a stored context, or an unusable endpoint that says what is wrong and what to do. */
    DockerEndpoint endpoint(String name) {
        if (configDir == null) {
            return DockerEndpoint.unusable(name, null, "no home folder, so no docker context store; set DOCKER_CONFIG or DOCKER_HOST");
        }
        String hash = Hashes.sha256(name.getBytes(StandardCharsets.UTF_8));
        Path meta = configDir.resolve("contexts").resolve("meta").resolve(hash).resolve("meta.json");
        JsonNode docker;
        try {
            docker = Json.mapper().readTree(read(meta)).path("Endpoints").path("docker");
        } catch (NoSuchFileException e) {
            return DockerEndpoint.unusable(name, null, "no such context (" + shown(meta) + " does not exist);"
                    + " \"docker context ls\" lists the contexts, \"docker context use default\" returns to the usual engine");
        } catch (IOException | RuntimeException e) {
            return DockerEndpoint.unusable(name, null, shown(meta) + " cannot be read (" + firstLine(e) + ");"
                    + " recreate the context with \"docker context rm\" and \"docker context create\", or \"docker context use default\"");
        }
        String host = docker.path("Host").asText("").strip();
        if (host.isEmpty()) {
            return DockerEndpoint.unusable(name, null, "the context has no Docker endpoint (Endpoints.docker.Host in "
                    + shown(meta) + " is empty); recreate it with \"docker context create " + name + " --docker host=…\"");
        }
        URI uri;
        try {
            uri = URI.create(host);
        } catch (IllegalArgumentException e) {
            return DockerEndpoint.unusable(name, null, "its host '" + host + "' is not a valid address; recreate the context");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        switch (scheme) {
            case "unix", "npipe" -> {
                return DockerEndpoint.ofContext(name, uri, null);
            }
            case "tcp", "http", "https" -> {
                return DockerEndpoint.ofContext(name, uri, tls(hash, docker.path("SkipTLSVerify").asBoolean(false)));
            }
            case "ssh" -> {
                return DockerEndpoint.unusable(name, uri, "the context reaches its engine over SSH, which labgrader cannot do"
                        + " (docker-java has no SSH transport). Run labgrader on that machine, or forward its socket:"
                        + " \"ssh -nNT -L /tmp/docker.sock:/var/run/docker.sock " + (uri.getRawAuthority() == null ? "user@host" : uri.getRawAuthority())
                        + "\" and DOCKER_HOST=unix:///tmp/docker.sock");
            }
            default -> {
                return DockerEndpoint.unusable(name, uri, "labgrader cannot reach an engine at '" + scheme
                        + "://' addresses (it can at unix://, npipe:// and tcp://); set DOCKER_HOST to one of those");
            }
        }
    }

    /** TLS for a tcp:// context: its stored material, and no certificate check when the context skips it. */
    private SSLConfig tls(String hash, boolean skipVerify) {
        Path dir = configDir.resolve("contexts").resolve("tls").resolve(hash).resolve("docker");
        if (skipVerify) {
            return new InsecureSSLConfig(dir);
        }
        // docker-java reads ca.pem, cert.pem and key.pem from a folder, the same names the context store uses
        return Files.isDirectory(dir) ? new LocalDirectorySSLConfig(dir.toString()) : null;
    }

    private static byte[] read(Path file) throws IOException {
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new IOException("larger than " + MAX_FILE_BYTES + " bytes");
        }
        return Files.readAllBytes(file);
    }

    /** The path as the student knows it: ~ for the home folder. */
    private String shown(Path file) {
        String text = file.toString();
        if (home != null && text.startsWith(home.toString() + java.io.File.separator)) {
            return "~" + text.substring(home.toString().length());
        }
        return text;
    }

    private static String firstLine(Exception e) {
        String message = e instanceof NoSuchFileException ? "missing" : String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
