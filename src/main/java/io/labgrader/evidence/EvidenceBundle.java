package io.labgrader.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.labgrader.hashing.Hashes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * An evidence bundle being written: manifest.json, the append-only journal.jsonl, and raw/ captures.
 * Running check again appends to the journal; nothing already written is rewritten, except the manifest.
 * Safe for use from several probe threads.
 */
public final class EvidenceBundle {

    public static final String MANIFEST = "manifest.json";
    public static final String JOURNAL = "journal.jsonl";
    public static final String RAW = "raw";
    private final java.util.Set<String> recordedKeys = new java.util.HashSet<>();
    private static final DateTimeFormatter RAW_STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Path dir;
    private final Clock clock;
    private final String labgraderVersion;
    private final String rubricId;
    private final String rubricSha256;
    private final Instant created;
    private final AtomicInteger rawCounter = new AtomicInteger();
    /** The raw captures this process wrote, hashed from the bytes it wrote. */
    private final Map<String, Manifest.FileEntry> written = new ConcurrentHashMap<>();
    /** The files the manifest listed when this process last read or wrote it. */
    private Map<String, Manifest.FileEntry> recorded = Map.of();
    /** The files the last {@link #writeManifest()} read from disk to hash them (for tests). */
    private List<String> lastHashed = List.of();
    private Manifest.Host host = new Manifest.Host(System.getProperty("os.name"), System.getProperty("os.arch"), null, null);

    private EvidenceBundle(Path dir, Clock clock, String labgraderVersion, String rubricId, String rubricSha256,
                           Instant created) {
        this.dir = dir;
        this.clock = clock;
        this.labgraderVersion = labgraderVersion;
        this.rubricId = rubricId;
        this.rubricSha256 = rubricSha256;
        this.created = created;
    }

    /**
     * Opens the bundle in {@code dir}, creating it if needed. An existing manifest keeps its creation time,
     * which is where the Docker event history is read from.
     */
    public static EvidenceBundle open(Path dir, String labgraderVersion, String rubricId, String rubricSha256,
                                      Clock clock) throws EvidenceException {
        try {
            Files.createDirectories(dir.resolve(RAW));
        } catch (IOException e) {
            throw new EvidenceException(dir, 0, "cannot create the evidence folder: " + e.getMessage());
        }
        Instant created = clock.instant();
        Path manifestFile = dir.resolve(MANIFEST);
        Manifest existing = null;
        if (Files.exists(manifestFile)) {
            existing = EvidenceReader.readManifest(dir, manifestFile);
            created = existing.created() != null ? existing.created() : created;
        }
        EvidenceBundle bundle = new EvidenceBundle(dir, clock, labgraderVersion, rubricId, rubricSha256, created);
        if (existing != null) {
            bundle.recorded = byPath(existing.files());
            if (existing.host() != null) {
                bundle.host = existing.host();
            }
        }
        bundle.writeManifest();
        return bundle;
    }

    public Path dir() {
        return dir;
    }

