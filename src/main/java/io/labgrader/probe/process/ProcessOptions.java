package io.labgrader.probe.process;

import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * How {@link ProcessCommandRunner} runs one command: its environment, what of its output is kept, and how it is
 * stopped when its time is up.
 *
 * @param setEnv       variables set for the command (after {@code removeEnv} is applied)
 * @param removeEnv    variables taken out of the inherited environment
 * @param mergeStderr  stderr joins stdout as one stream, in the order the command wrote them
 * @param lineListener if not null, stdout is read as UTF-8 lines and each line is handed to it as it comes (to show
 *                     a script's output live); null reads raw bytes
 * @param maxStdout    bytes of stdout kept; the rest is read and dropped
 * @param maxStderr    bytes of stderr kept
 * @param drainMillis  how long to wait for the output readers after the command ended or was stopped
 * @param stop         how a command that overran its time is ended
 */
public record ProcessOptions(Map<String, String> setEnv, Set<String> removeEnv, boolean mergeStderr,
                             Consumer<String> lineListener, int maxStdout, int maxStderr, long drainMillis,
                             StopPolicy stop) {

    /** How a command that overran its time is ended, with everything it started. */
    public enum StopPolicy {
        /** KILL at once, sparing a hypervisor's own services the command happened to start (a probe's tool call). */
        KILL_SPARING_SERVICES,
        /** TERM to the command first, then its children; KILL after 5 s; then wait for the children (a script). */
        TERM_THEN_KILL
    }

    public ProcessOptions {
        setEnv = Map.copyOf(setEnv);
        removeEnv = Set.copyOf(removeEnv);
    }

    /** A probe's tool call: separate stdout and stderr, raw bytes, killed at once sparing hypervisor services. */
    public static ProcessOptions toolCall(Map<String, String> env) {
        return new ProcessOptions(env, Set.of(), false, null, ProcessCommandRunner.MAX_STDOUT,
                ProcessCommandRunner.MAX_STDERR, 2000, StopPolicy.KILL_SPARING_SERVICES);
    }

    /** A script: one merged output stream shown line by line, stopped gracefully. */
    public static ProcessOptions script(Map<String, String> env, Set<String> removeEnv, Consumer<String> lineListener,
                                        int maxOutput) {
        return new ProcessOptions(env, removeEnv, true, lineListener, maxOutput, 0, 5000, StopPolicy.TERM_THEN_KILL);
    }
}
