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
import io.labgrader.report.ReportText;
import io.labgrader.report.SafeText;
import io.labgrader.rubric.LocalizedText.Language;
import io.labgrader.rubric.Messages;
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
        BatchGrader grader = new BatchGrader(rubric, new BatchGrader.Settings(input, out, jobs, language, limits, clock, shard,
                moodle));
        Progress progress = Terminal.attached() ? new Bar(language, options.colour()) : new Lines(language, stdout);
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
            stderr.println((Messages.CORE.get(language, "cli.labgraderCannotWriteTo")) + out + ": " + e.getMessage());
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
        if (result.graded() == 0) {
            return ExitCodes.NOTHING_GRADABLE;
        }
        if (failUnder != null) {
            int below = result.below(failUnder);
            if (below > 0) {
                stdout.println(t(language, "cli.batch.below", below, failUnder));
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
        err.println(t(language, "cli.batch.interrupted", done, progress.total(), out.resolve(BatchGrader.STUDENTS)));
        err.flush();
    }

    static void printSummary(BatchResult result, Path out, Path input, Shard shard, Language language, PrintStream stdout) {
        String seconds = ReportText.number(new java.math.BigDecimal(String.format(Locale.ROOT, "%.1f", result.elapsed().toMillis() / 1000.0)), language);
        if (shard != null) {
            stdout.print(t(language, "cli.batch.shard", shard));
        }
        if (result.total() == 0) {
            stdout.println(t(language, "cli.batch.noSubmissions", input));
        } else {
            stdout.println(result.notGradable() == 0 ? t(language, "cli.batch.gradedAll", result.graded(), result.total(), seconds)
                    : t(language, "cli.batch.gradedSome", result.graded(), result.total(), seconds, result.notGradable()));
        }
        for (BatchResult.Problem p : result.problems()) {
            stdout.println("  ! " + SafeText.oneLine(p.student()) + ": " + SafeText.oneLine(p.reason()));
        }
        if (result.notGradable() > result.problems().size()) {
            stdout.println(t(language, "cli.batch.moreProblems", result.notGradable() - result.problems().size()));
        }
        if (result.flagged() > 0) {
            StringBuilder list = new StringBuilder();
            new java.util.TreeMap<>(result.flags()).forEach((k, n) ->
                    list.append(list.length() == 0 ? "" : ", ").append(k.label(language)).append(' ').append(n));
            stdout.println(t(language, "cli.batch.flagged", result.flagged(), list));
        }
        if (result.graded() > 0) {
            String mean = result.mean().setScale(1, java.math.RoundingMode.HALF_UP).toPlainString();
            stdout.println(t(language, "cli.batch.mean", ReportText.number(new java.math.BigDecimal(mean), language), result.maxScore()));
        }
        if (!result.ignored().isEmpty()) {
            stdout.println((Messages.CORE.get(language, "cli.ignored")) + String.join("; ", result.ignored()));
        }
        printMoodle(result.moodle(), out, language, stdout);
        if (shard != null) {
            stdout.println(t(language, "cli.batch.shardReports", out.resolve(BatchGrader.STUDENTS)));
        } else if (!result.classReports().isEmpty()) {
            stdout.println((Messages.CORE.get(language, "cli.reports")) + out.resolve("overview.html") + ", " + out.resolve("gradebook.csv")
                    + ", " + out.resolve(BatchGrader.STUDENTS) + "/");
        }
    }

    /** What Moodle receives, and every submission it receives no grade for, with the reason. */
    static void printMoodle(MoodleSummary moodle, Path out, Language language, PrintStream stdout) {
        if (moodle == null) {
            return;
        }
        if (moodle.hasWorksheet()) {
            stdout.println(moodle.importFile() == null
                    ? t(language, "cli.moodle.worksheet", moodle.filled(), moodle.rows(), out.resolve(moodle.worksheet()))
                    : t(language, "cli.moodle.worksheetAndImport", moodle.filled(), moodle.rows(), out.resolve(moodle.worksheet()),
                    out.resolve(moodle.importFile())));
        } else if (!moodle.problems().isEmpty()) {
            stdout.println(t(language, "cli.moodle.unmatchable", moodle.problems().size()));
        }
        if (moodle.hasWorksheet() && !moodle.problems().isEmpty()) {
            stdout.println(t(language, "cli.moodle.notInWorksheet", moodle.problems().size()));
        }
        for (BatchResult.Problem p : moodle.problems()) {
            stdout.println("  ? " + SafeText.oneLine(p.student()) + ": " + SafeText.oneLine(p.reason()));
        }
        if (!moodle.replaced().isEmpty()) {
            stdout.println(t(language, "cli.moodle.replaced", moodle.replaced().size()));
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
                line.append(Messages.CORE.get(language, "overview.notGradable2"));
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
                bar = new ProgressBarBuilder().setTaskName(Messages.CORE.get(language, "cli.grading"))
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

    private static String t(Language language, String key, Object... args) {
        return Messages.CORE.get(language, key, args);
    }
}
