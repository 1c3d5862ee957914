package io.labgrader.grading;

import io.labgrader.rubric.Rubric;
import io.labgrader.rubric.RubricException;
import io.labgrader.rubric.RubricLoader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rubrics for the JUnit hooks that cannot hold state of their own (display names, ordering). Keyed by path and
 * modification time, so an edited rubric is read again; a run that has loaded its rubric pins it instead.
 */
final class RubricCache {

    private record Key(Path path, long modified, long size) {
    }

    /** A pinned rubric and how many runs pinned it. */
    private record Pinned(Rubric rubric, int count) {
    }

    private static final Map<Key, Optional<Rubric>> CACHE = new ConcurrentHashMap<>();
    private static final Map<Path, Pinned> PINNED = new ConcurrentHashMap<>();

    private RubricCache() {
    }

    /** Undoes one {@link #pin}. */
    interface Pin extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Until the pin is closed, lookups of the rubric's path give this rubric without looking at the file: every
     * student of a batch is graded by the rubric the batch loaded, even if the file is edited meanwhile, and no
     * criterion's display name costs a file lookup. A second run pinning another version of the same file pins
     * nothing; its lookups then read the file as usual.
     */
    static Pin pin(Rubric rubric) {
        Path file = normalise(rubric.source().toString());
        Pinned after = PINNED.compute(file, (k, pinned) -> pinned == null ? new Pinned(rubric, 1)
                : pinned.rubric().sha256().equals(rubric.sha256()) ? new Pinned(pinned.rubric(), pinned.count() + 1) : pinned);
        if (!after.rubric().sha256().equals(rubric.sha256())) {
            return () -> { };   // another version is pinned: nothing was counted, nothing to undo
        }
        return () -> PINNED.computeIfPresent(file, (k, pinned) -> pinned.count() <= 1 ? null
                : new Pinned(pinned.rubric(), pinned.count() - 1));
    }

    /** The rubric, or empty if it cannot be loaded (the CLI and the extension report why). */
    static Optional<Rubric> get(String path) {
        Path file = normalise(path);
        Pinned pinned = PINNED.get(file);
        if (pinned != null) {
            return Optional.of(pinned.rubric());
        }
        try {
            Key key = new Key(file, Files.getLastModifiedTime(file).toMillis(), Files.size(file));
            return CACHE.computeIfAbsent(key, k -> {
                try {
                    return Optional.of(RubricLoader.load(k.path()));
                } catch (RubricException e) {
                    return Optional.empty();
                }
            });
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Path normalise(String path) {
        return Path.of(path == null || path.isBlank() ? "rubric.yml" : path).toAbsolutePath().normalize();
    }
}
