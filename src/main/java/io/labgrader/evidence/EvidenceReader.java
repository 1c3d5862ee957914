package io.labgrader.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an evidence bundle strictly: a corrupt line is named, never skipped silently. A bundle is read from its
 * folder, or from its two files' bytes when they are already in memory (batch grading reads zipped bundles without
 * unpacking them); both give the same observations and the same messages.
 */
public final class EvidenceReader {

    /** A lab's journal is kilobytes to a few megabytes; far beyond that is not evidence of this lab. */
    public static final long MAX_JOURNAL_BYTES = 64L * 1024 * 1024;
    public static final long MAX_MANIFEST_BYTES = 4L * 1024 * 1024;
    static final int MAX_LINE_CHARS = 4 * 1024 * 1024;

    /** One journal line; {@link JournalTail} reads lines with it too. */
    static final ObjectReader OBSERVATION = Json.mapper().readerFor(Observation.class);
    private static final ObjectReader MANIFEST = Json.mapper().readerFor(Manifest.class);

    private EvidenceReader() {
    }

    public static Evidence read(Path dir) throws EvidenceException {
        if (!Files.isDirectory(dir)) {
            throw new EvidenceException(dir, 0, Files.exists(dir) ? "not a folder" : "no such folder");
        }
        Path manifestFile = dir.resolve(EvidenceBundle.MANIFEST);
        Manifest manifest = Files.exists(manifestFile, LinkOption.NOFOLLOW_LINKS) ? readManifest(dir, manifestFile) : null;
        Path journal = dir.resolve(EvidenceBundle.JOURNAL);
        if (!Files.exists(journal, LinkOption.NOFOLLOW_LINKS)) {
            throw noJournal(journal.toString());
        }
        return new Evidence(dir.toString(), manifest, readJournal(dir, journal), RawCaptures.folder(dir));
    }

    /**
     * A bundle whose files are in memory.
     *
     * @param location how messages name the bundle's folder, e.g. "alice.zip!/evidence"
     * @param manifest manifest.json's bytes, or null when the bundle has none
     * @param journal  journal.jsonl's bytes, or null when the bundle has none
     */
    public static Evidence read(String location, byte[] manifest, byte[] journal) throws EvidenceException {
        return read(location, manifest, journal, RawCaptures.NONE);
    }

    /** A bundle whose files are in memory, with the raw captures that were kept of it. */
    public static Evidence read(String location, byte[] manifest, byte[] journal, RawCaptures raw) throws EvidenceException {
        String journalName = location + "/" + EvidenceBundle.JOURNAL;
        if (journal == null) {
            throw noJournal(journalName);
        }
        Manifest m = manifest == null ? null : parseManifest(location + "/" + EvidenceBundle.MANIFEST, manifest);
        if (journal.length > MAX_JOURNAL_BYTES) {
            throw tooLarge(journalName);
        }
        try {
            return new Evidence(location, m, parseJournal(journalName, new ByteArrayInputStream(journal)), raw);
        } catch (IOException e) {
            throw new EvidenceException(journalName, 0, "cannot read: " + e.getMessage());
        }
    }

    /** The manifest of the bundle in {@code folder}, read through the same guard as the journal. */
    static Manifest readManifest(Path folder, Path file) throws EvidenceException {
        try (InputStream in = GuardedFile.open(folder, file, MAX_MANIFEST_BYTES)) {
            return parseManifest(file.toString(), in.readAllBytes());
        } catch (GuardedFile.TooLarge e) {
            throw e.reason;
        } catch (IOException e) {
            throw new EvidenceException(file, 0, "cannot read: " + e.getMessage());
        }
    }

    /** The manifest in {@code bytes}; {@code where} names it in messages. */
    public static Manifest parseManifest(String where, byte[] bytes) throws EvidenceException {
        if (bytes.length > MAX_MANIFEST_BYTES) {
            throw new EvidenceException(where, 0, "larger than " + MAX_MANIFEST_BYTES + " bytes");
        }
        try {
            Manifest manifest = MANIFEST.readValue(bytes);
            if (manifest == null) {
                throw new EvidenceException(where, 0, "empty manifest");
            }
            return manifest;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() != null ? e.getLocation().getLineNr() : 0;
            throw new EvidenceException(where, line, "not a valid manifest: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new EvidenceException(where, 0, "cannot read: " + e.getMessage());
        }
    }

    static List<Observation> readJournal(Path folder, Path file) throws EvidenceException {
        try (InputStream in = GuardedFile.open(folder, file, MAX_JOURNAL_BYTES)) {
            return parseJournal(file.toString(), in);
        } catch (GuardedFile.TooLarge e) {
            throw e.reason;
        } catch (NoSuchFileException e) {
            throw new EvidenceException(file, 0, "missing");
        } catch (IOException e) {
            throw new EvidenceException(file, 0, "cannot read: " + e.getMessage());
        }
    }

    private static List<Observation> parseJournal(String where, InputStream in) throws EvidenceException, IOException {
        List<Observation> observations = new ArrayList<>();
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder))) {
            int lineNumber = 0;
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                if (line.length() > MAX_LINE_CHARS) {
                    throw new EvidenceException(where, lineNumber, "line longer than " + MAX_LINE_CHARS + " characters");
                }
                observations.add(parseLine(where, lineNumber, line));
            }
        } catch (CharacterCodingException e) {
            throw new EvidenceException(where, 0, "not UTF-8 text");
        }
        return observations;
    }

    private static Observation parseLine(String where, int lineNumber, String line) throws EvidenceException {
        try {
            Observation observation = OBSERVATION.readValue(line);
            if (observation == null || observation.at() == null) {
                throw new EvidenceException(where, lineNumber, "an observation without a time");
            }
            return observation;
        } catch (InvalidTypeIdException e) {
            throw new EvidenceException(where, lineNumber, "unknown observation type '" + e.getTypeId()
                    + "' (written by a newer labgrader?)");
        } catch (JsonProcessingException e) {
            throw new EvidenceException(where, lineNumber, "not a valid observation: " + e.getOriginalMessage());
        }
    }

    private static EvidenceException noJournal(String where) {
        return new EvidenceException(where, 0, "no journal: this folder holds no labgrader evidence (run 'labgrader check' first)");
    }

    private static EvidenceException tooLarge(String where) {
        return GuardedFile.tooLarge(where, MAX_JOURNAL_BYTES);
    }
}
