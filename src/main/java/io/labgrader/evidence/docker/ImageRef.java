package io.labgrader.evidence.docker;

import java.util.Locale;

/**
 * An image reference normalised the way the Docker CLI resolves it: "nginx", "nginx:latest",
 * "library/nginx" and "docker.io/library/nginx:latest" all name the same image. Podman names an image that came
 * from no registry (loaded from a file, built, or imported) "localhost/nginx:latest", and resolves the short name
 * "nginx:latest" to it first (containers/common libimage short-name lookup): the same name the student typed.
 */
public record ImageRef(String repository, String tag) {

    public static ImageRef parse(String reference) {
        String ref = reference == null ? "" : reference.trim().toLowerCase(Locale.ROOT);
        int at = ref.indexOf('@');
        if (at >= 0) {
            ref = ref.substring(0, at); // a digest pins content, the name is still the name
        }
        String tag = "latest";
        int slash = ref.lastIndexOf('/');
        int colon = ref.lastIndexOf(':');
        if (colon > slash) {
            tag = ref.substring(colon + 1);
            ref = ref.substring(0, colon);
        }
        for (String registry : new String[]{"docker.io/", "index.docker.io/", "registry-1.docker.io/", "localhost/"}) {
            if (ref.startsWith(registry)) {
                ref = ref.substring(registry.length());
            }
        }
        if (!ref.contains("/")) {
            ref = "library/" + ref;
        }
        return new ImageRef(ref, tag);
    }

    public boolean sameAs(String other) {
        return other != null && !other.isBlank() && !other.startsWith("sha256:") && equals(parse(other));
    }

    @Override
    public String toString() {
        String name = repository.startsWith("library/") ? repository.substring("library/".length()) : repository;
        return name + ":" + tag;
    }
}
