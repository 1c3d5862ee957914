package io.labgrader.batch;

import io.labgrader.evidence.EvidenceBundle;
import io.labgrader.hashing.Hashes;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.TreeMap;

/**
 * One student's evidence bundle as grading and the flags need it, taken in one pass over its files: the bytes of
 * the manifest and the journal (what the graders read) and the size and SHA-256 of every file (what the manifest
 * check compares). A zipped bundle is read like this without being unpacked ({@link SafeUnzip#readBundle}).
 *
 * @param shown    how reports name the bundle ("alice.zip!/evidence", "bob/evidence")
 * @param manifest manifest.json's bytes, or null when the bundle has none
 * @param journal  journal.jsonl's bytes, or null when the bundle has none
 * @param files    every file by its path in the bundle ("raw/…"), with its size and hash
 * @param raw      the bytes of the engine's raw answers, which the journal is checked against ({@link #isRaw})
 */
record BundleFiles(String shown, byte[] manifest, byte[] journal, Map<String, FileFacts> files, Map<String, byte[]> raw) {

    /** Size and SHA-256 of one file of a bundle. */
    record FileFacts(long size, String sha256) {
    }

    BundleFiles {
        files = Map.copyOf(files);
        raw = Map.copyOf(raw);
    }

    BundleFiles(String shown, byte[] manifest, byte[] journal, Map<String, FileFacts> files) {
        this(shown, manifest, journal, files, Map.of());
    }

    /** Whether the bundle's file at this path is one the graders read, kept in memory. */
    static boolean isRead(String inBundle) {
        return inBundle.equals(EvidenceBundle.MANIFEST) || inBundle.equals(EvidenceBundle.JOURNAL) || isRaw(inBundle);
    }

    /** One of the engine's answers as labgrader saved them (a few KiB each), which the journal is checked against. */
    static boolean isRaw(String inBundle) {
        return RAW_ANSWER.matcher(inBundle).matches();
    }

    private static final java.util.regex.Pattern RAW_ANSWER = java.util.regex.Pattern.compile(
            "raw/[0-9T.Z]+-\\d+-(version\\.json|info\\.json|containers\\.json|container-[0-9a-zA-Z_.-]+\\.json|events\\.jsonl|http-\\d+\\.html)");

    /**
     * Reads a bundle folder that {@link SubmissionPreparer} has checked (size, special files, links out of the
     * submission). Links that stay inside are read through, as the graders would.
     */
    static BundleFiles fromFolder(Path dir, String shown) throws IOException {
        Map<String, FileFacts> files = new TreeMap<>();
        byte[][] read = new byte[2][];
        Map<String, byte[]> raw = new TreeMap<>();
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (!attrs.isRegularFile() && !(attrs.isSymbolicLink() && Files.isRegularFile(file))) {
                    return FileVisitResult.CONTINUE;
                }
                String relative = dir.relativize(file).toString().replace('\\', '/');
                if (isRead(relative)) {
                    byte[] bytes = Files.readAllBytes(file);
                    if (isRaw(relative)) {
                        raw.put(relative, bytes);
                    } else {
                        read[relative.equals(EvidenceBundle.MANIFEST) ? 0 : 1] = bytes;
                    }
                    files.put(relative, new FileFacts(bytes.length, Hashes.sha256(bytes)));
                } else {
                    files.put(relative, new FileFacts(Files.size(file), Hashes.sha256(file)));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return new BundleFiles(shown, read[0], read[1], files, raw);
    }
}
