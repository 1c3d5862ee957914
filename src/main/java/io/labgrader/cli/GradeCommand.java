package io.labgrader.cli;

import io.labgrader.batch.Limits;
import io.labgrader.batch.MoodleOptions;
import io.labgrader.batch.MoodleWorksheet;
import io.labgrader.batch.Shard;
import io.labgrader.evidence.EvidenceBundle;
import io.labgrader.rubric.Rubric;
import io.labgrader.rubric.RubricException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(addMethodSubcommands = false, name = "grade", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Grade saved evidence offline, without looking at this machine.",
                "",
                "One evidence bundle (a folder holding journal.jsonl): its report goes to --out (default: report).",
                "",
                "A folder of submissions, one per student, or Moodle's \"download all submissions\" zip: every student is"
                        + " graded in parallel, and --out (default: grading) receives students/<name>/ with report.json,"
                        + " report.md, TEST-labgrader.xml and Gradescope's results.json, plus gradebook.csv (Moodle's"
                        + " grading worksheet), overview.html and summary.json for the class.",
                "With --moodle-worksheet, Moodle's own grading worksheet (English or German) is written back to --out"
                        + " filled in, under its own name, ready for \"Upload grading worksheet\".",
                "A student's submission may be a folder holding the evidence, a zip of it, a cloned repository with"
                        + " evidence/ inside, or Moodle's folder \"Firstname Lastname_123456_assignsubmission_file_\"."},
        footer = {"",
                "Without EVIDENCE: ./evidence if it exists, else ./submissions.",
                "Exit codes: 0 graded, 1 a score below --fail-under (batch: any student's), 2 bad rubric or arguments,"
                        + " 3 nothing could be graded, 130 interrupted."})
final class GradeCommand implements Callable<Integer> {

    static final String DEFAULT_BATCH_OUT = "grading";

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions options;

    @Parameters(index = "0", arity = "0..1", paramLabel = "EVIDENCE",
            description = "An evidence folder, or a folder (or zip) of submissions (default: evidence, else submissions).")
    Path input;

    @Option(names = "--jobs", paramLabel = "N",
            description = "Batch: how many students are graded at once (default: the number of cores).")
    Integer jobs;

    @Option(names = "--shard", paramLabel = "I/N",
            description = "Batch: grade only the I-th of N parts of the class (CI's parallel jobs, e.g. $CI_NODE_INDEX/$CI_NODE_TOTAL);"
                    + " \"labgrader merge\" then writes the class reports of all parts.")
    String shard;

    @Option(names = "--max-size", paramLabel = "MIB", defaultValue = "64",
            description = "Batch: largest submission in MiB, packed or unpacked; larger ones, and zip bombs, are not graded (default: ${DEFAULT-VALUE}).")
    long maxSizeMib;

    @Option(names = "--moodle-worksheet", paramLabel = "FILE",
            description = "Batch: Moodle's grading worksheet (\"Download grading worksheet\", English or German) to fill in;"
                    + " written to --out under the same name, with gradebook-import.csv when it has e-mail addresses.")
    Path moodleWorksheet;

    @Option(names = "--max-grade", paramLabel = "N",
            description = "Batch: gradebook.csv's grades scaled to N, the assignment's maximum grade in Moodle (default: the rubric's maximum).")
    BigDecimal maxGrade;

