package io.labgrader.labs.networks.grading;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Image names as students type them, compared as the docker CLI normalises them (distribution/reference
 * ParseNormalizedNamed: "docker.io" and "library/" are implied, a tag or digest is not part of the repository).
 */
class NamingTest {

    @ParameterizedTest(name = "{0} is nginx: {1}")
    @CsvSource({
            "nginx, true",
            "nginx:latest, true",
            "nginx:1.27-alpine, true",
            "NGINX:Latest, true",
            "library/nginx, true",
            "docker.io/library/nginx:latest, true",
            "index.docker.io/library/nginx, true",
            "nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef, true",
            "bitnami/nginx, false",
            "ghcr.io/nginx/nginx, false",
            "nginxinc/nginx-unprivileged, false",
            "localhost:5000/nginx, false",
            "httpd, false",
            "'', false",
    })
    @DisplayName("image names as students type them")
    void images(String image, boolean nginx) {
        assertThat(Naming.isImage(image, "nginx")).isEqualTo(nginx);
    }
}
