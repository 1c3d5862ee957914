package io.labgrader.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client's side against a real Unix-domain socket, where a scripted server answers as a check server would, or
 * refuses, or goes away: what reaches the student's stdout and stderr, and which exit code.
 */
class CheckServerClientTest {

    @TempDir
    Path dir;

    private ServerSocketChannel listening;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private CheckServerPlace place() {
        return new CheckServerPlace(dir.resolve("s.sock"), dir.resolve("s.lock"), dir.resolve("s.log"), "0123456789abcdef",
                "the client's identity");
    }

    /** A server that reads one request, then lets {@code script} answer; the request comes back through the future. */
    private CompletableFuture<CheckServerProtocol.Request> serve(Script script) throws IOException {
        listening = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        listening.bind(UnixDomainSocketAddress.of(place().socket()));
        return CompletableFuture.supplyAsync(() -> {
            try (SocketChannel client = listening.accept()) {
                var request = CheckServerProtocol.Request.readFrom(new DataInputStream(Channels.newInputStream(client)));
                script.answer(new DataOutputStream(Channels.newOutputStream(client)));
                return request;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    interface Script {
        void answer(DataOutputStream socket) throws IOException;
    }

    @AfterEach
    void close() throws IOException {
        if (listening != null) {
            listening.close();
        }
    }

    private static void frame(DataOutputStream socket, byte kind, String text) throws IOException {
        new CheckServerProtocol.FrameStream(socket, kind).write(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("served: the server's bytes reach stdout and stderr unchanged, its exit code is the check's, the request carries identity and arguments")
    void served() throws Exception {
        var request = serve(socket -> {
            frame(socket, CheckServerProtocol.STDOUT, "Docker vs. virtuelle Maschine\n  ✔  docker.engine");
            frame(socket, CheckServerProtocol.STDERR, "labgrader: Hinweis\n");
            frame(socket, CheckServerProtocol.STDOUT, "\nPunkte: 5 / 65\n");
            CheckServerProtocol.writeExit(socket, CheckServerProtocol.EXIT, 1);
        });

        OptionalInt code = CheckServerClient.forward(place(), new String[] {"check", "--lang", "de", "--fail-under", "90"}, stdout, stderr);

        assertThat(code).hasValue(1);
        assertThat(stdout.toString(StandardCharsets.UTF_8)).isEqualTo("Docker vs. virtuelle Maschine\n  ✔  docker.engine\nPunkte: 5 / 65\n");
        assertThat(stderr.toString(StandardCharsets.UTF_8)).isEqualTo("labgrader: Hinweis\n");
        var sent = request.get(5, TimeUnit.SECONDS);
        assertThat(sent.identity()).isEqualTo("the client's identity");
        assertThat(sent.args()).containsExactly("check", "--lang", "de", "--fail-under", "90");
    }

    @Test
    @DisplayName("refused (another identity, a changed jar): nothing printed, the check runs in the client's JVM")
    void refused() throws Exception {
        serve(socket -> CheckServerProtocol.writeExit(socket, CheckServerProtocol.REFUSED, 0));

        assertThat(CheckServerClient.forward(place(), new String[] {"check"}, stdout, stderr)).isEmpty();
        assertThat(stdout.size() + stderr.size()).isZero();
    }

    @Test
    @DisplayName("the server goes away before printing anything, or no server listens on a left-over socket: the check runs in the client's JVM")
    void goneBeforeOutput() throws Exception {
        serve(socket -> socket.close());
        assertThat(CheckServerClient.forward(place(), new String[] {"check"}, stdout, stderr)).isEmpty();
        listening.close();
        assertThat(place().socket()).as("a socket file without a server, as a killed one leaves").exists();

        assertThat(CheckServerClient.forward(place(), new String[] {"check"}, stdout, stderr)).isEmpty();
        Files.delete(place().socket());
        assertThat(CheckServerClient.forward(place(), new String[] {"check"}, stdout, stderr)).isEmpty();
        assertThat(stdout.size() + stderr.size()).isZero();
    }

    @Test
    @DisplayName("the server goes away after half a report: no second report after it, a message in the student's language, exit 3")
    void goneDuringTheReport() throws Exception {
        serve(socket -> {
            frame(socket, CheckServerProtocol.STDOUT, "Docker vs. virtuelle Maschine\n");
            socket.close();
        });

        OptionalInt code = CheckServerClient.forward(place(), new String[] {"check", "--lang=de"}, stdout, stderr);

        assertThat(code).hasValue(ExitCodes.NOTHING_GRADABLE);
        assertThat(stdout.toString(StandardCharsets.UTF_8)).isEqualTo("Docker vs. virtuelle Maschine\n");
        assertThat(stderr.toString()).contains("labgrader: ", "Hintergrund", "noch einmal");

        close();
        stdout.reset();
        stderr.reset();
        Files.delete(place().socket());
        serve(socket -> {
            frame(socket, CheckServerProtocol.STDOUT, "Docker vs. virtual machine\n");
            socket.close();
        });
        assertThat(CheckServerClient.forward(place(), new String[] {"check", "--lang", "en"}, stdout, stderr)).hasValue(3);
        assertThat(stderr.toString()).contains("stopped during this check", "Run the check again");
    }
}
