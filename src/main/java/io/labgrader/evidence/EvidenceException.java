package io.labgrader.evidence;

import java.nio.file.Path;

/** Evidence that cannot be read: missing, corrupt or too large. Names the file and, where known, the line. */
public class EvidenceException extends Exception {

    private final String where;
    private final int line;

    public EvidenceException(Path file, int line, String message) {
        this(file == null ? null : file.toString(), line, message);
    }

    /**
     * @param where the file as messages name it: a path, or for a bundle read from a zip without unpacking it,
     *              e.g. "alice.zip!/evidence/journal.jsonl"
     */
    public EvidenceException(String where, int line, String message) {
        super(describe(where, line, message));
        this.where = where;
        this.line = line;
    }

    public String where() {
        return where;
    }

    public int line() {
        return line;
    }

    private static String describe(String where, int line, String message) {
        String file = where == null ? "evidence" : where;
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
