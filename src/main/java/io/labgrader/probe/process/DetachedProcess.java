package io.labgrader.probe.process;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A program meant to outlive labgrader (the check server): started and left, not waited for. Its stdin is closed and
 * its output goes to a log file, so it holds nothing of the terminal; what bounds its life is the program itself
 * (the check server ends after its idle time), not a timeout here as for {@link ProcessCommandRunner}'s commands.
 * <p>It is started by a shell that puts it in the background and ends at once (POSIX sh, only on Linux and macOS),
 * so that it is no child of this JVM: a JVM whose child still runs keeps a thread waiting for it in native code, and
 * the JVM's exit waits for such threads, 300 ms (30 attempts of 10 ms, measured: 346 vs 44 ms for a JVM that starts
 * one program and exits).
 */
public final class DetachedProcess {

    private static final long SHELL_SECONDS = 10;

    private DetachedProcess() {
    }

    /** Starts {@code command} in this process's working folder and environment, output and errors into {@code log}. */
    public static void start(List<String> command, Path log) throws IOException {
        List<String> shell = new ArrayList<>(List.of("/bin/sh", "-c", "\"$@\" </dev/null >\"$0\" 2>&1 &", log.toString()));
        shell.addAll(command);
        Process starter = new ProcessBuilder(shell)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            if (!starter.waitFor(SHELL_SECONDS, TimeUnit.SECONDS)) {
                starter.destroyForcibly();
                throw new IOException("the shell that starts it did not end within " + SHELL_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting it", e);
        }
    }
}
