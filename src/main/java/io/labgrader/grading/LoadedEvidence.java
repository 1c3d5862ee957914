package io.labgrader.grading;

import io.labgrader.evidence.Evidence;
import io.labgrader.evidence.EvidenceException;
import io.labgrader.evidence.EvidenceReader;
import io.labgrader.evidence.RawCaptures;

import java.nio.file.Path;
import java.util.Objects;

/**
 * An evidence bundle as a grading run is handed it: read once, before the run, or the reason it could not be read.
 * The grading suites, the result's VM list and batch grading's flags all look at this one reading instead of each
 * reading the journal again.
 *
 * @param location how the run and its reports name the evidence (a folder, or a place inside a zip)
 * @param evidence the evidence, or null when it could not be read
 * @param problem  why it could not be read, or null
 */
public record LoadedEvidence(String location, Evidence evidence, EvidenceException problem) {

    public LoadedEvidence {
        Objects.requireNonNull(location, "location");
        if ((evidence == null) == (problem == null)) {
            throw new IllegalArgumentException("either evidence or a problem");
        }
    }

    /** Reads the bundle in a folder. */
    public static LoadedEvidence read(Path folder) {
        String location = folder.toAbsolutePath().toString();
        try {
            return new LoadedEvidence(location, EvidenceReader.read(folder), null);
        } catch (EvidenceException e) {
            return new LoadedEvidence(location, null, e);
        }
    }

    /** Reads a bundle whose manifest and journal are in memory; either may be null when the bundle lacks it. */
    public static LoadedEvidence of(String location, byte[] manifest, byte[] journal) {
        return of(location, manifest, journal, RawCaptures.NONE);
    }

    /** Reads a bundle whose manifest, journal and raw captures are in memory. */
    public static LoadedEvidence of(String location, byte[] manifest, byte[] journal, RawCaptures raw) {
        try {
            return new LoadedEvidence(location, EvidenceReader.read(location, manifest, journal, raw), null);
        } catch (EvidenceException e) {
            return new LoadedEvidence(location, null, e);
        }
    }

    public boolean readable() {
        return evidence != null;
    }
}
