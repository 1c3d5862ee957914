package io.labgrader.probe.vm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Paths and file times as the probes read them from settings files and tool output: a path that is blank or not
 * valid on this host, or a file whose time cannot be read, is simply unknown (null), never an error.
 */
final class HostFiles {

    private HostFiles() {
    }

    /** The path, or null if the text is blank or not a valid path on this host. */
    static Path path(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Path.of(s);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** When the file was last written, or null if that cannot be read. */
    static Instant modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toInstant();
        } catch (IOException e) {
            return null;
        }
    }
}
