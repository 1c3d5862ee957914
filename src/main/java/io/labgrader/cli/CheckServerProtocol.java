package io.labgrader.cli;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a client and the {@link CheckServer} say over the socket.
 * <p>The client sends one request: {@link #VERSION}, the client's identity ({@link CheckServerPlace#identity}), the charsets of its stdout and stderr, whether
 * its stdout is a terminal, and the arguments. The server answers with frames: stdout or stderr bytes (already in the
 * client's charsets, to be written as they are), then the exit code; or {@link #REFUSED} when it will not run the
 * check (another jar, shutting down), and the client runs it itself.
 */
final class CheckServerProtocol {

    static final int VERSION = 0x4C470001;
    static final byte STDOUT = 1;
    static final byte STDERR = 2;
    static final byte EXIT = 3;
    static final byte REFUSED = 4;

    /** Longer requests are not labgrader's arguments; refused rather than read into memory. */
    private static final int MAX_ARGUMENTS = 1_000;
    private static final int MAX_ARGUMENT_BYTES = 4 << 20;

    private CheckServerProtocol() {
    }

    record Request(String identity, String stdoutCharset, String stderrCharset, boolean terminal, List<String> args) {

        void writeTo(DataOutputStream out) throws IOException {
            out.writeInt(VERSION);
            writeString(out, identity);
            writeString(out, stdoutCharset);
            writeString(out, stderrCharset);
            out.writeBoolean(terminal);
            out.writeInt(args.size());
            for (String arg : args) {
                writeString(out, arg);
            }
            out.flush();
        }

        static Request readFrom(DataInputStream in) throws IOException {
            if (in.readInt() != VERSION) {
                throw new IOException("not a labgrader check request of this version");
            }
            String identity = readString(in);
            String stdout = readString(in);
            String stderr = readString(in);
            boolean terminal = in.readBoolean();
            int count = in.readInt();
            if (count < 0 || count > MAX_ARGUMENTS) {
                throw new IOException("too many arguments: " + count);
            }
            List<String> args = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                args.add(readString(in));
            }
            return new Request(identity, stdout, stderr, terminal, List.copyOf(args));
        }
    }

    /** One of the client's output streams, as frames on the shared socket (frames of both never interleave). */
    static final class FrameStream extends OutputStream {
        private final DataOutputStream socket;
        private final byte kind;

        FrameStream(DataOutputStream socket, byte kind) {
            this.socket = socket;
            this.kind = kind;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (length == 0) {
                return;
            }
            synchronized (socket) {
                socket.writeByte(kind);
                socket.writeInt(length);
                socket.write(bytes, offset, length);
            }
        }

        @Override
        public void flush() throws IOException {
            synchronized (socket) {
                socket.flush();
            }
        }
    }

    /**
     * Closes {@code channel} unless the returned watch is closed within {@code seconds}: no wait is endless.
     * A class rather than a lambda: on the client's path every lambda's first call costs milliseconds of linkage.
     */
    static Watchdog closeAfter(java.io.Closeable channel, long seconds) {
        Watchdog watch = new Watchdog(channel, seconds);
        watch.start();
        return watch;
    }

    static final class Watchdog extends Thread implements AutoCloseable {
        private final java.io.Closeable channel;
        private final long seconds;

        Watchdog(java.io.Closeable channel, long seconds) {
            super("labgrader-check-server-watchdog");
            setDaemon(true);
            this.channel = channel;
            this.seconds = seconds;
        }

        @Override
        public void run() {
            try {
                Thread.sleep(seconds * 1000);
                channel.close();
            } catch (InterruptedException | IOException done) {
                // interrupted: the wait ended in time
            }
        }

        @Override
        public void close() {
            interrupt();
        }
    }

    static void writeExit(DataOutputStream socket, byte kind, int code) throws IOException {
        synchronized (socket) {
            socket.writeByte(kind);
            socket.writeInt(code);
            socket.flush();
        }
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_ARGUMENT_BYTES) {
            throw new IOException("an argument of " + length + " bytes");
        }
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new java.io.EOFException("the request ended within an argument");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
