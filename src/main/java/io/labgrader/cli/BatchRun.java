package io.labgrader.cli;

import io.labgrader.batch.BatchGrader;
import io.labgrader.batch.BatchResult;
import io.labgrader.batch.Flag;
import io.labgrader.batch.Limits;
import io.labgrader.batch.MoodleOptions;
import io.labgrader.batch.MoodleSummary;
import io.labgrader.batch.Shard;
import io.labgrader.batch.StudentResult;
import io.labgrader.report.ConsoleEncoding;
import io.labgrader.report.SafeText;
import io.labgrader.rubric.LocalizedText.Language;
import io.labgrader.rubric.Rubric;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code labgrader grade <submissions>}: runs the batch, shows progress (a progress bar on a terminal, one line per
 * student otherwise, in batch order), prints the summary and chooses the exit code. Ctrl-C lets the students being
 * graded finish, removes the work folder and leaves every finished report in place.
 */
final class BatchRun {

    /** Exit code after Ctrl-C, as shells report a SIGINT. */
    static final int INTERRUPTED = 130;

    private BatchRun() {
    }

    static int run(Rubric rubric, Path input, Path out, int jobs, Limits limits, Shard shard, MoodleOptions moodle,
                   CommonOptions options, Clock clock, PrintStream stdout, PrintStream stderr) {
        Language language = options.language();
        boolean de = language == Language.DE;
        BatchGrader grader = new BatchGrader(rubric, new BatchGrader.Settings(input, out, jobs, language, limits, clock, shard,
                moodle));
        Progress progress = System.console() != null ? new Bar(language, options.colour()) : new Lines(language, stdout);
        Thread onInterrupt = new Thread(() -> interrupted(grader, progress, out, language, stderr), "labgrader-interrupt");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        BatchResult result;
        try {
            result = grader.run(progress);
        } catch (BatchGrader.InputException e) {
            progress.close();
            stderr.println("labgrader: " + e.getMessage());
            return ExitCodes.NOTHING_GRADABLE;
        } catch (IOException e) {
            progress.close();
            stderr.println((de ? "labgrader: kann nicht in " : "labgrader: cannot write to ") + out + ": " + e.getMessage());
            return ExitCodes.NOTHING_GRADABLE;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C came in: the hook finishes the run
            }
        }
        progress.close();
        if (result.interrupted()) {
            return INTERRUPTED;
        }
        printSummary(result, out, input, shard, language, stdout);
        return exitCode(result, options.failUnder, language, stdout);
    }

    /** 3 when no student could be graded, 1 when one is below --fail-under, else 0. */
    static int exitCode(BatchResult result, Integer failUnder, Language language, PrintStream stdout) {
        boolean de = language == Language.DE;
        if (result.graded() == 0) {
            return ExitCodes.NOTHING_GRADABLE;
        }
        if (failUnder != null) {
            int below = result.below(failUnder);
            if (below > 0) {
                stdout.println(de ? below + " unter " + failUnder + " Punkten (--fail-under)."
                        : below + " below " + failUnder + " points (--fail-under).");
                return ExitCodes.BELOW_THRESHOLD;
            }
        }
        return ExitCodes.GRADED;
    }

    /** Ctrl-C: let the students being graded finish, clean up, say what is there. */
    private static void interrupted(BatchGrader grader, Progress progress, Path out, Language language, PrintStream err) {
        grader.cancel();
        try {
            grader.awaitQuiet(Duration.ofSeconds(20));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        grader.removeWork();
        progress.close();
        int done = progress.done();
        err.println(language == Language.DE
                ? "labgrader: abgebrochen. " + done + " von " + progress.total() + " bewertet; ihre Berichte in "
                + out.resolve(BatchGrader.STUDENTS) + " sind vollständig. Keine Klassenberichte geschrieben; zum Abschluss erneut aufrufen."
                : "labgrader: interrupted. " + done + " of " + progress.total() + " graded; their reports in "
                + out.resolve(BatchGrader.STUDENTS) + " are complete. No class reports written; run again to finish.");
        err.flush();
    }

    static void printSummary(BatchResult result, Path out, Path input, Shard shard, Language language, PrintStream stdout) {
        boolean de = language == Language.DE;
        String seconds = String.format(Locale.ROOT, "%.1f", result.elapsed().toMillis() / 1000.0);
        if (shard != null) {
            stdout.print(de ? "Teil " + shard + ": " : "Shard " + shard + ": ");
        }
        if (result.total() == 0) {
            stdout.println(de ? "Keine Abgaben in " + input + " gefunden." : "No submissions found in " + input + ".");
        } else {
            stdout.println(de
                    ? result.graded() + " von " + result.total() + " bewertet in " + seconds.replace('.', ',') + " s; "
                    + (result.notGradable() == 0 ? "alle bewertbar." : result.notGradable() + " nicht bewertbar:")
                    : "Graded " + result.graded() + " of " + result.total() + " in " + seconds + " s; "
                    + (result.notGradable() == 0 ? "all could be graded." : result.notGradable() + " could not be graded:"));
        }
        for (BatchResult.Problem p : result.problems()) {
            stdout.println("  ! " + SafeText.oneLine(p.student()) + ": " + SafeText.oneLine(p.reason()));
        }
        if (result.notGradable() > result.problems().size()) {
            stdout.println(de ? "  … und " + (result.notGradable() - result.problems().size()) + " weitere (siehe overview.html)"
                    : "  … and " + (result.notGradable() - result.problems().size()) + " more (see overview.html)");
        }
        if (result.flagged() > 0) {
            StringBuilder list = new StringBuilder();
            new java.util.TreeMap<>(result.flags()).forEach((k, n) ->
                    list.append(list.length() == 0 ? "" : ", ").append(k.label(language)).append(' ').append(n));
            stdout.println(de ? "Markiert: " + result.flagged() + " (" + list + "); Markierungen ändern keine Punkte."
                    : "Flagged: " + result.flagged() + " (" + list + "); flags never change a score.");
        }
        if (result.graded() > 0) {
            String mean = result.mean().setScale(1, java.math.RoundingMode.HALF_UP).toPlainString();
            stdout.println((de ? "Mittelwert " + mean.replace('.', ',') : "Mean " + mean) + " / " + result.maxScore());
        }
        if (!result.ignored().isEmpty()) {
            stdout.println((de ? "Ignoriert: " : "Ignored: ") + String.join("; ", result.ignored()));
        }
        printMoodle(result.moodle(), out, language, stdout);
        if (shard != null) {
            stdout.println(de ? "Berichte der Studierenden: " + out.resolve(BatchGrader.STUDENTS)
                    + "/; die Klassenberichte schreibt \"labgrader merge\" aus allen Teilen."
                    : "Students' reports: " + out.resolve(BatchGrader.STUDENTS)
                    + "/; \"labgrader merge\" writes the class reports from all shards.");
        } else if (!result.classReports().isEmpty()) {
            stdout.println((de ? "Berichte: " : "Reports: ") + out.resolve("overview.html") + ", " + out.resolve("gradebook.csv")
                    + ", " + out.resolve(BatchGrader.STUDENTS) + "/");
        }
    }

    /** What Moodle receives, and every submission it receives no grade for, with the reason. */
    static void printMoodle(MoodleSummary moodle, Path out, Language language, PrintStream stdout) {
        if (moodle == null) {
            return;
        }
        boolean de = language == Language.DE;
        if (moodle.hasWorksheet()) {
            stdout.println(de ? "Moodle-Bewertungstabelle: " + moodle.filled() + " von " + moodle.rows() + " Zeilen ausgefüllt in "
                    + out.resolve(moodle.worksheet()) + (moodle.importFile() == null ? "" : ", dazu " + out.resolve(moodle.importFile()))
                    : "Moodle worksheet: " + moodle.filled() + " of " + moodle.rows() + " rows filled in " + out.resolve(moodle.worksheet())
                    + (moodle.importFile() == null ? "" : ", and " + out.resolve(moodle.importFile())));
        } else if (!moodle.problems().isEmpty()) {
            stdout.println(de ? "gradebook.csv: " + moodle.problems().size() + " Abgaben kann Moodle nicht zuordnen (keine Teilnehmer-ID):"
                    : "gradebook.csv: " + moodle.problems().size() + " submissions Moodle cannot match (no participant id):");
        }
        if (moodle.hasWorksheet() && !moodle.problems().isEmpty()) {
            stdout.println(de ? "Ohne Zeile in der Bewertungstabelle (" + moodle.problems().size() + "):"
                    : "Not in the worksheet (" + moodle.problems().size() + "):");
        }
        for (BatchResult.Problem p : moodle.problems()) {
            stdout.println("  ? " + SafeText.oneLine(p.student()) + ": " + SafeText.oneLine(p.reason()));
        }
        if (!moodle.replaced().isEmpty()) {
            stdout.println(de ? "Ersetzt eine Bewertung, die Moodle schon hatte (" + moodle.replaced().size() + "):"
                    : "Replaces a grade Moodle already had (" + moodle.replaced().size() + "):");
            for (BatchResult.Problem p : moodle.replaced()) {
                stdout.println("  ~ " + SafeText.oneLine(p.student()) + ": " + SafeText.oneLine(p.reason()));
            }
        }
    }

    /** Progress shown while grading; counts what is done for the interrupt message. */
    private abstract static class Progress implements BatchGrader.Listener {
        final AtomicInteger done = new AtomicInteger();
        volatile int total;

        int done() {
            return done.get();
        }

        int total() {
            return total;
        }

        void close() {
        }
    }

    /** One line per student, in batch order, for logs and pipes. */
    private static final class Lines extends Progress {
        private final Language language;
        private final PrintStream out;

        Lines(Language language, PrintStream out) {
            this.language = language;
            this.out = out;
        }

        @Override
        public void found(int students, List<String> ignored) {
            total = students;
        }

        @Override
        public void graded(StudentResult s, int n, int of) {
            done.set(n);
            String width = Integer.toString(Integer.toString(of).length());
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "[%" + width + "d/%d] ", n, of));
            line.append(SafeText.oneLine(s.submission().label())).append(": ");
            if (s.gradable()) {
                line.append(s.score()).append(" / ").append(s.maxScore());
            } else {
                line.append(language == Language.DE ? "nicht bewertbar" : "not gradable");
            }
            s.flags().stream().map(Flag::kind).distinct().forEach(k -> line.append("  [").append(k.label(language)).append(']'));
            out.println(line);
        }
    }

    /** A progress bar on the terminal (stderr), removed when done. */
    private static final class Bar extends Progress {
        /** What the Unicode bar draws with; a Windows console in cp1252 has none of it, so it gets the ASCII bar. */
        private static final String UNICODE_BLOCKS = "█▏▎▍▌▋▊▉";
        private final Language language;
        private final boolean colour;
        private volatile ProgressBar bar;

        Bar(Language language, boolean colour) {
            this.language = language;
            this.colour = colour;
        }

        @Override
        public synchronized void found(int students, List<String> ignored) {
            total = students;
            if (students > 0) {
                bar = new ProgressBarBuilder().setTaskName(language == Language.DE ? "Bewerte" : "Grading")
                        .setInitialMax(students).setUpdateIntervalMillis(100).hideEta()
                        .setStyle(colour && ConsoleEncoding.of(System.err).canShow(UNICODE_BLOCKS)
                                ? ProgressBarStyle.COLORFUL_UNICODE_BLOCK : ProgressBarStyle.ASCII)
                        .clearDisplayOnFinish().build();
            }
        }

        @Override
        public void graded(StudentResult s, int n, int of) {
            done.set(n);
            ProgressBar b = bar;
            if (b != null) {
                b.stepTo(n);
                b.setExtraMessage(SafeText.oneLine(s.submission().label()));
            }
        }

        @Override
        synchronized void close() {
            ProgressBar b = bar;
            bar = null;
            if (b != null) {
                b.close();
            }
        }
    }
}
