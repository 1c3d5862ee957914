package io.labgrader.batch;

import io.labgrader.rubric.Messages;
import io.labgrader.evidence.EvidenceBundle;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;

/**
 * Turns a submission into an evidence folder the graders can read, or rejects it with the reason.
 *
 * <p>The one evidence bundle (the folder holding journal.jsonl) is located, a few levels deep at most: a cloned
 * repository has it in evidence/, a zip often in one folder more, a Moodle folder holds it or a zip of it. Several
 * bundles at the same depth are ambiguous and rejected.
 *
 * <p>A bundle in a folder is read where it is, after checking it: not larger than the limits, no special files, no
 * symbolic link that leads out of the submission. A bundle in a zip is not unpacked: its entries are inflated within
 * the limits and hashed, and only manifest.json and journal.jsonl (what the graders read) are kept, in memory. Only a
 * zip inside a zip is written, to the student's work folder inside the output folder, to be opened in turn.
 */
final class SubmissionPreparer {

    /** How deep below a submission's top the bundle may lie (repo-main/evidence/journal.jsonl is 2). */
    private static final int SEARCH_DEPTH = 5;
    /** How deep below a folder's top a zip may lie to be looked into. */
    private static final int ZIP_DEPTH = 2;


    /** A place that holds journal.jsonl: a folder on disk, or a prefix inside an open zip. */
    private record Candidate(Path dir, ZipFile zip, String prefix, String shown, String zipShown, int depth) {
    }

    private final Path root;
    private final Limits limits;
    /** Submissions refused before they reached the folder (a class zip's rejected students), by source. */
    private final java.util.Map<String, Rejection> refused;

    SubmissionPreparer(Path root, Limits limits) throws IOException {
        this(root, limits, java.util.Map.of());
    }

    SubmissionPreparer(Path root, Limits limits, java.util.Map<String, Rejection> refused) throws IOException {
        this.root = root.toRealPath();
        this.limits = limits;
        this.refused = java.util.Map.copyOf(refused);
    }

    BundleFiles prepare(Submission s, Path work) throws Rejection {
        List<ZipFile> opened = new ArrayList<>();
        try {
            return prepare(s, work, opened);
        } finally {
            for (ZipFile z : opened) {
                try {
                    z.close();
                } catch (IOException e) {
                    // read-only; nothing lost
                }
            }
        }
    }

    private BundleFiles prepare(Submission s, Path work, List<ZipFile> opened) throws Rejection {
        if (!s.duplicates().isEmpty()) {
            List<String> quoted = s.sources().stream().map(x -> "\"" + x + "\"").toList();
            throw Rejection.of(Messages.CORE.text("rejected.severalSubmissions", s.label(), SubmissionRejections.and(quoted)));
        }
        Rejection early = refused.get(s.source());
        if (early != null) {
            throw early;
        }
        Path entry = s.path();
        if (Files.isSymbolicLink(entry)) {
            try {
                if (!entry.toRealPath().startsWith(root)) {
                    throw SubmissionRejections.linkOut(s.source());
                }
            } catch (IOException e) {
                throw Rejection.of(Messages.CORE.text("rejected.isASymbolicLink", s.source()));
            }
        }
        List<Candidate> candidates;
        WalkedFiles walked = null;
        if (Files.isRegularFile(entry)) {
            candidates = fromZip(entry, s.source(), work, 0, true, opened);
            if (candidates.isEmpty()) {
                throw SubmissionRejections.nothingInZip(opened.get(0), s.source(), limits);
            }
        } else {
            Path base;
            try {
                base = entry.toRealPath();
            } catch (IOException e) {
                throw SubmissionRejections.unreadable(s.source(), e);
            }
            walked = new WalkedFiles();
            candidates = fromFolder(base, s.source(), work, walked, opened);
            if (candidates.isEmpty()) {
                throw SubmissionRejections.nothingFound(base, s.source());
            }
        }
        int shallowest = candidates.stream().mapToInt(Candidate::depth).min().orElseThrow();
        List<Candidate> best = candidates.stream().filter(c -> c.depth() == shallowest).toList();
        if (best.size() > 1) {
            String names = best.stream().map(c -> "\"" + c.shown() + "\"").limit(5).collect(Collectors.joining(", "));
            throw Rejection.of(Messages.CORE.text("rejected.holdsSeveralEvidenceFolders", s.source(), names));
        }
        Candidate chosen = best.get(0);
        if (chosen.zip() == null) {
            if (walked == null || !walked.covers(chosen.dir())) {
                BundleFolderCheck.check(chosen.dir(), chosen.shown(), limits);
            } else {
                walked.check(chosen.dir(), chosen.shown(), limits);
            }
            try {
                return BundleFiles.fromFolder(chosen.dir(), chosen.shown());
            } catch (IOException e) {
                throw SubmissionRejections.unreadable(chosen.shown(), e);
            }
        }
        return SafeUnzip.readBundle(chosen.zip(), chosen.prefix(), limits, chosen.zipShown(), chosen.shown());
    }

