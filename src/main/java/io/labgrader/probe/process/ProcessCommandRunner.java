package io.labgrader.probe.process;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The one place labgrader starts other programs, with {@link ProcessBuilder}: stdin closed, output captured up to
 * a bound (the rest is read and dropped, so a chatty tool cannot block), and a hard timeout after which the process
 * and its descendants are ended as {@link ProcessOptions#stop()} says. Output is decoded as UTF-8. The VM probes'
 * tool calls and the replay of a student's script both run here.
 */
public final class ProcessCommandRunner implements CommandRunner {

    /** What is kept of stdout: the largest output read here (dumpxml, showvminfo) is tens of kilobytes. */
    public static final int MAX_STDOUT = 4 * 1024 * 1024;
    public static final int MAX_STDERR = 64 * 1024;

    private final ProcessOptions defaults;

    /** @param extraEnv variables set for every command, e.g. LC_ALL so that tools answer in English */
    public ProcessCommandRunner(Map<String, String> extraEnv) {
        this.defaults = ProcessOptions.toolCall(extraEnv);
    }

    @Override
    public CommandResult run(List<String> command, Duration timeout) {
        return run(command, timeout, defaults);
    }

    /** Runs {@code command} as {@code options} say; never throws for a failing command. */
    public static CommandResult run(List<String> command, Duration timeout, ProcessOptions options) {
        long start = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(options.mergeStderr());
        builder.environment().keySet().removeAll(options.removeEnv());
        builder.environment().putAll(options.setEnv());
        builder.redirectInput(ProcessBuilder.Redirect.PIPE);
        Process process;
        try {
            process = builder.start();
        } catch (IOException | RuntimeException e) {
            return new CommandResult(command, -1, "", "", false, String.valueOf(e.getMessage()), false, millisSince(start));
        }
        try {
            process.getOutputStream().close(); // a tool waiting for input gets EOF at once
        } catch (IOException ignored) {
            // nothing to close
        }
        OutputCapture out = new OutputCapture(process.getInputStream(), options.maxStdout(), options.lineListener(), "process-stdout");
        OutputCapture err = new OutputCapture(process.getErrorStream(), options.maxStderr(), null, "process-stderr");
        boolean finished;
        try {
            finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finished = false;
        }
        if (!finished) {
            ProcessTrees.stop(process, options.stop());
        }
        out.await(options.drainMillis());
        err.await(options.drainMillis());
        if (!finished) {
            out.abandon();
            err.abandon();
            return new CommandResult(command, -1, out.text(), err.text(), true, null, out.truncated(),
                    millisSince(start), out.totalBytes());
        }
        if (out.running() || err.running()) {
            // the command ended but left something holding its output open (a service it started, say): keep what
            // was read and stop waiting; what the command started by design is left alone
            out.abandon();
            err.abandon();
        }
        return new CommandResult(command, process.exitValue(), out.text(), err.text(), false, null,
                out.truncated() || err.truncated(), millisSince(start), out.totalBytes());
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
