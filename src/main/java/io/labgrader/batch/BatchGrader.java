package io.labgrader.batch;

import io.labgrader.grading.GradeResult;
import io.labgrader.evidence.RawCaptures;
import io.labgrader.grading.LoadedEvidence;
import io.labgrader.grading.SuiteRunner;
import io.labgrader.report.StudentReports;
import io.labgrader.module.LabModule;
import io.labgrader.module.Labs;
import io.labgrader.rubric.Messages;
import io.labgrader.rubric.LocalizedText.Language;
import io.labgrader.rubric.Rubric;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Grades a folder of submissions: finds the students, grades them in parallel (every grader run goes through the
 * JUnit Platform, see {@link SuiteRunner}), writes each student's reports as soon as the student is done, and at the
 * end the class reports: the Moodle gradebook, the HTML overview and summary.json.
 *
 * <p>Output order is deterministic whatever the number of threads: students are numbered in the order of their
 * names, listeners hear of them in that order, and every class report lists them so. All reports of one run carry
 * one timestamp, {@link BatchResult#gradedAt()}; apart from it a rerun writes the same bytes.
 *
 * <p>Memory does not grow with the class: each student's result goes to a spool file as soon as the students before
 * are done, and the class reports read it back. Nothing is written outside the output folder: the spool and the
 * files unpacked from zips (each grading thread reuses a folder of its own) are in a work folder inside it, removed at
 * the end. {@link #cancel()} (Ctrl-C) lets the students being graded finish; their reports, like every report written
 * before, stay complete, and no class report is written.
 *
 * <p>Helpers hold the parts: {@link StudentSlots} the waits, {@link InBatchOrder} the hand-over in batch order,
 * {@link OutputFolders} the housekeeping, {@link StudentGrades} what one student's grading becomes. The public nested
 * types (Settings, Listener, InputException) are the command's view of a batch and stay here.
 */
public final class BatchGrader {

    public static final String STUDENTS = "students";
    private static final int QUEUE_PER_JOB = 4;

    /**
     * @param input    the submissions folder, or a zip of it (Moodle's "download all submissions")
     * @param out      the output folder
     * @param jobs     how many students are graded at once
     * @param language of every report
     * @param shard    only this shard of the students (CI's parallel jobs), or null for all; see {@link ShardMerge}
     * @param moodle   the Moodle worksheet to fill and gradebook.csv's maximum grade
     */
    public record Settings(Path input, Path out, int jobs, Language language, Limits limits, Clock clock, Shard shard,
                           MoodleOptions moodle) {
        public Settings {
            if (jobs < 1) {
                throw new IllegalArgumentException("jobs must be at least 1");
            }
            moodle = moodle == null ? MoodleOptions.NONE : moodle;
        }

        /** All students or a shard, no Moodle worksheet. */
        public Settings(Path input, Path out, int jobs, Language language, Limits limits, Clock clock, Shard shard) {
            this(input, out, jobs, language, limits, clock, shard, MoodleOptions.NONE);
        }

        /** All students, no shard. */
        public Settings(Path input, Path out, int jobs, Language language, Limits limits, Clock clock) {
            this(input, out, jobs, language, limits, clock, null, MoodleOptions.NONE);
        }
    }

    /** Hears of the batch's progress. Called from grading threads, one call at a time, students in batch order. */
    public interface Listener {
        default void found(int students, List<String> ignored) {
        }

        default void graded(StudentResult student, int done, int total) {
        }
    }

    /** The whole input could not be read (a class zip that is no zip, a folder that cannot be listed). */
    public static final class InputException extends Exception {
        public InputException(String message) {
            super(message, null, false, false);
        }
    }

    private final Rubric rubric;
    /** The rubric's lab, whose module names the machine identifiers in the evidence; the first lab for a rubric of its own. */
    private final LabModule lab;
    private final Settings settings;
    /** Students queued or being graded, and reports being written; the main thread's waits. */
    private final StudentSlots slots = new StudentSlots();
    private volatile Path work;
    /** What unpacking a class zip refused or skipped. */
    private volatile ClassZip.Unpacked unpacked = ClassZip.Unpacked.NONE;
    /** Students whose names differ only in Unicode form or case, by index: known before grading, whole class. */
    private volatile Map<Integer, List<Flag>> sameNames = Map.of();
    /** Near-limit journals are graded one at a time: their observations take several times their size in memory. */
    private final JournalGate journals = new JournalGate(io.labgrader.evidence.EvidenceReader.MAX_JOURNAL_BYTES);
    /** Each grading thread unpacks into a folder of its own, reused from student to student. */
    private final ThreadLocal<Path> threadWork = ThreadLocal.withInitial(
            () -> work.resolve("t" + Thread.currentThread().getId()));

    public BatchGrader(Rubric rubric, Settings settings) {
        this.rubric = rubric;
        this.lab = Labs.byId(rubric.id()).orElseGet(() -> Labs.byId(Labs.DEFAULT_LAB).orElseThrow());
        this.settings = settings;
    }

    public BatchResult run(Listener listener) throws IOException, InputException {
        long started = System.nanoTime();
        Instant gradedAt = settings.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        Clock fixed = Clock.fixed(gradedAt, ZoneOffset.UTC);
        Path out = settings.out().toAbsolutePath().normalize();
        Files.createDirectories(out);
        OutputFolders.removeStaleWork(out);
        work = Files.createDirectories(out.resolve(OutputFolders.WORK_PREFIX + ProcessHandle.current().pid()));
        try {
            Path root = root(out);
            SubmissionFinder.Found found;
            try {
                found = SubmissionFinder.find(root, Set.of(out), settings.language())
                        .withIgnored(unpacked.skipped().stream().map(t -> t.in(settings.language())).toList());
            } catch (IOException e) {
                throw new InputException(settings.input() + ": cannot list the submissions: " + e.getMessage());
            }
            List<Submission> all = found.submissions();
            sameNames = SameNames.flags(all);
            Shard shard = settings.shard();
            List<Submission> submissions = shard == null ? all : all.stream().filter(x -> shard.includes(x.index())).toList();
            listener.found(submissions.size(), found.ignored());
            Collusion collusion = new Collusion();
            Path spool = work.resolve("students.jsonl");
            try (Spool.Writer writer = new Spool.Writer(spool)) {
                gradeAll(submissions, root, out, fixed, collusion, writer, listener);
            }
            if (!slots.enterUnlessCancelled()) {
                ClassStats stats = ClassStats.of(rubric, each -> Spool.read(spool, e -> each.accept(e.student())));
                return BatchResult.of(stats, gradedAt, submissions.size(), found.ignored(), true, List.of(),
                        Duration.ofNanos(System.nanoTime() - started), null);
            }
            try {
                OutputFolders.pruneStaleStudents(out.resolve(STUDENTS), submissions);
                if (shard != null) {
                    // the merge of all shards writes the class reports: collusion needs the whole class
                    Path file = ShardFile.write(out, new ShardFile.Header(rubric.id(), rubric.sha256(), settings.language(),
                            gradedAt, shard, all.size(), found.ignored()), spool);
                    ClassStats stats = ClassStats.of(rubric, each -> Spool.read(spool, e -> each.accept(e.student())));
                    return BatchResult.of(stats, gradedAt, submissions.size(), found.ignored(), false, List.of(file),
                            Duration.ofNanos(System.nanoTime() - started), null);
                }
                Map<Integer, List<Flag>> flags = collusion.flags(i -> all.get(i));
                ClassReports.Written written = ClassReports.writeAll(rubric, withFlags(spool, flags), out,
                        settings.language(), gradedAt, found.ignored(), settings.moodle());
                return BatchResult.of(written.stats(), gradedAt, submissions.size(), found.ignored(), false,
                        written.files(), Duration.ofNanos(System.nanoTime() - started), written.moodle());
            } finally {
                slots.done();
            }
        } finally {
            removeWork();
        }
    }

    /** The students of a spool, with the collusion flags found after they were written. */
    static Spool.Source withFlags(Path spool, Map<Integer, List<Flag>> flags) {
        return each -> Spool.read(spool, e -> each.accept(e.student().withMoreFlags(
                flags.getOrDefault(e.student().submission().index(), List.of()))));
    }

    /** Stops starting further students; those being graded finish. */
    public void cancel() {
        slots.cancel();
    }

    /** Waits until no student is being graded and no report is being written. */
    public boolean awaitQuiet(Duration timeout) throws InterruptedException {
        return slots.awaitQuiet(timeout);
    }

    /** Removes this run's work folder (unpacked zips). */
    public void removeWork() {
        Path w = work;
        if (w != null) {
            AtomicFiles.deleteQuietly(w);
        }
    }

    private Path root(Path out) throws InputException {
        Path input = settings.input();
        if (Files.isDirectory(input)) {
            return input;
        }
        if (Files.isRegularFile(input) && input.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".zip")) {
            Path target = work.resolve("input");
            try {
                unpacked = ClassZip.extract(input, target, settings.limits(), input.getFileName().toString());
            } catch (Rejection r) {
                throw new InputException(r.reason().in(settings.language()));
            }
            return target;
        }
        throw new InputException(input + ": " + (Files.exists(input) ? "neither a folder nor a zip" : "no such folder"));
    }

    /**
     * Grades the students on {@code jobs} threads. Results come back in any order; each is passed on (to the
     * listener, and to the spool with the identifiers of its evidence) as soon as every student before it is done,
     * so the output order is the batch order and at most a few results wait in memory.
     */
    private void gradeAll(List<Submission> submissions, Path root, Path out, Clock clock, Collusion collusion,
                          Spool.Writer spool, Listener listener) throws IOException {
        int total = submissions.size();
        if (total == 0) {
            return;
        }
        SubmissionPreparer preparer = new SubmissionPreparer(root, settings.limits(), unpacked.refused());
        InBatchOrder inOrder = new InBatchOrder(total, spool, listener);
        int jobs = Math.min(settings.jobs(), total);
        int queued = jobs * QUEUE_PER_JOB;
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
            Thread t = new Thread(r, "grade-" + threadNumber.incrementAndGet());
            t.setDaemon(true);   // Ctrl-C ends the JVM once the shutdown hook has let running students finish
            return t;
        });
        try (SuiteRunner runner = new SuiteRunner(rubric, settings.language())) {
            for (int i = 0; i < total; i++) {
                Submission s = submissions.get(i);
                int position = i;
                if (!slots.roomFor(queued)) {
                    break;
                }
                pool.execute(() -> {
                    try {
                        inOrder.arrived(position, gradeOne(s, preparer, runner, collusion, out, clock));
                    } finally {
                        slots.done();
                    }
                });
            }
            pool.shutdown();
            slots.awaitStudents();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel();
        } finally {
            pool.shutdownNow();
        }
        if (inOrder.spoolProblem() != null) {
            throw inOrder.spoolProblem();
        }
    }

    /** A student's result and the machine identifiers of their evidence. */
    record Graded(StudentResult result, Set<String> fingerprints) {
    }

    private Graded gradeOne(Submission s, SubmissionPreparer preparer, SuiteRunner runner, Collusion collusion, Path out,
                            Clock clock) {
        Path studentWork = threadWork.get();
        Path dir = out.resolve(STUDENTS).resolve(s.folder());
        Language language = settings.language();
        String shown = s.source();
        List<Flag> flags = List.of();
        Set<String> fingerprints = Set.of();
        GradeResult result;
        JournalGate.Held held = null;
        try {
            BundleFiles bundle = preparer.prepare(s, studentWork);
            shown = bundle.shown();
            held = journals.enter(bundle.journal() == null ? 0 : bundle.journal().length);
            // read once: the flags and the graders look at the same observations
            LoadedEvidence evidence = LoadedEvidence.of(shown, bundle.manifest(), bundle.journal(), RawCaptures.of(bundle.raw()));
            EvidenceScan.Scan scan = EvidenceScan.of(bundle, evidence, lab);
            flags = scan.flags();
            if (scan.readable()) {
                collusion.add(s.index(), scan.fingerprints());
                fingerprints = scan.fingerprints();
            }
            result = StudentGrades.normalise(runner.grade(evidence, clock), clock.instant());
        } catch (Rejection r) {
            result = StudentGrades.rejected(rubric, r.reason(), shown, clock.instant());
        } catch (RuntimeException | OutOfMemoryError e) {   // what the failed student held is garbage now
            result = StudentGrades.rejected(rubric, StudentGrades.fault(e), shown, clock.instant());
        } finally {
            if (held != null) {
                held.close();
            }
        }
        List<Flag> named = sameNames.getOrDefault(s.index(), List.of());
        if (!named.isEmpty()) {
            flags = new ArrayList<>(flags);
            flags.addAll(named);
        }
        try {
            StudentReports.writeAll(result, dir, language);
        } catch (IOException | RuntimeException e) {
            return new Graded(new StudentResult(s, false, 0, result.maxScore(), List.of(), List.of(),
                    Messages.CORE.get(language, "batch.reportsUnwritable", dir, e.getMessage()),
                    flags, "", shown), fingerprints);
        }
        return new Graded(StudentGrades.summary(s, result, flags, shown, language), fingerprints);
    }
}
