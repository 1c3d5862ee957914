package io.labgrader.batch;

import io.labgrader.report.StudentReports;
import io.labgrader.rubric.LocalizedText.Language;
import io.labgrader.rubric.Rubric;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Puts the shards of a class together ({@code labgrader grade --shard i/n} in parallel CI jobs, then
 * {@code labgrader merge}): every student's reports into one students/ folder, collusion found across the whole
 * class, and the class reports, as one run over all submissions would have written them. The shards are read side by
 * side, a student at a time, in batch order.
 */
public final class ShardMerge {

    private ShardMerge() {
    }

    /**
     * @param language the language to merge in, or null for the shards' own
     */
    public static BatchResult merge(Rubric rubric, List<Path> shardDirs, Path out, Language language)
            throws BatchGrader.InputException, IOException {
        long started = System.nanoTime();
        if (shardDirs.isEmpty()) {
            throw new BatchGrader.InputException("no shard folders given");
        }
        List<ShardFile.Reader> readers = new ArrayList<>();
        Path work = null;
        try {
            for (Path dir : shardDirs) {
                readers.add(new ShardFile.Reader(dir));
            }
            ShardFile.Header first = readers.get(0).header;
            Language lang = language != null ? language : first.language();
            check(rubric, readers, lang);

            Files.createDirectories(out);
            work = Files.createDirectories(out.resolve(".work-merge-" + ProcessHandle.current().pid()));
            Path spool = work.resolve("students.jsonl");
            Collusion collusion = new Collusion();
            Map<Integer, Submission> everyone = new HashMap<>();
            Instant gradedAt = first.gradedAt();
            for (ShardFile.Reader r : readers) {
                if (r.header.gradedAt() != null && (gradedAt == null || r.header.gradedAt().isBefore(gradedAt))) {
                    gradedAt = r.header.gradedAt();
                }
            }
            Path merged = out.resolve(BatchGrader.STUDENTS);
            int count = 0;
            try (Spool.Writer writer = new Spool.Writer(spool)) {
                for (ShardFile.Reader r; (r = lowest(readers)) != null; count++) {
                    Spool.Entry e = r.take();
                    Submission who = e.student().submission();
                    if (who.index() != count) {
                        throw new BatchGrader.InputException("the shards hold no student number " + (count + 1) + " of "
                                + first.total() + ": a shard's run was interrupted; grade that shard again");
                    }
                    copyReports(r.dir.resolve(BatchGrader.STUDENTS).resolve(who.folder()), merged.resolve(who.folder()));
                    collusion.add(who.index(), e.fingerprints());
                    everyone.put(who.index(), who);
                    writer.append(e.student(), e.fingerprints());
                }
            }
            if (count != first.total()) {
                throw new BatchGrader.InputException("the shards hold " + count + " of " + first.total()
                        + " students: a shard's run was interrupted; grade that shard again");
            }
            OutputFolders.pruneStaleStudents(merged, new ArrayList<>(new TreeMap<>(everyone).values()));
            Map<Integer, List<Flag>> flags = collusion.flags(everyone::get);
            ClassReports.Written written = ClassReports.writeAll(rubric, BatchGrader.withFlags(spool, flags), out, lang,
                    gradedAt, first.ignored(), MoodleOptions.NONE);
            return BatchResult.of(written.stats(), gradedAt, first.total(), first.ignored(), false, written.files(),
                    Duration.ofNanos(System.nanoTime() - started), written.moodle());
        } finally {
            readers.forEach(ShardFile.Reader::close);
            if (work != null) {
                AtomicFiles.deleteQuietly(work);
            }
        }
    }

    /** All shards of one class, graded with this rubric and in one language, each once, none missing. */
    private static void check(Rubric rubric, List<ShardFile.Reader> readers, Language lang) throws BatchGrader.InputException {
        ShardFile.Header first = readers.get(0).header;
        Path firstDir = readers.get(0).dir;
        Map<Integer, Path> byIndex = new TreeMap<>();
        for (ShardFile.Reader r : readers) {
            ShardFile.Header h = r.header;
            if (!rubric.sha256().equals(h.rubricSha256())) {
                throw new BatchGrader.InputException(r.dir + ": graded with another rubric (" + h.rubricId() + ", sha256 "
                        + abbreviate(h.rubricSha256()) + ") than " + rubric.source() + " (sha256 " + abbreviate(rubric.sha256())
                        + "); merge with the rubric the shards were graded with (--rubric)");
            }
            if (h.shard().count() != first.shard().count() || h.total() != first.total()) {
                throw new BatchGrader.InputException(r.dir + ": shard " + h.shard() + " of " + h.total() + " students does not belong with "
                        + firstDir + " (shard " + first.shard() + " of " + first.total() + " students)");
            }
            if (h.language() != lang) {
                throw new BatchGrader.InputException(r.dir + ": graded in " + h.language().name().toLowerCase(Locale.ROOT)
                        + "; merge in the language the shards were graded in (--lang)");
            }
            Path earlier = byIndex.put(h.shard().index(), r.dir);
            if (earlier != null) {
                throw new BatchGrader.InputException("shard " + h.shard() + " given twice: " + earlier + " and " + r.dir);
            }
        }
        List<String> missing = new ArrayList<>();
        for (int i = 1; i <= first.shard().count(); i++) {
            if (!byIndex.containsKey(i)) {
                missing.add(i + "/" + first.shard().count());
            }
        }
        if (!missing.isEmpty()) {
            throw new BatchGrader.InputException("shard " + String.join(", ", missing) + " missing: every shard's output is needed");
        }
    }

    /** The shard whose next student comes first in batch order, or null when all are read. */
    private static ShardFile.Reader lowest(List<ShardFile.Reader> readers) {
        ShardFile.Reader best = null;
        for (ShardFile.Reader r : readers) {
            if (r.peek() != null && (best == null || r.peek().student().submission().index() < best.peek().student().submission().index())) {
                best = r;
            }
        }
        return best;
    }

    private static void copyReports(Path from, Path to) throws IOException, BatchGrader.InputException {
        if (Files.isDirectory(to) && Files.isSameFile(from, to)) {
            return;
        }
        for (String name : StudentReports.fileNames()) {
            Path file = from.resolve(name);
            if (!Files.isRegularFile(file)) {
                throw new BatchGrader.InputException(file + ": missing; grade that shard again");
            }
            AtomicFiles.write(to.resolve(name), o -> Files.copy(file, o));
        }
    }

    private static String abbreviate(String sha) {
        return sha == null ? "?" : sha.substring(0, Math.min(12, sha.length()));
    }
}
