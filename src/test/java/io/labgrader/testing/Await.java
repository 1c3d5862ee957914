package io.labgrader.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Waiting for what a labgrader process writes (watch's "watching" line, a journal entry), within a deadline. */
public final class Await {

    private Await() {
    }

    /** Returns once {@code file} contains {@code fragment}; fails with the file's content after {@code deadline}. */
    public static void fileContains(Path file, String fragment, Duration deadline) {
        try {
            long end = System.nanoTime() + deadline.toNanos();
            while (System.nanoTime() < end) {
                if (Files.exists(file) && Files.readString(file).contains(fragment)) {
                    return;
                }
                LabDocker.sleep(200);
            }
            throw new AssertionError("'" + fragment + "' did not appear in " + file + " within " + deadline
                    + (Files.exists(file) ? ":\n" + Files.readString(file) : " (no such file)"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
