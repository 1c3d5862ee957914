package io.labgrader.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads an evidence bundle strictly: a corrupt line is named, never skipped silently. */
public final class EvidenceReader {

    /** A lab's journal is kilobytes to a few megabytes; far beyond that is not evidence of this lab. */
    static final long MAX_JOURNAL_BYTES = 64L * 1024 * 1024;
    static final long MAX_MANIFEST_BYTES = 4L * 1024 * 1024;
    static final int MAX_LINE_CHARS = 4 * 1024 * 1024;

    private EvidenceReader() {
    }

    public static Evidence read(Path dir) throws EvidenceException {
        if (!Files.isDirectory(dir)) {
            throw new EvidenceException(dir, 0, Files.exists(dir) ? "not a folder" : "no such folder");
        }
        Path manifestFile = dir.resolve(EvidenceBundle.MANIFEST);
        Manifest manifest = Files.exists(manifestFile) ? readManifest(manifestFile) : null;
        Path journal = dir.resolve(EvidenceBundle.JOURNAL);
        if (!Files.exists(journal)) {
            throw new EvidenceException(journal, 0, "no journal: this folder holds no labgrader evidence (run 'labgrader check' first)");
        }
        return new Evidence(dir, manifest, readJournal(journal));
    }

    static Manifest readManifest(Path file) throws EvidenceException {
        try {
            if (Files.size(file) > MAX_MANIFEST_BYTES) {
                throw new EvidenceException(file, 0, "larger than " + MAX_MANIFEST_BYTES + " bytes");
            }
            Manifest manifest = Json.mapper().readValue(Files.readAllBytes(file), Manifest.class);
            if (manifest == null) {
                throw new EvidenceException(file, 0, "empty manifest");
            }
            return manifest;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() != null ? e.getLocation().getLineNr() : 0;
            throw new EvidenceException(file, line, "not a valid manifest: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new EvidenceException(file, 0, "cannot read: " + e.getMessage());
        }
    }

    static List<Observation> readJournal(Path file) throws EvidenceException {
        List<Observation> observations = new ArrayList<>();
        try {
            if (Files.size(file) > MAX_JOURNAL_BYTES) {
                throw new EvidenceException(file, 0, "larger than " + MAX_JOURNAL_BYTES / (1024 * 1024) + " MiB");
            }
            var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
            try (BufferedReader reader = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file), decoder))) {
                int lineNumber = 0;
                String line;
                while ((line = reader.readLine()) != null) {
                    lineNumber++;
                    if (line.isBlank()) {
                        continue;
                    }
                    if (line.length() > MAX_LINE_CHARS) {
                        throw new EvidenceException(file, lineNumber, "line longer than " + MAX_LINE_CHARS + " characters");
                    }
                    observations.add(parseLine(file, lineNumber, line));
                }
            }
        } catch (NoSuchFileException e) {
            throw new EvidenceException(file, 0, "missing");
        } catch (CharacterCodingException e) {
            throw new EvidenceException(file, 0, "not UTF-8 text");
        } catch (IOException e) {
            throw new EvidenceException(file, 0, "cannot read: " + e.getMessage());
        }
        return observations;
    }

    private static Observation parseLine(Path file, int lineNumber, String line) throws EvidenceException {
        try {
            Observation observation = Json.mapper().readValue(line, Observation.class);
            if (observation == null || observation.at() == null) {
                throw new EvidenceException(file, lineNumber, "an observation without a time");
            }
            return observation;
        } catch (InvalidTypeIdException e) {
            throw new EvidenceException(file, lineNumber, "unknown observation type '" + e.getTypeId()
                    + "' (written by a newer labgrader?)");
        } catch (JsonProcessingException e) {
            throw new EvidenceException(file, lineNumber, "not a valid observation: " + e.getOriginalMessage());
        }
    }
}
