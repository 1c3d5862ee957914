package io.labgrader.probe.process;

import java.util.List;

/**
 * How a command ended and what it printed.
 *
 * @param exitCode   the exit code, or -1 if it did not end by itself (timed out) or did not start
 * @param timedOut   it did not finish within its time bound and was killed, with its child processes
 * @param startError why it could not be started at all, else null
 * @param truncated  its output was longer than the runner keeps; the rest was read and dropped
 * @param stdoutBytes how many bytes it wrote to stdout, kept or not
 */
public record CommandResult(List<String> command, int exitCode, String stdout, String stderr, boolean timedOut,
                            String startError, boolean truncated, long millis, long stdoutBytes) {

    /** A result whose stdout was kept whole (stand-ins, results made from a recorded call). */
    public CommandResult(List<String> command, int exitCode, String stdout, String stderr, boolean timedOut,
                         String startError, boolean truncated, long millis) {
        this(command, exitCode, stdout, stderr, timedOut, startError, truncated, millis,
                stdout == null ? 0 : stdout.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    }

    public CommandResult {
        command = List.copyOf(command);
        stdout = stdout == null ? "" : stdout;
        stderr = stderr == null ? "" : stderr;
    }

    public boolean ok() {
        return !timedOut && startError == null && exitCode == 0;
    }

    /** The command line as a person would type it, quoting arguments with spaces. */
    public String commandLine() {
        return commandLine(command);
    }

    public static String commandLine(List<String> command) {
        StringBuilder s = new StringBuilder();
        for (String a : command) {
            if (!s.isEmpty()) {
                s.append(' ');
            }
            s.append(a.isEmpty() || a.chars().anyMatch(c -> c == ' ' || c == '"' || c == '\'') ? "\"" + a.replace("\"", "\\\"") + "\"" : a);
        }
        return s.toString();
    }

    /** The first lines of stderr (else stdout), for messages. */
    public String errorSummary() {
        String text = stderr.isBlank() ? stdout : stderr;
        String trimmed = text.strip();
        String[] lines = trimmed.split("\\R");
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.min(3, lines.length); i++) {
            if (!lines[i].isBlank()) {
                s.append(s.isEmpty() ? "" : " / ").append(lines[i].strip());
            }
        }
        String r = s.toString();
        return r.length() > 300 ? r.substring(0, 300) + "…" : r;
    }
}
