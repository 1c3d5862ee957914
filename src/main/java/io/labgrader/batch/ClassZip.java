package io.labgrader.batch;

import io.labgrader.rubric.Messages;
import io.labgrader.rubric.LocalizedText;

import java.io.IOException;
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
import java.util.zip.ZipFile;

/**
 * Unpacks a class's zip (Moodle's "download all submissions") student by student. Its entries are grouped by their
 * first path segment, the student's folder ("Erika Muster_123456_assignsubmission_file_/…") or file
 * ("Erika Muster_123456_assignsubmission_file_lab.zip"). A dangerous name ("../", absolute, a NUL), a zip bomb's
 * ratio, a name given twice, or more bytes or entries than one submission may hold rejects that student's group only:
 * nothing of it is unpacked, an empty placeholder of the same name is left for {@link SubmissionFinder} to find, and
 * the reason is kept here, in memory, for {@link SubmissionPreparer} to give that student (a marker file in the folder
 * could be forged by a student). A dangerous name outside every student's folder ("../x", "/etc/x") is skipped and
 * listed with its reason.
 *
 * <p>What stays whole-zip, because it protects the machine rather than one student's grade: a class zip that cannot
 * be read, whose file is larger than the class limit ({@link Limits#forClass()}), holds more entries than that limit,
 * or declares or unpacks to more bytes in total. These refuse the whole input before or while unpacking; the work
 * folder it was unpacked to is removed at the end of the run.
 */
final class ClassZip {

    /**
     * @param refused the reason each rejected student's group was not unpacked, by its top-level name (the
     *                submission's source)
     * @param skipped entries that belong to no student and were not unpacked, each with its reason
     */
    record Unpacked(Map<String, Rejection> refused, List<LocalizedText> skipped) {
        Unpacked {
            refused = Map.copyOf(refused);
            skipped = List.copyOf(skipped);
        }

        /** A submissions folder, not a zip: nothing refused, nothing skipped. */
        static final Unpacked NONE = new Unpacked(Map.of(), List.of());
    }

    /** One student's entries: what they declare and, once refused, why. */
    private static final class Group {
        boolean folder;
        boolean file;
        int entries;
        long declared;
        long unpacked;
        final Set<String> names = new HashSet<>();
        Rejection refused;

        void refuse(Rejection why) {
            if (refused == null) {
                refused = why;
            }
        }
    }

    private ClassZip() {
    }

