package io.labgrader.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The raw captures of a bundle (what the engine said, as it said it), read on demand by their bundle path
 * ("raw/…"). Checks that compare the journal with them read them through here: from the bundle's folder through
 * the same guard as the journal, or from the bytes batch grading took out of a zip. What is derived from them is
 * kept once per bundle, since every grading suite asks the same question of the same files.
 */
public final class RawCaptures {

    /** A raw capture larger than this is not read: the engine's answers about a lab's containers are a few KiB. */
    public static final long MAX_BYTES = 4L * 1024 * 1024;
    public static final RawCaptures NONE = new RawCaptures(path -> Optional.empty(), List::of, false);

    private final Function<String, Optional<byte[]>> reader;
    private final java.util.function.Supplier<List<String>> paths;
    private final boolean available;
    private final Map<Class<?>, Object> derived = new ConcurrentHashMap<>();

    private RawCaptures(Function<String, Optional<byte[]>> reader, java.util.function.Supplier<List<String>> paths,
                        boolean available) {
        this.reader = reader;
        this.paths = paths;
        this.available = available;
    }

    /** The captures of the bundle in {@code folder}: plain files inside it, each within {@link #MAX_BYTES}. */
    public static RawCaptures folder(Path folder) {
        return new RawCaptures(path -> {
            if (!isRawPath(path)) {
                return Optional.empty();
            }
            try (InputStream in = GuardedFile.open(folder, folder.resolve(path), MAX_BYTES)) {
                return Optional.of(in.readAllBytes());
            } catch (IOException | EvidenceException | RuntimeException e) {
                return Optional.empty(); // missing, too large, a link out: the check says the capture is not there
            }
        }, listedOnce(folder), true);
    }

    /**
     * The raw folder's listing, read on first use and kept, like everything derived from the captures: a check of an
     * engine capture looks for the info saved beside it, and listing the folder for each of them made grading grow
     * with the square of the snapshots (a bundle of 80 checks: most of a check's time in reading the folder).
     */
    private static java.util.function.Supplier<List<String>> listedOnce(Path folder) {
        return new java.util.function.Supplier<>() {
            private List<String> listing;

            @Override
            public synchronized List<String> get() {
                if (listing == null) {
                    listing = list(folder);
                }
                return listing;
            }
        };
    }

    private static List<String> list(Path folder) {
        try (Stream<Path> files = Files.list(folder.resolve(EvidenceBundle.RAW))) {
            return files.map(f -> EvidenceBundle.RAW + "/" + f.getFileName()).sorted().toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** Captures already in memory, by bundle path. */
    public static RawCaptures of(Map<String, byte[]> files) {
        Map<String, byte[]> copy = Map.copyOf(files);
        List<String> names = copy.keySet().stream().sorted().toList();
        return new RawCaptures(path -> Optional.ofNullable(copy.get(path)), () -> names, true);
    }

    /** Whether the bundle's raw captures could be looked at at all (not for a journal handed over alone). */
    public boolean available() {
        return available;
    }

    /** The bundle paths of the raw captures there are ("raw/…"). */
    public List<String> paths() {
        return paths.get();
    }

    public Optional<byte[]> read(String path) {
        return path == null ? Optional.empty() : reader.apply(path);
    }

    /** Something computed from these captures, computed once; {@code type} names it. */
    public <T> T derived(Class<T> type, Function<RawCaptures, T> compute) {
        return type.cast(derived.computeIfAbsent(type, t -> compute.apply(this)));
    }

    /** "raw/name" with no way out of the raw folder. */
    static boolean isRawPath(String path) {
        return path.startsWith(EvidenceBundle.RAW + "/") && !path.contains("..") && !path.contains("\\")
                && path.indexOf('/', EvidenceBundle.RAW.length() + 1) < 0;
    }
}
