package io.labgrader.cli;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The signals that end watch, so that it grades instead of dying: SIGINT (Ctrl-C; in a Windows console the JVM
 * turns Ctrl-C into SIGINT too) and SIGTERM (kill, CI scripts, docker stop; on Windows closing the console window).
 *
 * <p>A process started as a background job of a non-interactive shell ({@code labgrader watch &} in a script)
 * inherits SIGINT <em>ignored</em>. The JVM then leaves it ignored: HotSpot's JVM_RegisterSignal returns "ignored"
 * for INT, TERM and HUP without installing anything, and {@code Signal.handle} merely reports SIG_IGN. A
 * {@code kill -INT} would then never end watch. So a signal found ignored is set back to its default through libc's
 * {@code signal()} (JNA, which docker-java's transport brings along) and then handled like any other.
 *
 * <p>Ctrl-Break (SIGBREAK) is not handled: the JVM keeps it for its thread dump and refuses a handler for it.
 */
final class StopSignals {

    private static final String[] NAMES = {"INT", "TERM"};

    private StopSignals() {
    }

    /**
     * Handles SIGINT and SIGTERM from now until the JVM exits: the first one runs {@code stop}, every later one
     * {@code again} (the report is being made; a second Ctrl-C must not lose it).
     *
     * @return the signals now handled, e.g. [INT, TERM]
     */
    static List<String> install(Runnable stop, Runnable again) {
        AtomicInteger received = new AtomicInteger();
        SignalHandler handler = signal -> (received.incrementAndGet() == 1 ? stop : again).run();
        List<String> handled = new ArrayList<>();
        for (String name : NAMES) {
            if (handle(name, handler)) {
                handled.add(name);
            }
        }
        return handled;
    }

    @SuppressWarnings("sunapi")
    private static boolean handle(String name, SignalHandler handler) {
        try {
            Signal signal = new Signal(name);
            if (Signal.handle(signal, handler) != SignalHandler.SIG_IGN) {
                return true;
            }
            // ignored since the process started: the JVM installed nothing
            return restoreDefault(signal.getNumber()) && Signal.handle(signal, handler) != SignalHandler.SIG_IGN;
        } catch (IllegalArgumentException e) {
            return false; // no such signal here, or the JVM keeps it (-Xrs): --duration still ends watch
        }
    }

    /** {@code signal(number, SIG_DFL)}: SIG_DFL is the null pointer on Linux and macOS. */
    private static boolean restoreDefault(int number) {
        if (Platform.isWindows()) {
            return false;
        }
        try {
            Function signal = NativeLibrary.getInstance(Platform.C_LIBRARY_NAME).getFunction("signal");
            signal.invokePointer(new Object[]{number, null});
            return true;
        } catch (RuntimeException | LinkageError e) {
            return false; // JNA's native part cannot load here (e.g. a temp folder mounted noexec)
        }
    }
}
