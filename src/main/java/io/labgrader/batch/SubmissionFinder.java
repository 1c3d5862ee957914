package io.labgrader.batch;

import io.labgrader.rubric.Messages;
import io.labgrader.rubric.LocalizedText.Language;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the submissions in a submissions folder. Each entry is one student:
 * <ul>
 *   <li>a folder holding an evidence bundle, or a cloned repository with evidence/ inside;</li>
 *   <li>a zip of either;</li>
 *   <li>Moodle's "download all submissions": a folder {@code Firstname Lastname_123456_assignsubmission_file_}
 *       holding a zip or the files, or without folders a file {@code Firstname Lastname_123456_assignsubmission_file_x.zip}.</li>
 * </ul>
 * Hidden entries (a name starting with "."), __MACOSX, the output folder, Moodle's other submission types (online
 * text) and loose files that are not zips are ignored; {@link Found#ignored()} names every one with the reason, so that
 * nothing a student handed in vanishes unnoticed. Two entries of the same student are kept together as one
 * submission with {@link Submission#duplicates()}.
 */
public final class SubmissionFinder {

    /** Moodle: "&lt;full name&gt;_&lt;participant id&gt;_assignsubmission_&lt;plugin&gt;_&lt;file&gt;" */
    static final Pattern MOODLE = Pattern.compile("^(?<name>.+)_(?<id>\\d{1,12})_assignsubmission_(?<plugin>[a-z0-9]+)_(?<rest>.*)$",
            Pattern.DOTALL);
    private static final int MAX_FOLDER_NAME = 64;

    private SubmissionFinder() {
    }

    /**
     * @param submissions every submission, in grading order
     * @param ignored     entries that are no submission, with the reason ("README.md: not a folder or zip")
     */
    public record Found(List<Submission> submissions, List<String> ignored) {
        public Found {
            submissions = List.copyOf(submissions);
            ignored = List.copyOf(ignored);
        }

        /** The same submissions, with {@code more} ignored entries listed first (skipped while unpacking a class zip). */
        public Found withIgnored(List<String> more) {
            List<String> all = new ArrayList<>(more);
            all.addAll(ignored);
            return new Found(submissions, all);
        }
    }

    private record Entry(String key, String name, String participantId, String source, Path path) {
    }

    /**
     * @param exclude folders not to treat as submissions, e.g. the output folder when it lies inside the root
     */
    public static Found find(Path root, Set<Path> exclude) throws IOException {
        return find(root, exclude, Language.EN);
    }

    /** {@link #find(Path, Set)}, the reasons for ignored entries in {@code language}. */
    public static Found find(Path root, Set<Path> exclude, Language language) throws IOException {
        Set<Path> excluded = new HashSet<>();
        for (Path p : exclude) {
            excluded.add(p.toAbsolutePath().normalize());
        }
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(root)) {
            dir.forEach(entries::add);
        }
        entries.sort(Comparator.comparing(p -> p.getFileName().toString()));

        Map<String, List<Entry>> byKey = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        for (Path path : entries) {
            String fileName = path.getFileName().toString();
            if (excluded.contains(path.toAbsolutePath().normalize())) {
                ignored.add(fileName + ": " + Messages.CORE.get(language, "finder.thisRunSOutput"));
                continue;
            }
            if (fileName.equals("__MACOSX")) {
                ignored.add(fileName + ": " + Messages.CORE.get(language, "finder.macosMetadataNotA"));
                continue;
            }
            if (fileName.startsWith(".")) {
                ignored.add(fileName + ": " + Messages.CORE.get(language, "finder.hiddenTheNameStarts"));
                continue;
            }
            boolean folder = Files.isDirectory(path);   // a link to a folder counts; the preparer checks where it leads
            boolean zip = !folder && Files.isRegularFile(path) && fileName.toLowerCase(Locale.ROOT).endsWith(".zip");
            Matcher moodle = MOODLE.matcher(fileName);
            Entry entry;
            if (moodle.matches()) {
                if (!moodle.group("plugin").equals("file")) {
                    ignored.add(fileName + ": " + Messages.CORE.get(language, "finder.moodleSubmissionNotFiles", moodle.group("plugin")));
                    continue;
                }
                if (!folder && !zip) {
                    ignored.add(fileName + ": " + notFolderOrZip(path, language));
                    continue;
                }
                String id = moodle.group("id").replaceFirst("^0+(?=\\d)", "");
                entry = new Entry("moodle:" + id, moodle.group("name").strip(), id, fileName, path);
            } else if (folder || zip) {
                String name = zip ? fileName.substring(0, fileName.length() - 4) : fileName;
                entry = new Entry("name:" + name, name, null, fileName, path);
            } else {
                ignored.add(fileName + ": " + notFolderOrZip(path, language));
                continue;
            }
            byKey.computeIfAbsent(entry.key(), k -> new ArrayList<>()).add(entry);
        }

        List<List<Entry>> students = new ArrayList<>(byKey.values());
        students.sort(Comparator.comparing((List<Entry> e) -> sortKey(e.get(0).name()))
                .thenComparing(e -> e.get(0).key()));
        List<Submission> submissions = new ArrayList<>();
        Set<String> folders = new HashSet<>();
        for (List<Entry> same : students) {
            Entry first = same.get(0);
            List<String> duplicates = same.stream().skip(1).map(Entry::source).toList();
            String folder = uniqueFolder(first, folders);
            submissions.add(new Submission(submissions.size(), first.key(), first.name(), first.participantId(),
                    first.source(), first.path(), duplicates, folder));
        }
        return new Found(submissions, ignored);
    }

    private static String notFolderOrZip(Path path, Language language) {
        if (Files.isSymbolicLink(path) && !Files.exists(path)) {
            return Messages.CORE.get(language, "finder.aLinkToNothing");
        }
        return Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) ? Messages.CORE.get(language, "finder.notAFolderOr")
                : Messages.CORE.get(language, "finder.notAFolderZip");
    }

    static String sortKey(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    private static String uniqueFolder(Entry entry, Set<String> taken) {
        String base = safeName(entry.participantId() == null ? entry.name() : entry.name() + "_" + entry.participantId());
        String candidate = base;
        for (int n = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); n++) {   // unique on case-insensitive disks too
            candidate = base + "-" + n;
        }
        return candidate;
    }

    /**
     * A folder name that is safe on every file system and in a URL path: letters and digits of any script, '.', '_'
     * and '-'; everything else becomes '_'. Never empty, never starting with '.', at most 64 characters.
     */
    static String safeName(String name) {
        String nfc = Normalizer.normalize(name, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder();
        nfc.codePoints().forEach(cp -> {
            boolean ok = Character.isLetterOrDigit(cp) || cp == '.' || cp == '-' || cp == '_';
            if (ok) {
                out.appendCodePoint(cp);
            } else if (out.length() == 0 || out.charAt(out.length() - 1) != '_') {
                out.append('_');
            }
        });
        String s = out.toString().replaceAll("^[._]+", "").replaceAll("_+$", "");
        if (s.codePointCount(0, s.length()) > MAX_FOLDER_NAME) {
            s = s.substring(0, s.offsetByCodePoints(0, MAX_FOLDER_NAME));
        }
        return s.isEmpty() ? "student" : s;
    }
}
