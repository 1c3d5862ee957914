package io.labgrader.cli;

import io.labgrader.probe.process.DetachedProcess;
import io.labgrader.report.ConsoleEncoding;
import io.labgrader.report.ConsolePrintStream;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * labgrader kept running in the background, so that a student's repeated {@code labgrader check} starts in a warm
 * JVM: a check's own work takes tens of milliseconds, a fresh JVM's start-up several times that.
 * <p>The first check that finds no server runs in its own JVM as always and then starts one
 * ({@link #startInBackground}): the same jar and Java, in the same working folder, with the same environment, which
 * {@link CheckServerPlace} names the socket after. Later checks ({@link CheckServerClient}) hand their arguments
 * over and print what comes back. The server runs one check at a time, with System.out and System.err pointed at the
 * asking client's stdout and stderr, and ends:
 * <ul>
 *   <li>after {@link #idleSeconds} without a check (default 30 minutes; LABGRADER_SERVER_IDLE in seconds);</li>
 *   <li>when its socket is deleted (cleaning the cache folder stops it), or its identity changes: its jar is
 *       rebuilt, its working folder deleted or made anew;</li>
 *   <li>after a fault it cannot vouch for (an Error such as OutOfMemoryError).</li>
 * </ul>
 * LABGRADER_SERVER=off, a CI job (CI set) and Windows use no server.
 */
public final class CheckServer {

    private static final long DEFAULT_IDLE_SECONDS = 30 * 60;
    /**
     * At most this many servers per user (each holds about 100 MiB): one per terminal whose environment differs.
     * Beyond that, checks run in their own JVM until a server ends.
     */
    static final int MAX_SERVERS = 3;
    /** A client has this long to send its request once connected. */
    private static final long REQUEST_SECONDS = 10;

    private final CheckServerPlace place;
    private long lastUse = System.nanoTime();
    private boolean broken;

    private CheckServer(CheckServerPlace place) {
        this.place = place;
    }

    /** Started by {@link #startInBackground} with the place's key: it serves only if it computes the same. */
    public static void main(String[] args) throws IOException {
        Optional<CheckServerPlace> place = CheckServerPlace.forThisRun();
        if (args.length != 1 || place.isEmpty() || !place.get().key().equals(args[0])) {
            System.err.println("labgrader check server: not started, this JVM is not the one the check asked for");
            return;
        }
        try (FileChannel lockFile = FileChannel.open(place.get().lock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = lockFile.tryLock()) {
            if (lock == null) {
                return; // another server already has this place (two first checks at once)
            }
            Files.deleteIfExists(place.get().socket()); // a server that was killed leaves its socket file behind
            try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
                server.bind(UnixDomainSocketAddress.of(place.get().socket()));
                new CheckServer(place.get()).serve(server);
            } finally {
                Files.deleteIfExists(place.get().socket());
            }
        }
    }

    private void serve(ServerSocketChannel server) throws IOException {
        long idleNanos = idleSeconds() * 1_000_000_000L;
        server.configureBlocking(false);
        try (Selector selector = Selector.open()) {
            server.register(selector, SelectionKey.OP_ACCEPT);
            while (!broken && System.nanoTime() - lastUse < idleNanos && Files.exists(place.socket()) && identityUnchanged()) {
                selector.select(1000);
                selector.selectedKeys().clear();
                SocketChannel client = server.accept();
                if (client != null) {
                    try (client) {
                        client.configureBlocking(true);
                        answer(client);
                    } catch (IOException e) {
                        System.err.println("labgrader check server: a client went away: " + e.getMessage());
                    }
                    lastUse = System.nanoTime();
                }
            }
        }
    }

    private void answer(SocketChannel client) throws IOException {
        DataOutputStream socket = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(client)));
        CheckServerProtocol.Request request;
        try (CheckServerProtocol.Watchdog watch = CheckServerProtocol.closeAfter(client, REQUEST_SECONDS)) {
            request = CheckServerProtocol.Request.readFrom(new DataInputStream(new BufferedInputStream(Channels.newInputStream(client))));
        }
        Optional<Charset> stdout = charset(request.stdoutCharset());
        Optional<Charset> stderr = charset(request.stderrCharset());
        if (stdout.isEmpty() || stderr.isEmpty() || !request.identity().equals(place.identity()) || !identityUnchanged()
                || !CheckServerPlace.isCheck(request.args())) {
            CheckServerProtocol.writeExit(socket, CheckServerProtocol.REFUSED, 0);
            return;
        }
        long start = System.nanoTime();
        int code = run(request, socket, stdout.get(), stderr.get());
        CheckServerProtocol.writeExit(socket, CheckServerProtocol.EXIT, code);
        System.err.printf("labgrader check server: %s, exit %d, %d ms%n", java.time.Instant.now(), code,
                (System.nanoTime() - start) / 1_000_000);
    }

    /** The client's console charset, or empty for a name this Java does not know (or no charset name at all). */
    private static Optional<Charset> charset(String name) {
        try {
            return Optional.of(Charset.forName(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Runs the check as Main would in the client's JVM, printing into the client's streams. */
    private int run(CheckServerProtocol.Request request, DataOutputStream socket, Charset stdout, Charset stderr) {
        PrintStream ownOut = System.out;
        PrintStream ownErr = System.err;
        PrintStream out = new ConsolePrintStream(new BufferedOutputStream(
                new CheckServerProtocol.FrameStream(socket, CheckServerProtocol.STDOUT), 8192), new ConsoleEncoding(stdout));
        PrintStream err = new ConsolePrintStream(new BufferedOutputStream(
                new CheckServerProtocol.FrameStream(socket, CheckServerProtocol.STDERR), 8192), new ConsoleEncoding(stderr));
        System.setOut(out);
        System.setErr(err);
        Terminal.serving(request.terminal());
        try {
            return Main.execute(request.args().toArray(String[]::new));
        } catch (Throwable fault) {
            // Main turns every exception into a message; what reaches here is an Error: this JVM is not to be trusted
            broken = true;
            err.println("labgrader: " + fault);
            return ExitCodes.NOTHING_GRADABLE;
        } finally {
            out.flush();
            err.flush();
            Terminal.serving(null);
            System.setOut(ownOut);
            System.setErr(ownErr);
        }
    }

    /**
     * Whether this server is still what its socket's name says: the jars not rebuilt, the working folder not deleted or
     * made anew (see {@link CheckServerPlace#folderIdentity}). Asked every second and before each check.
     */
    private boolean identityUnchanged() {
        try {
            return CheckServerPlace.identityOfThisJvm().equals(Optional.of(place.identity()));
        } catch (IOException e) {
            return false;
        }
    }

    static long idleSeconds() {
        try {
            String idle = System.getenv("LABGRADER_SERVER_IDLE");
            return idle == null ? DEFAULT_IDLE_SECONDS : Math.max(1, Long.parseLong(idle.trim()));
        } catch (NumberFormatException e) {
            return DEFAULT_IDLE_SECONDS;
        }
    }

    /**
     * Starts a server for {@code place} in the background and returns at once: this JVM's Java and class path, its
     * options but those of recording a class-data archive or AOT cache ({@link #keptForTheServer}), its
     * environment and working folder. Output goes to the place's log. Nothing is lost if it cannot start: checks
     * then run in their own JVM, as this one did.
     */
    static void startInBackground(CheckServerPlace place) {
        try {
            List<String> running = running(place.lock().getParent());
            if (running.contains(place.key()) || running.size() >= MAX_SERVERS) {
                return; // starting already, or enough memory given to servers: this one comes when another ends
            }
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            // a small heap to begin with: the JVM's default begins at a 64th of the machine's memory, and its young
            // generation (116 MiB on a machine with 23 GiB) stays resident once touched, nearly doubling an idle
            // server's memory (220 vs 128 MiB, measured). The check's own options come after this one and win
            command.add("-Xms16m");
            for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
                if (keptForTheServer(option)) {
                    command.add(option);
                }
            }
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), CheckServer.class.getName(), place.key()));
            DetachedProcess.start(command, place.log());
        } catch (IOException | RuntimeException e) {
            // no server: the next check runs in its own JVM and tries again
        }
    }

    /** The keys of the servers running in {@code folder}: each holds its lock file's lock while it runs. */
    static List<String> running(Path folder) throws IOException {
        List<String> keys = new ArrayList<>();
        try (var locks = Files.newDirectoryStream(folder, "*.lock")) {
            for (Path lock : locks) {
                try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE);
                     FileLock free = channel.tryLock()) {
                    if (free == null) {
                        String name = lock.getFileName().toString();
                        keys.add(name.substring(0, name.length() - ".lock".length()));
                    }
                } catch (IOException | java.nio.channels.OverlappingFileLockException e) {
                    // gone meanwhile, or held in this very JVM (a test): not a running server of another process
                }
            }
        }
        return keys;
    }

    /**
     * The options a server keeps from the check that starts it. Dropped: recording a class-data archive or AOT cache
     * (the check's JVM writes it; a second writer would spoil it); the batch's lower compile thresholds; agents (a
     * profiler attached to one check). Kept: C1 alone and native reflection, as for a check in its own JVM. The full
     * compiler was tried and was slower on a 2-core machine at every stage: the second check of a session 510-561
     * vs 289-348 ms, later checks 128 vs 104 ms (medians of 25; runtime image).
     */
    static boolean keptForTheServer(String option) {
        for (String dropped : List.of("-XX:ArchiveClassesAtExit", "-XX:AOTMode", "-XX:AOTConfiguration", "-XX:AOTCacheOutput",
                "-XX:-AOTRecordTraining", "-XX:-DisplayVMOutput", "-XX:CompileThresholdScaling",
                "-agentpath", "-agentlib", "-javaagent", "-Dsun.java.launcher", "-Djava.class.path")) {
            if (option.startsWith(dropped)) {
                return false;
            }
        }
        return true;
    }
}
