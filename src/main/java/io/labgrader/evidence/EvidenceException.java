package io.labgrader.evidence;

import java.nio.file.Path;

/** Evidence that cannot be read: missing, corrupt or too large. Names the file and, where known, the line. */
public class EvidenceException extends Exception {

    private final Path file;
    private final int line;

    public EvidenceException(Path file, int line, String message) {
        super(describe(file, line, message));
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }

    private static String describe(Path file, int line, String message) {
        String where = file == null ? "evidence" : file.toString();
        return line > 0 ? where + ":" + line + ": " + message : where + ": " + message;
    }
}