    /**
     * @param student the limits of one submission; the whole zip gets {@link Limits#forClass()} of them
     * @param shownAs the class zip's name in messages
     */
    static Unpacked extract(Path zip, Path target, Limits student, String shownAs) throws Rejection {
        Limits whole = student.forClass();
        try (ZipFile file = SafeUnzip.open(zip, whole, shownAs)) {
            if (file.size() > whole.maxEntries()) {
                throw SafeUnzip.tooMany(shownAs, file.size(), whole);
            }
            Map<String, Group> groups = new LinkedHashMap<>();
            Map<String, LocalizedText> skipped = new LinkedHashMap<>();
            long declared = 0;
            for (ZipEntry entry : entries(file)) {
                declared += Math.max(0, entry.getSize());
                if (declared > whole.maxBytes()) {
                    throw SafeUnzip.tooLarge(shownAs, whole);
                }
                sort(entry, groups, skipped, student);
            }
            Files.createDirectories(target);
            long total = 0;
            for (ZipEntry entry : entries(file)) {
                String relative = relative(entry.getName());
                Group g = relative == null ? null : groups.get(first(relative));
                if (g == null || g.refused != null || SafeUnzip.isJunk(relative)) {
                    continue;
                }
                String name = first(relative);
                try {
                    total += unpack(file, entry, relative, target, g, student, name);
                } catch (Rejection r) {
                    g.refuse(r);
                    AtomicFiles.deleteTree(target.resolve(name));
                } catch (IOException e) {
                    g.refuse(SafeUnzip.unreadable(name, e));
                    AtomicFiles.deleteTree(target.resolve(name));
                }
                if (total > whole.maxBytes()) {   // overshoots by one student's limit at most: each group is within it
                    throw SafeUnzip.tooLarge(shownAs, whole);
                }
            }
            Map<String, Rejection> refused = new LinkedHashMap<>();
            for (Map.Entry<String, Group> e : groups.entrySet()) {
                if (e.getValue().refused != null) {
                    placeholder(target.resolve(e.getKey()), e.getValue());
                    refused.put(e.getKey(), e.getValue().refused);
                }
            }
            return new Unpacked(refused, new ArrayList<>(skipped.values()));
        } catch (IOException e) {
            throw SafeUnzip.unreadable(shownAs, e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw SafeUnzip.unreadable(shownAs, e);   // a name that cannot be decoded
        }
    }

    /** Puts the entry in its student's group, refusing the group for a dangerous name, or skips it with the reason. */
    private static void sort(ZipEntry entry, Map<String, Group> groups, Map<String, LocalizedText> skipped, Limits student) {
        String raw = entry.getName();
        String owner = owner(raw);
        if (owner == null) {
            if (!relativeOrEmpty(raw)) {
                skipped.put(raw, Messages.CORE.text("classzip.liesOutsideEverySubmission", raw));
            }
            return;
        }
        if (owner.equals("__MACOSX") || owner.equals(".DS_Store")) {
            skipped.putIfAbsent(owner, Messages.CORE.text("classzip.macosMetadataNotA", owner));
            return;
        }
        Group g = groups.computeIfAbsent(owner, k -> new Group());
        String relative;
        try {
            relative = SafeUnzip.checkedName(raw, owner);
        } catch (Rejection r) {
            g.refuse(r);
            return;
        }
        if (!relative.equals(owner) || entry.isDirectory()) {
            g.folder = true;
        } else {
            g.file = true;
        }
        if (g.folder && g.file) {
            g.refuse(SafeUnzip.twice(owner, owner));
        }
        if (!entry.isDirectory() && !g.names.add(relative.toLowerCase(Locale.ROOT))) {
            g.refuse(SafeUnzip.twice(owner, raw));
        }
        g.declared += Math.max(0, entry.getSize());
        if (g.declared > student.maxBytes()) {
            g.refuse(SafeUnzip.tooLarge(owner, student));
        }
        if (++g.entries > student.maxEntries()) {
            g.refuse(SafeUnzip.tooMany(owner, g.entries, student));
        }
    }

    /** Writes one entry of a student's group, within that student's limits; returns the bytes written. */
    private static long unpack(ZipFile file, ZipEntry entry, String relative, Path target, Group g, Limits student, String name)
            throws IOException, Rejection {
        Path out = target.resolve(relative).normalize();
        if (!out.startsWith(target.resolve(name))) {   // checkedName already made sure; a second lock on the same door
            throw SafeUnzip.unreadable(name, new IOException(entry.getName() + " leads out"));
        }
        if (entry.isDirectory()) {
            Files.createDirectories(out);
            return 0;
        }
        Files.createDirectories(out.getParent());
        long size = ZipInflater.inflate(file, entry, out, false, student, student.maxBytes() - g.unpacked, name).size();
        g.unpacked += size;
        return size;
    }

    /** An empty folder or file where a refused student's submission was, so the student is listed with the reason. */
    private static void placeholder(Path path, Group g) throws IOException {
        if (g.file && !g.folder) {
            Files.createFile(path);
        } else {
            Files.createDirectories(path);
        }
    }

    /**
     * The student an entry belongs to, read literally: its first segment, when the name is relative and starts with
     * a proper name. Null for "../x", "/x", "C:x" and the zip's own top ("./").
     */
    static String owner(String raw) {
        String n = raw.replace('\\', '/');
        if (n.startsWith("/") || n.matches("^[A-Za-z]:.*")) {
            return null;
        }
        for (String part : n.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            return part.equals("..") || part.indexOf('\0') >= 0 ? null : part;
        }
        return null;
    }

    /** Whether the name is just the zip's top ("./", "/"): nothing to say about it. */
    private static boolean relativeOrEmpty(String raw) {
        return raw.replace('\\', '/').replace(".", "").replace("/", "").isEmpty() && !raw.contains("..");
    }

    /** The checked relative name, or null when it is dangerous or the top. */
    private static String relative(String raw) {
        try {
            String r = SafeUnzip.checkedName(raw, "");
            return r.isEmpty() ? null : r;
        } catch (Rejection e) {
            return null;
        }
    }

    /** The zip's entries, enumerated afresh for each pass rather than all held at once. */
    private static Iterable<ZipEntry> entries(ZipFile file) {
        Enumeration<? extends ZipEntry> e = file.entries();
        return () -> new java.util.Iterator<>() {
            @Override
            public boolean hasNext() {
                return e.hasMoreElements();
            }

            @Override
            public ZipEntry next() {
                return e.nextElement();
            }
        };
    }

    private static String first(String relative) {
        int slash = relative.indexOf('/');
        return slash < 0 ? relative : relative.substring(0, slash);
    }
}
