package io.labgrader.batch;

import io.labgrader.rubric.Messages;
import io.labgrader.grading.GradeResult;
import io.labgrader.evidence.RawCaptures;
import io.labgrader.grading.LoadedEvidence;
import io.labgrader.grading.SuiteRunner;
import io.labgrader.rubric.LocalizedText.Language;
import io.labgrader.rubric.Rubric;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Grades one student's upload as it arrives from a grading service such as Gradescope (its /autograder/submission): the
 * evidence folder itself, a zip of it, or a folder holding either, found and checked exactly as in a batch
 * ({@link SubmissionPreparer}: size limits, zip bombs, links out, several bundles). It never throws for a bad upload:
 * what cannot be graded becomes a result whose every criterion is NOT_GRADABLE with the reason.
 */
public final class OneSubmission {

    private OneSubmission() {
    }

    /**
     * @param folder the upload's folder
     * @param shown  how reports name it ("submission")
     */
    public static GradeResult grade(Rubric rubric, Path folder, String shown, Language language, Limits limits, Clock clock) {
        Instant now = clock.instant();
        Path work = null;
        try {
            if (!Files.isDirectory(folder)) {
                throw Rejection.of(Messages.CORE.text("rejected.isMissingNothingWas", shown));
            }
            work = Files.createTempDirectory("labgrader-submission");
            Submission submission = new Submission(0, "name:" + shown, shown, null, shown, folder, List.of(), shown);
            BundleFiles bundle = new SubmissionPreparer(folder, limits).prepare(submission, work);
            LoadedEvidence evidence = LoadedEvidence.of(bundle.shown(), bundle.manifest(), bundle.journal(), RawCaptures.of(bundle.raw()));
            try (SuiteRunner runner = new SuiteRunner(rubric, language)) {
                return StudentGrades.normalise(runner.grade(evidence, clock), now);
            }
        } catch (Rejection r) {
            return StudentGrades.rejected(rubric, r.reason(), shown, now);
        } catch (IOException | RuntimeException e) {
            return StudentGrades.rejected(rubric, StudentGrades.fault(e), shown, now);
        } finally {
            if (work != null) {
                AtomicFiles.deleteQuietly(work);
            }
        }
    }
}
