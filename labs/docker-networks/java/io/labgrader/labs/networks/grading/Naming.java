package io.labgrader.labs.networks.grading;

import io.labgrader.labs.networks.evidence.NetContainer;
import io.labgrader.rubric.LocalizedText;

import java.util.Locale;
import java.util.regex.Pattern;

/** How messages name things, and how image names are compared the way the docker CLI resolves them. */
final class Naming {

    private static final Pattern ANONYMOUS = Pattern.compile("[0-9a-f]{64}");

    private Naming() {
    }

    /**
     * Whether the student's image name is the repository {@code repository} of Docker Hub's official images, with any
     * tag or digest: "nginx", "nginx:1.27", "nginx:alpine", "library/nginx", "docker.io/library/nginx@sha256:…"
     * (docker/cli and distribution's reference.ParseNormalizedNamed: docker.io and library/ are implied).
     */
    static boolean isImage(String image, String repository) {
        if (image == null || image.isBlank()) {
            return false;
        }
        String name = image.toLowerCase(Locale.ROOT);
        int at = name.indexOf('@');
        if (at >= 0) {
            name = name.substring(0, at);
        }
        int colon = name.lastIndexOf(':');
        if (colon > name.lastIndexOf('/')) {
            name = name.substring(0, colon);
        }
        for (String prefix : new String[]{"docker.io/", "index.docker.io/", "registry-1.docker.io/"}) {
            if (name.startsWith(prefix)) {
                name = name.substring(prefix.length());
                break;
            }
        }
        if (name.startsWith("library/")) {
            name = name.substring("library/".length());
        }
        return name.equals(repository.toLowerCase(Locale.ROOT));
    }

    static boolean looksAnonymous(String volumeName) {
        return volumeName != null && ANONYMOUS.matcher(volumeName).matches();
    }

    /** 'web' (0123456789ab), as docker ps shows a container. */
    static String label(NetContainer c) {
        return "'" + c.name() + "' (" + c.shortId() + ")";
    }

    /** The engine's state word (State.Status), in the student's language. */
    static LocalizedText status(NetContainer c) {
        String status = c.status() == null ? "" : c.status();
        return switch (status) {
            case "created", "running", "paused", "restarting", "removing", "exited", "dead" -> NetText.text("status." + status);
            default -> LocalizedText.same(status);
        };
    }

    static String shortVolume(String name) {
        return looksAnonymous(name) ? name.substring(0, 12) + "…" : "'" + name + "'";
    }
}