    public Instant created() {
        return created;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * Appends an observation unless one with the same key was recorded by this bundle already: watch follows the
     * engine's events live and reads its event history again at the end, and each event belongs in the journal once.
     */
    public synchronized void recordOnce(Observation observation, String key) {
        if (recordedKeys.add(key)) {
            record(observation);
        }
    }

    /** Appends one observation as one line. The line is written in one call so that readers never see half of it. */
    public synchronized void record(Observation observation) {
        String line;
        try {
            line = Redactor.redact(Json.mapper().writeValueAsString(observation)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an observation could not be serialised: " + observation, e);
        }
        try {
            Files.writeString(dir.resolve(JOURNAL), line, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + dir.resolve(JOURNAL), e);
        }
    }

    /**
     * Keeps what a tool said, as it said it (user names in home paths redacted).
     *
     * @return the path relative to the bundle, for observations to refer to
     */
    public String saveRaw(String name, byte[] content) {
        String safeName = name.replaceAll("[^A-Za-z0-9._-]", "_");
        String stamp = RAW_STAMP.format(clock.instant());
        String relative;
        do { // never over a capture already kept, e.g. one of a check run beside watch in the same millisecond
            relative = RAW + "/" + stamp + "-" + rawCounter.incrementAndGet() + "-" + safeName;
        } while (Files.exists(dir.resolve(relative)));
        byte[] redacted = Redactor.redact(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        try {
            AtomicFile.write(dir.resolve(relative), redacted);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + relative, e);
        }
        written.put(relative, new Manifest.FileEntry(relative, redacted.length, Hashes.sha256(redacted)));
        return relative;
    }

    public synchronized void setHost(Manifest.Host host) {
        this.host = host;
    }

    /**
     * Rewrites manifest.json. Only what this process added is hashed: the raw captures it wrote (from the bytes it
     * wrote, so nothing is read again), the journal when it grew, and files no manifest knows yet. A check's cost
     * therefore does not grow with the number of checks before it.
     * <p>
     * A file an earlier run recorded keeps its recorded size and hash, even when it has changed or disappeared since:
     * labgrader writes a raw capture once and never changes or deletes it, so a difference is an edit after capture,
     * and hashing the file again would bless it (earlier versions re-hashed every file and did). Batch grading then
     * reports it as changed or missing. The journal is only ever appended to: its new hash is taken when its recorded
     * part is unchanged (the first bytes still have the recorded hash); otherwise it was edited and the recorded
     * entry stays. Lines appended by hand cannot be told from those of a run that was cut off before it wrote the
     * manifest, nor files added to the folder from such a run's captures; both are hashed and listed, as before.
     */
    public synchronized void writeManifest() throws EvidenceException {
        Path manifestFile = dir.resolve(MANIFEST);
        Map<String, Manifest.FileEntry> known = recorded;
        if (Files.exists(manifestFile)) {
            try {
                // another labgrader (a check while watch runs) may have recorded captures of its own meanwhile
                known = byPath(EvidenceReader.readManifest(dir, manifestFile).files());
            } catch (EvidenceException e) {
                // unreadable now: keep to what was recorded when this process last read or wrote it
            }
        }
        List<String> hashed = new ArrayList<>();
        Map<String, Manifest.FileEntry> files = new TreeMap<>(known);
        files.putAll(written);
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String relative = dir.relativize(file).toString().replace('\\', '/');
                if (!files.containsKey(relative) && !relative.equals(MANIFEST) && !relative.endsWith(".tmp")
                        && !relative.equals(JOURNAL)) {
                    files.put(relative, hash(relative, file, -1).entry());
                    hashed.add(relative);
                }
            }
            Manifest.FileEntry journal = journalEntry(known.get(JOURNAL), hashed);
            if (journal != null) {
                files.put(JOURNAL, journal);
            }
            Manifest manifest = new Manifest(Manifest.FORMAT, labgraderVersion, rubricId, rubricSha256, created,
                    clock.instant(), host, List.copyOf(files.values()));
            AtomicFile.write(manifestFile, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
        } catch (IOException | UncheckedIOException e) {
            throw new EvidenceException(manifestFile, 0, "cannot write the manifest: " + e.getMessage());
        }
        recorded = files;
        lastHashed = List.copyOf(hashed);
    }

    /** What the manifest lists for the journal: its new hash if it only grew since it was recorded, else the record. */
    private Manifest.FileEntry journalEntry(Manifest.FileEntry recordedJournal, List<String> hashed) throws IOException {
        Path file = dir.resolve(JOURNAL);
        if (!Files.isRegularFile(file)) {
            return recordedJournal;
        }
        if (recordedJournal != null && Files.size(file) == recordedJournal.size()) {
            return recordedJournal; // nothing appended; a same-size edit keeps the old hash and is not blessed
        }
        Hashed now = hash(JOURNAL, file, recordedJournal == null ? -1 : recordedJournal.size());
        hashed.add(JOURNAL);
        if (recordedJournal == null || now.prefixSha256() != null && now.prefixSha256().equalsIgnoreCase(recordedJournal.sha256())) {
            return now.entry();
        }
        return recordedJournal;
    }

    private record Hashed(Manifest.FileEntry entry, String prefixSha256) {
    }

    /**
     * Hashes a file in one pass. The size is the number of bytes hashed, so that the two agree even while another
     * process appends. With {@code prefix} &ge; 0, also the hash of the first {@code prefix} bytes (null if shorter).
     */
    private static Hashed hash(String relative, Path file, long prefix) throws IOException {
        MessageDigest all = Hashes.newSha256();
        MessageDigest head = prefix >= 0 ? Hashes.newSha256() : null;
        long size = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; size += n) {
                all.update(buffer, 0, n);
                if (head != null && size < prefix) {
                    head.update(buffer, 0, (int) Math.min(n, prefix - size));
                }
            }
        }
        String prefixSha256 = head != null && size >= prefix ? HexFormat.of().formatHex(head.digest()) : null;
        return new Hashed(new Manifest.FileEntry(relative, size, HexFormat.of().formatHex(all.digest())), prefixSha256);
    }

    private static Map<String, Manifest.FileEntry> byPath(List<Manifest.FileEntry> entries) {
        Map<String, Manifest.FileEntry> byPath = new TreeMap<>();
        for (Manifest.FileEntry entry : entries) {
            if (entry != null && entry.path() != null) {
                byPath.put(entry.path(), entry);
            }
        }
        return byPath;
    }

    /** The files the last {@link #writeManifest()} read to hash them, relative to the bundle. */
    List<String> lastHashed() {
        return lastHashed;
    }
}
