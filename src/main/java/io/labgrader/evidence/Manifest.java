package io.labgrader.evidence;

import java.time.Instant;
import java.util.List;

/**
 * manifest.json of an evidence bundle: who wrote it, for which rubric, on which host, and the hash of every
 * file, so that a bundle changed after capture can be recognised.
 */
public record Manifest(String format, String labgraderVersion, String rubricId, String rubricSha256,
                       Instant created, Instant updated, Host host, List<FileEntry> files) {

    public static final String FORMAT = "labgrader-evidence/1";

    public Manifest {
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** The machine the evidence was captured on; only what grading needs. */
    public record Host(String os, String arch, String dockerVersion, String dockerDaemonId) {
    }

    public record FileEntry(String path, long size, String sha256) {
    }
}