    @Override
    public Integer call() throws RubricException {
        Rubric rubric = RubricSource.load(options.rubric, options.lab);
        Path target = input != null ? input : defaultInput();
        if (target == null) {
            System.err.println("labgrader: nothing to grade here: no evidence/ folder and no submissions/ folder."
                    + " Name the evidence or submissions folder: labgrader grade <folder>");
            return ExitCodes.BAD_INPUT;
        }
        if (isBundle(target)) {
            if (!Files.isDirectory(target)) {
                System.err.println("labgrader: " + target + ": " + (Files.exists(target) ? "not a folder" : "no such folder"));
                return ExitCodes.BAD_INPUT;
            }
            if (moodleWorksheet != null || maxGrade != null) {
                System.err.println("labgrader: --moodle-worksheet and --max-grade are for a folder of submissions; "
                        + target + " is one evidence bundle");
                return ExitCodes.BAD_INPUT;
            }
            return GradeAndReport.run(rubric, target, options, Clock.systemUTC(), System.out, System.err);
        }
        if (jobs != null && jobs < 1) {
            System.err.println("labgrader: --jobs must be at least 1, found " + jobs);
            return ExitCodes.BAD_INPUT;
        }
        if (maxSizeMib < 1 || maxSizeMib > 1024 * 1024) {
            System.err.println("labgrader: --max-size must be between 1 and 1048576 MiB, found " + maxSizeMib);
            return ExitCodes.BAD_INPUT;
        }
        Shard part = null;
        if (shard != null) {
            try {
                part = Shard.parse(shard);
            } catch (IllegalArgumentException e) {
                System.err.println("labgrader: --shard: " + e.getMessage());
                return ExitCodes.BAD_INPUT;
            }
        }
        boolean outGiven = spec.commandLine().getParseResult().hasMatchedOption("--out");
        Path out = outGiven ? options.out : Path.of(DEFAULT_BATCH_OUT);
        int threads = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
        Limits limits = Limits.DEFAULT.withMaxBytes(maxSizeMib * Limits.MIB);
        MoodleOptions moodle;
        try {
            moodle = moodle(out, part);
        } catch (IllegalArgumentException e) {
            System.err.println("labgrader: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        return BatchRun.run(rubric, target, out, threads, limits, part, moodle, options, Clock.systemUTC(), System.out,
                System.err);
    }

    /** The worksheet, read and checked before any grading, so that a bad one writes nothing. */
    private MoodleOptions moodle(Path out, Shard part) {
        if (maxGrade != null && (maxGrade.signum() <= 0 || maxGrade.compareTo(BigDecimal.valueOf(1_000_000)) > 0)) {
            throw new IllegalArgumentException("--max-grade must be above 0 and at most 1000000, found " + maxGrade.toPlainString());
        }
        if (moodleWorksheet == null) {
            return new MoodleOptions(null, maxGrade);
        }
        if (part != null) {
            throw new IllegalArgumentException("--moodle-worksheet cannot be used with --shard: the worksheet is filled"
                    + " from the whole class; grade without --shard to fill it");
        }
        MoodleWorksheet sheet;
        try {
            sheet = MoodleWorksheet.read(moodleWorksheet);
        } catch (MoodleWorksheet.Unusable e) {
            throw new IllegalArgumentException("--moodle-worksheet " + e.getMessage());
        }
        Path written = out.resolve(sheet.fileName()).toAbsolutePath().normalize();
        if (written.equals(moodleWorksheet.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("--moodle-worksheet " + moodleWorksheet + ": the filled worksheet would replace"
                    + " it (it is written to --out under the same name); choose another --out");
        }
        return new MoodleOptions(sheet, maxGrade);
    }

    /** ./evidence if it exists (a student's folder), else ./submissions (an instructor's, or this project's samples). */
    private static Path defaultInput() {
        Path evidence = Path.of("evidence");
        if (Files.exists(evidence)) {
            return evidence;
        }
        Path submissions = Path.of("submissions");
        return Files.isDirectory(submissions) ? submissions : null;
    }

    /**
     * One evidence bundle, graded as before: a folder holding journal.jsonl, manifest.json or raw/, or a folder without
     * any subfolder or zip (then the report says what is missing). Anything else, and a zip, is a batch. A path that
     * does not exist or a file that is no zip stays with the single bundle, whose error names it.
     */
    static boolean isBundle(Path path) {
        if (Files.isRegularFile(path)) {
            return !path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip");
        }
        if (!Files.isDirectory(path)) {
            return true;
        }
        if (Files.exists(path.resolve(EvidenceBundle.JOURNAL)) || Files.exists(path.resolve(EvidenceBundle.MANIFEST))
                || Files.isDirectory(path.resolve(EvidenceBundle.RAW))) {
            return true;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(path)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                if (Files.isDirectory(entry) || name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return true;
        }
    }
}
