package io.labgrader.probe.docker;

import com.github.dockerjava.core.LocalDirectorySSLConfig;
import com.github.dockerjava.transport.SSLConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLContext;
import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SocketWithoutTlsTest {

    @Test
    @DisplayName("a unix:// or npipe:// engine without TLS gets the never-initialised context; tcp:// and TLS configs stay as they are")
    void onlySocketsWithoutTls() {
        assertThat(SocketWithoutTls.forEndpoint(URI.create("unix:///var/run/docker.sock"), null)).isSameAs(SocketWithoutTls.INSTANCE);
        assertThat(SocketWithoutTls.forEndpoint(URI.create("npipe:////./pipe/docker_engine"), null)).isSameAs(SocketWithoutTls.INSTANCE);
        // tcp:// without TLS: docker-java speaks http only while it has no SSL context, so none may be given
        assertThat(SocketWithoutTls.forEndpoint(URI.create("tcp://localhost:2375"), null)).isNull();
        SSLConfig tls = new LocalDirectorySSLConfig("/nonexistent");
        assertThat(SocketWithoutTls.forEndpoint(URI.create("tcp://localhost:2376"), tls)).isSameAs(tls);
        assertThat(SocketWithoutTls.forEndpoint(URI.create("unix:///var/run/docker.sock"), tls)).isSameAs(tls);
    }

    @Test
    @DisplayName("the context says what is wrong if anything ever uses it")
    void usingTheContextFailsWithAMessage() {
        SSLContext context = SocketWithoutTls.INSTANCE.getSSLContext();
        assertThatThrownBy(context::getSocketFactory).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("speaks no TLS");
        assertThatThrownBy(() -> context.createSSLEngine("localhost", 2376)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("speaks no TLS");
    }

    @Test
    @DisplayName("the real engine answers through a unix socket with it (GET /_ping)")
    void theEngineAnswersThroughTheSocket() throws Exception {
        URI socket = URI.create("unix:///var/run/docker.sock");
        try (DockerApi api = new DockerApi(new DockerEndpoint(socket, null), java.time.Duration.ofSeconds(10))) {
            assertThat(new String(api.get("/_ping"), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("OK");
        }
    }
}
