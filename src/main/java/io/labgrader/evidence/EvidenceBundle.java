package io.labgrader.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
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
    private static final DateTimeFormatter RAW_STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Path dir;
    private final Clock clock;
    private final String labgraderVersion;
    private final String rubricId;
    private final String rubricSha256;
    private final Instant created;
    private final AtomicInteger rawCounter = new AtomicInteger();
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
        Manifest.Host host = null;
        if (Files.exists(manifestFile)) {
            Manifest existing = EvidenceReader.readManifest(manifestFile);
            created = existing.created() != null ? existing.created() : created;
            host = existing.host();
        }
        EvidenceBundle bundle = new EvidenceBundle(dir, clock, labgraderVersion, rubricId, rubricSha256, created);
        if (host != null) {
            bundle.host = host;
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
        String relative = RAW + "/" + RAW_STAMP.format(clock.instant()) + "-" + rawCounter.incrementAndGet() + "-" + safeName;
        String text = new String(content, StandardCharsets.UTF_8);
        try {
            AtomicFile.write(dir.resolve(relative), Redactor.redact(text).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + relative, e);
        }
        return relative;
    }

    public synchronized void setHost(Manifest.Host host) {
        this.host = host;
    }

    /** Rewrites manifest.json with the hashes of every file now in the bundle. */
    public synchronized void writeManifest() throws EvidenceException {
        List<Manifest.FileEntry> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String relative = dir.relativize(file).toString().replace('\\', '/');
                if (relative.equals(MANIFEST) || relative.endsWith(".tmp")) {
                    continue;
                }
                files.add(new Manifest.FileEntry(relative, Files.size(file), Hashes.sha256(file)));
            }
            Manifest manifest = new Manifest(Manifest.FORMAT, labgraderVersion, rubricId, rubricSha256, created,
                    clock.instant(), host, files);
            AtomicFile.write(dir.resolve(MANIFEST), Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
        } catch (IOException e) {
            throw new EvidenceException(dir.resolve(MANIFEST), 0, "cannot write the manifest: " + e.getMessage());
        }
    }
}
