package io.labgrader.testing;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Docker Engine that hangs: a Unix socket of the test's own that accepts every connection, keeps it open and never
 * says a word (as a wedged dockerd or a stuck Docker Desktop VM does). The real engine is not touched. Point
 * labgrader at it with {@code DOCKER_HOST=}{@link #dockerHost()}; closing it closes the socket and every connection.
 */
public final class HungEngine implements AutoCloseable {

    private final Path socket;
    private final ServerSocketChannel server;
    private final List<SocketChannel> accepted = new CopyOnWriteArrayList<>();

    private HungEngine(Path socket, ServerSocketChannel server) {
        this.socket = socket;
        this.server = server;
    }

    /** Listens at {@code socket} (which must not exist yet) until closed. */
    public static HungEngine at(Path socket) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        HungEngine engine = new HungEngine(socket, server);
        Thread acceptor = new Thread(engine::acceptForever, "hung-engine");
        acceptor.setDaemon(true);
        acceptor.start();
        return engine;
    }

    private void acceptForever() {
        try {
            while (true) {
                accepted.add(server.accept()); // keep the connection open, say nothing
            }
        } catch (IOException e) {
            // closed at the end of the test
        }
    }

    public Path socket() {
        return socket;
    }

    /** The DOCKER_HOST that names this engine: unix://SOCKET. */
    public String dockerHost() {
        return "unix://" + socket;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (SocketChannel connection : accepted) {
            connection.close();
        }
    }
}
