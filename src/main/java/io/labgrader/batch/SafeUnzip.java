package io.labgrader.batch;

import io.labgrader.rubric.Messages;
import io.labgrader.evidence.EvidenceBundle;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads zips from students, defensively:
 * <ul>
 *   <li>every entry name is checked before anything is unpacked: an absolute name, a drive letter or a ".." segment
 *       rejects the whole zip, and so does a name given twice (or twice up to case);</li>
 *   <li>the number of entries, the bytes unpacked (counted while inflating, not taken from the headers, and the
 *       headers' own sizes too) and each entry's compression ratio are limited, so a zip bomb is stopped after at most
 *       {@link Limits#maxBytes()};</li>
 *   <li>nothing is created but plain files and folders below the target: symbolic links stored in a zip are never
 *       made, and nothing outside the target is written.</li>
 * </ul>
 * A student's zip is not unpacked as a whole: {@link #list} finds the evidence bundle (the folder holding
 * journal.jsonl), and {@link #readBundle} inflates only that folder's entries, hashing each for the manifest check
 * and keeping only the manifest and the journal, the files the graders read, in memory: nothing is written. Names are read as UTF-8, and as code page
 * 437 (Windows' built-in zip) when they are not valid UTF-8. A class's zip is unpacked by {@link ClassZip}, which uses
 * the same checks but refuses one student's folder at a time.
 */
final class SafeUnzip {

    private static final Charset CP437 = Charset.forName("IBM437");

    private SafeUnzip() {
    }

    /**
     * What a zip holds, its names checked.
     *
     * @param bundles the folders holding journal.jsonl, as prefixes ("" for the top, "evidence/", "repo/evidence/")
     * @param zips    zips inside the zip, by entry name (a zip of a zip)
     */
    record Listing(List<String> bundles, List<String> zips, List<String> names) {
    }

    /** Lists the zip's entries, rejecting it for dangerous names, too many entries or too large declared sizes. */
    static Listing list(Path zip, Limits limits, String shownAs) throws Rejection {
        try (ZipFile file = open(zip, limits, shownAs)) {
            return list(file, limits, shownAs);
        } catch (IOException e) {
            throw unreadable(shownAs, e);
        }
    }

    /** Opens a student's zip after checking its size; the caller closes it. */
    static ZipFile open(Path zip, Limits limits, String shownAs) throws Rejection {
        checkSize(zip, limits, shownAs);
        return open(zip, shownAs);
    }

    /** {@link #list(Path, Limits, String)} of an open zip. */
    static Listing list(ZipFile file, Limits limits, String shownAs) throws Rejection {
        try {
            if (file.size() > limits.maxEntries()) {
                throw tooMany(shownAs, file.size(), limits);
            }
            List<String> bundles = new ArrayList<>();
            List<String> zips = new ArrayList<>();
            List<String> names = new ArrayList<>();
            Set<String> taken = new HashSet<>();
            long declared = 0;
            for (Checked checked : checkedEntries(file, shownAs)) {
                ZipEntry entry = checked.entry();
                String relative = checked.relative();
                if (!entry.isDirectory() && !taken.add(relative.toLowerCase(Locale.ROOT))) {
                    throw twice(shownAs, relative);
                }
                if (entry.getSize() > 0) {
                    declared += entry.getSize();
                    if (declared > limits.maxBytes()) {
                        throw tooLarge(shownAs, limits);
                    }
                }
                if (entry.isDirectory()) {
                    continue;
                }
                names.add(relative);
                String last = relative.substring(relative.lastIndexOf('/') + 1);
                if (last.equals(EvidenceBundle.JOURNAL)) {
                    bundles.add(relative.substring(0, relative.length() - last.length()));
                } else if (last.toLowerCase(Locale.ROOT).endsWith(".zip")) {
                    zips.add(relative);
                }
            }
            return new Listing(List.copyOf(bundles), List.copyOf(zips), List.copyOf(names));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw unreadable(shownAs, e);   // a name that cannot be decoded, or a zip closed under us
        }
    }

    /**
     * Reads the bundle below {@code prefix} without unpacking it: every entry is inflated within the limits and
     * hashed; the manifest, the journal and the engine's raw answers, the files the graders read, are kept in memory.
     */
    static BundleFiles readBundle(ZipFile file, String prefix, Limits limits, String shownAs, String shownBundle)
            throws Rejection {
        Map<String, BundleFiles.FileFacts> facts = new LinkedHashMap<>();
        byte[] manifest = null;
        byte[] journal = null;
        Map<String, byte[]> raw = new LinkedHashMap<>();
        try {
            long total = 0;
            for (Checked checked : checkedEntries(file, shownAs)) {
                ZipEntry entry = checked.entry();
                String relative = checked.relative();
                if (entry.isDirectory() || !relative.startsWith(prefix)) {
                    continue;
                }
                String inBundle = relative.substring(prefix.length());
                if (facts.containsKey(inBundle)) {
                    throw twice(shownAs, entry.getName());
                }
                ZipInflater.Kept kept = BundleFiles.isRead(inBundle) ? new ZipInflater.Kept(ZipInflater.expected(entry, limits)) : null;
                ZipInflater.Inflated inflated = ZipInflater.inflate(file, entry, kept == null ? OutputStream.nullOutputStream() : kept, limits,
                        limits.maxBytes() - total, shownAs);
                total += inflated.size();
                facts.put(inBundle, new BundleFiles.FileFacts(inflated.size(), inflated.sha256()));
                if (kept != null && inBundle.equals(EvidenceBundle.MANIFEST)) {
                    manifest = kept.bytes();
                } else if (kept != null && BundleFiles.isRaw(inBundle)) {
                    raw.put(inBundle, kept.bytes());
                } else if (kept != null) {
                    journal = kept.bytes();
                }
            }
            return new BundleFiles(shownBundle, manifest, journal, facts, raw);
        } catch (IOException e) {
            throw unreadable(shownAs, e);
        }
    }

    /** Inflates one entry (a zip inside the zip) to a file, within the limits. */
    static long extractEntry(ZipFile file, String name, Path out, Limits limits, String shownAs) throws Rejection {
        try {
            for (Checked checked : checkedEntries(file, shownAs)) {
                if (!checked.entry().isDirectory() && checked.relative().equals(name)) {
                    Files.createDirectories(out.getParent());
                    return ZipInflater.inflate(file, checked.entry(), out, true, limits, limits.maxBytes(), shownAs).size();
                }
            }
            throw unreadable(shownAs, new IOException(name + " vanished"));
        } catch (IOException e) {
            throw unreadable(shownAs, e);
        }
    }

    /** A zip entry and its name as {@link #checkedName} gave it: relative, '/'-separated, never leading out. */
    private record Checked(ZipEntry entry, String relative) {
    }

    /**
     * Every entry of the zip with its checked name, in zip order, leaving out the zip's top and junk (__MACOSX,
     * .DS_Store…). The one place names are read: a dangerous name rejects the whole zip whichever reads it.
     */
    private static List<Checked> checkedEntries(ZipFile file, String shownAs) throws Rejection {
        List<Checked> checked = new ArrayList<>();
        Enumeration<? extends ZipEntry> entries = file.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            String relative = checkedName(entry.getName(), shownAs);
            if (!relative.isEmpty() && !isJunk(relative)) {
                checked.add(new Checked(entry, relative));
            }
        }
        return checked;
    }

    private static void checkSize(Path zip, Limits limits, String shownAs) throws Rejection {
        long size;
        try {
            size = Files.size(zip);
        } catch (IOException e) {
            throw Rejection.of(Messages.CORE.text("rejected.cannotBeRead", shownAs, e.getMessage()));
        }
        if (size == 0) {
            throw Rejection.of(Messages.CORE.text("rejected.isEmptyBytesUpload", shownAs));
        }
        if (size > limits.maxBytes()) {
            throw tooLarge(shownAs, limits);
        }
    }

    static ZipFile open(Path zip, String shownAs) throws Rejection {
        try {
            return new ZipFile(zip.toFile(), StandardCharsets.UTF_8);
        } catch (ZipException | IllegalArgumentException utf8Problem) {
            try {
                return new ZipFile(zip.toFile(), CP437);   // names from Windows' "Send to > Compressed folder"
            } catch (IOException | IllegalArgumentException e) {
                throw unreadable(shownAs, utf8Problem);
            }
        } catch (IOException e) {
            throw unreadable(shownAs, e);
        }
    }

    /**
     * The entry's name as a relative path with '/' separators, or a rejection when it is absolute, has a drive letter,
     * or climbs out with "..". Backslashes count as separators (zips made on Windows).
     */
    static String checkedName(String name, String shownAs) throws Rejection {
        if (name.indexOf('\0') >= 0) {
            throw outside(shownAs, name.replace('\0', '?'));
        }
        String n = name.replace('\\', '/');
        if (n.startsWith("/") || n.matches("^[A-Za-z]:.*")) {
            throw Rejection.of(Messages.CORE.text("rejected.holdsTheAbsolutePath", shownAs, name));
        }
        List<String> parts = new ArrayList<>();
        for (String part : n.split("/")) {
            if (part.equals("..")) {
                throw outside(shownAs, name);
            }
            if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
        }
        return String.join("/", parts);
    }

    static boolean isJunk(String relative) {
        return relative.equals("__MACOSX") || relative.startsWith("__MACOSX/") || relative.endsWith(".DS_Store");
    }

    private static Rejection outside(String shownAs, String name) {
        return Rejection.of(Messages.CORE.text("rejected.holdsThePathWhich", shownAs, name));
    }

    static Rejection twice(String shownAs, String name) {
        return Rejection.of(Messages.CORE.text("rejected.holdsTwiceZipThe", shownAs, name));
    }

    static Rejection tooMany(String shownAs, int count, Limits limits) {
        return Rejection.of(Messages.CORE.text("rejected.holdsEntriesMoreThan", shownAs, count, limits.maxEntries()));
    }

    static Rejection tooLarge(String shownAs, Limits limits) {
        return Rejection.of(Messages.CORE.text("rejected.isLargerThanUnpacked", shownAs, Limits.size(limits.maxBytes())));
    }

    static Rejection unreadable(String shownAs, Exception e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return Rejection.of(Messages.CORE.text("rejected.isNotAReadable", shownAs, why));
    }
}
