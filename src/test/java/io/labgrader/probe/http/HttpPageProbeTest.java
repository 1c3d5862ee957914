package io.labgrader.probe.http;

import io.labgrader.evidence.http.HttpProbed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP probe against real servers on loopback that misbehave the way students' ports do. */
class HttpPageProbeTest {

    private final List<ServerSocket> servers = new ArrayList<>();
    private final HttpPageProbe probe = new HttpPageProbe(Duration.ofSeconds(2), Clock.systemUTC());

    @AfterEach
    void close() throws IOException {
        for (ServerSocket s : servers) {
            s.close();
        }
    }

    /** A server that answers each connection with {@code behaviour}, on its own thread. */
    private int serve(ThrowingConsumer<Socket> behaviour) throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        servers.add(server);
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    Thread handler = new Thread(() -> {
                        try (socket) {
                            behaviour.accept(socket);
                        } catch (IOException e) {
                            // the probe hung up, as it should
                        }
                    });
                    handler.setDaemon(true);
                    handler.start();
                } catch (IOException e) {
                    return;
                }
            }
        });
        t.setDaemon(true);
        t.start();
        return server.getLocalPort();
    }

    interface ThrowingConsumer<T> {
        void accept(T t) throws IOException;
    }

    @Test
    void recordsStatusServerAndTitle() throws IOException {
        int port = serve(s -> {
            s.getInputStream().read(new byte[4096]);
            s.getOutputStream().write(("HTTP/1.1 200 OK\r\nServer: nginx/1.22.1\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n"
                    + "<html><head><title>Welcome to nginx!</title></head></html>").getBytes(StandardCharsets.UTF_8));
        });
        HttpProbed answer = probe.get("127.0.0.1", port, "c1", "test").observation();
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.server()).isEqualTo("nginx/1.22.1");
        assertThat(answer.title()).isEqualTo("Welcome to nginx!");
        assertThat(answer.error()).isNull();
        assertThat(answer.url()).isEqualTo("http://127.0.0.1:" + port + "/");
    }

    @Test
    void aServerThatAcceptsAndNeverAnswersIsCutOffAtTheTimeout() throws IOException {
        int port = serve(s -> {
            s.getInputStream().read(new byte[4096]);
            sleep(30_000);
        });
        long start = System.nanoTime();
        HttpProbed answer = probe.get("127.0.0.1", port, null, "test").observation();
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(answer.status()).isNull();
        assertThat(answer.error()).startsWith("no answer within");
        assertThat(seconds).isLessThan(5);
    }

    @Test
    void anEndlessBodyIsReadOnlyUpToTheLimit() throws IOException {
        int port = serve(s -> {
            s.getInputStream().read(new byte[4096]);
            OutputStream out = s.getOutputStream();
            out.write("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><head><title>endless</title></head><body>"
                    .getBytes(StandardCharsets.UTF_8));
            byte[] chunk = "x".repeat(8192).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 100_000; i++) { // 800 MB if nobody stops reading
                out.write(chunk);
            }
        });
        long start = System.nanoTime();
        HttpPageProbe.Answer answer = probe.get("127.0.0.1", port, null, "test");
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(answer.observation().status()).isEqualTo(200);
        assertThat(answer.observation().truncated()).isTrue();
        assertThat(answer.body()).hasSize(HttpPageProbe.MAX_BODY_BYTES);
        assertThat(answer.observation().title()).isEqualTo("endless");
        assertThat(seconds).isLessThan(5);
    }

    @Test
    void aClosedPortIsRefused() throws IOException {
        ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        int port = s.getLocalPort();
        s.close();
        HttpProbed answer = probe.get("127.0.0.1", port, null, "test").observation();
        assertThat(answer.status()).isNull();
        assertThat(answer.error()).isEqualTo("connection refused");
    }

    @Test
    void somethingThatIsNotHttp() throws IOException {
        int port = serve(s -> s.getOutputStream().write("SSH-2.0-OpenSSH_9.2\r\n".getBytes(StandardCharsets.UTF_8)));
        HttpProbed answer = probe.get("127.0.0.1", port, null, "test").observation();
        assertThat(answer.status()).isNull();
        assertThat(answer.error()).isNotBlank();
    }

    @Test
    void getAllReadsTheFirstMaxTargetsInParallelEachBoundedAndRecordsEveryAnswer() throws IOException {
        List<HttpPageProbe.Target> targets = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int port = serve(s -> {
                s.getInputStream().read(new byte[4096]);
                sleep(30_000);
            });
            targets.add(new HttpPageProbe.Target("c" + i, "127.0.0.1", port));
        }
        Map<Integer, HttpProbed> answers = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        probe.getAll(targets, 4, "test", (target, answer) -> {
            answers.put(target.port(), answer.observation());
            if (target.containerId().equals("c0")) {
                throw new IllegalStateException("one recorder failing costs the others nothing");
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(answers).as("the first 4 of 5 targets").containsOnlyKeys(
                targets.subList(0, 4).stream().map(HttpPageProbe.Target::port).toList());
        assertThat(answers.values()).allSatisfy(a -> assertThat(a.error()).startsWith("no answer within 2.0 s"));
        assertThat(answers.get(targets.get(3).port()).containerId()).isEqualTo("c3");
        // four hanging servers at once take one timeout (2 s), not four one after another (8 s)
        assertThat(seconds).isLessThan(5);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
