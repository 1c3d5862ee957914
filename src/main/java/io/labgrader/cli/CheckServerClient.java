package io.labgrader.cli;

import io.labgrader.report.ConsoleEncoding;
import io.labgrader.report.ConsolePrintStream;
import io.labgrader.rubric.LocalizedText.Language;
import io.labgrader.rubric.Messages;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A check handed to the running {@link CheckServer}: the arguments go over, the server's output comes back byte for
 * byte onto this process's stdout and stderr, and its exit code becomes this one's.
 */
final class CheckServerClient {

    /**
     * How long a served check may take, from the request to its exit code (probes are bounded on their own; this
     * bounds a server that hangs or waits for another check).
     */
    static final long ANSWER_SECONDS = 300;

    /** The launcher's sign that no server ran the check: it then runs it in a JVM of its own (labgrader uses 0 to 3). */
    static final int NOT_SERVED = 100;

    private CheckServerClient() {
    }

    /**
     * The POSIX launcher's first step for a check: a small JVM (the Java's own class-data archive, no AOT cache)
     * that hands the check to a running server and exits with its code, or with {@link #NOT_SERVED} when there is
     * none. The launcher then starts the full JVM for the check, with its AOT cache, whose start-up (the cache loads
     * all of a check's classes at once) a served check does not need.
     */
    public static void main(String[] args) {
        Optional<CheckServerPlace> place = CheckServerPlace.forCheck(List.of(args));
        OptionalInt served = place.isPresent() ? forward(place.get(), args) : OptionalInt.empty();
        System.exit(served.isPresent() ? served.getAsInt() : NOT_SERVED);
    }

    /**
     * The exit code of the check as the server ran it; empty when no server ran it (none listening, it refused, or it
     * went away before printing anything), and the caller runs the check itself.
     */
    static OptionalInt forward(CheckServerPlace place, String[] args) {
        return forward(place, args, new FileOutputStream(FileDescriptor.out), new FileOutputStream(FileDescriptor.err));
    }

    /** {@link #forward(CheckServerPlace, String[])} onto the given stdout and stderr (raw: the bytes are the server's). */
    static OptionalInt forward(CheckServerPlace place, String[] args, OutputStream stdout, OutputStream stderr) {
        if (!Files.exists(place.socket())) {
            return OptionalInt.empty();
        }
        SocketChannel channel;
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        } catch (IOException | UnsupportedOperationException e) {
            return OptionalInt.empty();
        }
        Charset stderrCharset = ConsoleEncoding.charsetOf(System.err, "sun.stderr.encoding");
        boolean printed = false;
        try (channel; CheckServerProtocol.Watchdog watch = CheckServerProtocol.closeAfter(channel, ANSWER_SECONDS)) {
            channel.connect(UnixDomainSocketAddress.of(place.socket()));
            new CheckServerProtocol.Request(place.identity(), ConsoleEncoding.charsetOf(System.out, "sun.stdout.encoding").name(),
                    stderrCharset.name(), Terminal.attached(), List.of(args))
                    .writeTo(new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel))));
            DataInputStream answer = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel)));
            while (true) {
                byte kind = answer.readByte();
                switch (kind) {
                    case CheckServerProtocol.STDOUT, CheckServerProtocol.STDERR -> {
                        byte[] bytes = answer.readNBytes(answer.readInt());
                        OutputStream to = kind == CheckServerProtocol.STDOUT ? stdout : stderr;
                        to.write(bytes);
                        to.flush();
                        printed = true;
                    }
                    case CheckServerProtocol.EXIT -> {
                        return OptionalInt.of(answer.readInt());
                    }
                    case CheckServerProtocol.REFUSED -> {
                        return OptionalInt.empty();
                    }
                    default -> throw new IOException("unknown frame " + kind);
                }
            }
        } catch (IOException | RuntimeException e) {
            if (!printed) {
                // refused, gone or never there: the check runs in this JVM. The server may have looked at the machine
                // already; a second look only adds a second snapshot to the evidence
                return OptionalInt.empty();
            }
            // half a report is out: running the check again here would print a second one after it
            new ConsolePrintStream(stderr, new ConsoleEncoding(stderrCharset)).println(Messages.CORE.get(languageOf(args), "cli.serverStopped"));
            return OptionalInt.of(ExitCodes.NOTHING_GRADABLE);
        }
    }

    /** --lang as given (picocli has not run yet), else the locale's. */
    static Language languageOf(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String value = args[i].startsWith("--lang=") ? args[i].substring("--lang=".length())
                    : args[i].equals("--lang") && i + 1 < args.length ? args[i + 1] : null;
            if (value != null) {
                try {
                    return Language.parseOrDefault(value);
                } catch (IllegalArgumentException e) {
                    return Language.parseOrDefault(null);
                }
            }
        }
        return Language.parseOrDefault(null);
    }
}
