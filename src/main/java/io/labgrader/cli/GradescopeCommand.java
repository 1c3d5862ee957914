package io.labgrader.cli;

import io.labgrader.batch.Limits;
import io.labgrader.batch.OneSubmission;
import io.labgrader.grading.GradeResult;
import io.labgrader.rubric.Rubric;
import io.labgrader.rubric.RubricException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

@Command(addMethodSubcommands = false, name = "gradescope", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Grade one student's upload the way Gradescope's autograder runs (run_autograder in"
                        + " target/gradescope-autograder.zip calls this).",
                "",
                "SUBMISSION is the uploaded folder: the evidence folder itself, a zip of it, or a folder holding either"
                        + " (e.g. evidence/). --out receives results.json, report.json, report.md and TEST-labgrader.xml."
                        + " An upload that cannot be graded still gets a results.json: score 0, and the reason at the top."},
        footer = {"", "Exit codes: 0 graded, 1 a score below --fail-under, 2 bad rubric or arguments, 3 nothing could be graded."})
final class GradescopeCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SUBMISSION", defaultValue = "/autograder/submission",
            description = "The student's upload (default: ${DEFAULT-VALUE}).")
    Path submission;

    @Override
    public Integer call() throws RubricException {
        Rubric rubric = RubricSource.load(options.rubric, options.lab);
        GradeResult result = OneSubmission.grade(rubric, submission, "submission", options.language(), Limits.DEFAULT,
                Clock.systemUTC());
        return GradeAndReport.report(result, options, System.out, System.err);
    }
}
