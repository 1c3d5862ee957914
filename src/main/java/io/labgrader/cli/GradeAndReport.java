package io.labgrader.cli;

import io.labgrader.grading.GradeResult;
import io.labgrader.grading.Grading;
import io.labgrader.report.ConsoleReport;
import io.labgrader.report.StudentReports;
import io.labgrader.rubric.LocalizedText.Language;
import io.labgrader.rubric.Messages;
import io.labgrader.rubric.Rubric;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;

/** The last step of check, watch and grade: run the suites on the evidence, write the reports, pick the exit code. */
final class GradeAndReport {

    private GradeAndReport() {
    }

    static int run(Rubric rubric, Path evidence, CommonOptions options, Clock clock, PrintStream out, PrintStream err) {
        Language language = options.language();
        GradeResult result = Grading.grade(rubric, evidence, language, clock);
        Timings.mark("graded");
        return report(result, options, out, err);
    }

    /** Prints the result, writes the reports into --out and picks the exit code. */
    static int report(GradeResult result, CommonOptions options, PrintStream out, PrintStream err) {
        Language language = options.language();
        new ConsoleReport().print(result, language, out, options.colour());
        try {
            // with Gradescope's results.json, as for every student of a batch: one bundle graded is one submission
            StudentReports.writeAll(result, options.out, language);
        } catch (IOException e) {
            err.println((Messages.CORE.get(language, "cli.labgraderCannotWriteThe"))
                    + options.out + ": " + e.getMessage());
            return ExitCodes.NOTHING_GRADABLE;
        }
        Timings.mark("reports written");
        if (result.nothingGradable()) {
            return ExitCodes.NOTHING_GRADABLE;
        }
        if (options.failUnder != null && result.score() < options.failUnder) {
            return ExitCodes.BELOW_THRESHOLD;
        }
        return ExitCodes.GRADED;
    }
}
