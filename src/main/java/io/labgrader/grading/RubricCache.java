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
 * modification time, so an edited rubric is read again.
 */
final class RubricCache {

    private record Key(Path path, long modified, long size) {
    }

    private static final Map<Key, Optional<Rubric>> CACHE = new ConcurrentHashMap<>();

    private RubricCache() {
    }

    /** The rubric, or empty if it cannot be loaded (the CLI and the extension report why). */
    static Optional<Rubric> get(String path) {
        Path file = Path.of(path == null || path.isBlank() ? "rubric.yml" : path).toAbsolutePath().normalize();
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
}