    /** The bundles inside a zip; one level of zips inside it is looked into too (a zip of a zip). */
    private List<Candidate> fromZip(Path path, String shownZip, Path work, int level, boolean mayNest, List<ZipFile> opened)
            throws Rejection {
        ZipFile zip = SafeUnzip.open(path, limits, shownZip);
        opened.add(zip);
        SafeUnzip.Listing listing = SafeUnzip.list(zip, limits, shownZip);
        List<Candidate> found = new ArrayList<>();
        for (String prefix : listing.bundles()) {
            String inside = prefix.isEmpty() ? "" : "/" + prefix.substring(0, prefix.length() - 1);
            found.add(new Candidate(null, zip, prefix, shownZip + "!" + inside, shownZip, level * 100 + segments(prefix)));
        }
        if (found.isEmpty() && mayNest) {
            int i = 0;
            for (String inner : listing.zips()) {
                if (segments(inner) > ZIP_DEPTH) {
                    continue;
                }
                Path copy = work.resolve("inner-" + (++i) + ".zip");
                SafeUnzip.extractEntry(zip, inner, copy, limits, shownZip);
                found.addAll(fromZip(copy, shownZip + "!/" + inner, work, level + 1, false, opened));
            }
        }
        return found;
    }


    /** The bundles in a folder: folders holding journal.jsonl, else the bundles in the zips it holds. */
    private List<Candidate> fromFolder(Path base, String shownBase, Path work, WalkedFiles walked, List<ZipFile> opened)
            throws Rejection {
        List<Path> journalDirs = new ArrayList<>();
        List<Path> zips = new ArrayList<>();
        List<String> linksOut = new ArrayList<>();
        int[] visited = {0};
        try {
            Files.walkFileTree(base, EnumSet.noneOf(java.nio.file.FileVisitOption.class), SEARCH_DEPTH, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    if (!dir.equals(base) && (name.startsWith(".") || name.equals("__MACOSX") || name.equals("node_modules"))) {
                        walked.unseen.add(dir);
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    walked.add(dir, attrs);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (++visited[0] > limits.maxEntries()) {
                        throw new BundleFolderCheck.Stop("too many");
                    }
                    if (attrs.isDirectory()) {
                        walked.unseen.add(file);   // a folder at the depth limit: not looked into
                    } else {
                        walked.add(file, attrs);
                    }
                    String name = file.getFileName().toString();
                    if (attrs.isSymbolicLink() && !BundleFolderCheck.insideAfterLink(file, base)) {
                        linksOut.add(base.relativize(file).toString().replace('\\', '/'));
                    }
                    if (name.equals(EvidenceBundle.JOURNAL)) {
                        journalDirs.add(file.getParent());
                    } else if (attrs.isRegularFile() && name.toLowerCase(Locale.ROOT).endsWith(".zip")
                            && base.relativize(file).getNameCount() <= ZIP_DEPTH) {
                        zips.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    walked.unseen.add(file);
                    return FileVisitResult.CONTINUE;   // unreadable corners do not matter unless they hold the bundle
                }
            });
        } catch (BundleFolderCheck.Stop e) {
            throw SubmissionRejections.tooManyFiles(shownBase, limits);
        } catch (IOException e) {
            throw SubmissionRejections.unreadable(shownBase, e);
        }
        List<Candidate> found = new ArrayList<>();
        for (Path dir : journalDirs) {
            Path relative = base.relativize(dir);
            boolean top = relative.toString().isEmpty();
            String shown = top ? shownBase : shownBase + "/" + relative.toString().replace('\\', '/');
            found.add(new Candidate(dir, null, "", shown, null, top ? 0 : relative.getNameCount()));
        }
        if (found.isEmpty() && !linksOut.isEmpty()) {
            throw SubmissionRejections.linkOut(shownBase + "/" + linksOut.get(0));
        }
        if (found.isEmpty()) {
            zips.sort(Comparator.naturalOrder());
            for (Path zip : zips) {
                String shownZip = shownBase + "/" + base.relativize(zip).toString().replace('\\', '/');
                found.addAll(fromZip(zip, shownZip, work, 1, true, opened));
            }
        }
        return found;
    }

    private static int segments(String relative) {
        int n = 0;
        for (String part : relative.split("/")) {
            n += part.isEmpty() ? 0 : 1;
        }
        return n;
    }
}
