package io.labgrader.batch;

import io.labgrader.grading.CriterionResult;
import io.labgrader.grading.GradeResult;
import io.labgrader.grading.Outcome;
import io.labgrader.report.SafeText;
import io.labgrader.rubric.Criterion;
import io.labgrader.rubric.LocalizedText;
import io.labgrader.rubric.LocalizedText.Language;
import io.labgrader.rubric.Messages;
import io.labgrader.rubric.Rubric;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What one student's grading becomes in a batch: the result as the reports show it (normalised, or rejected with a
 * reason), and the student's row of the class reports. Shared by the batch and by a single submission's grading
 * ({@link OneSubmission}), so that both give the same bytes.
 */
final class StudentGrades {

    private StudentGrades() {
    }

    /** The student's row of the class reports: outcomes, one-line notes, the reason when nothing was gradable. */
    static StudentResult summary(Submission s, GradeResult result, List<Flag> flags, String shown, Language language) {
        List<Outcome> outcomes = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (CriterionResult c : result.criteria()) {
            outcomes.add(c.outcome());
            notes.add(c.outcome() == Outcome.PASSED ? "" : SafeText.oneLine(c.message().in(language)));
        }
        boolean gradable = !result.nothingGradable();
        String reason = gradable ? "" : result.criteria().stream().map(c -> SafeText.oneLine(c.message().in(language)))
                .filter(m -> !m.isEmpty()).findFirst().orElse("");
        return new StudentResult(s, gradable, result.score(), result.maxScore(), outcomes, notes, reason, flags,
                gradable ? Feedback.html(result, language) : "", shown, io.labgrader.report.LabSections.numbers(result));
    }

    /**
     * The result as reports show it: the run's one timestamp, and no durations, so that a rerun writes the same
     * bytes. The evidence is already named as in the submissions folder: it was read from there, not unpacked.
     */
    static GradeResult normalise(GradeResult raw, Instant gradedAt) {
        List<CriterionResult> criteria = new ArrayList<>();
        for (CriterionResult c : raw.criteria()) {
            LocalizedText message = c.message() == null ? LocalizedText.same("") : c.message();
            criteria.add(new CriterionResult(c.id(), c.section(), c.title(), c.outcome(), c.points(), c.maxPoints(),
                    message, c.hint(), 0));
        }
        return new GradeResult(raw.rubricId(), raw.rubricTitle(), raw.rubricSha256(), raw.evidence(), gradedAt, criteria, raw.sections());
    }

    /** The reason when grading a submission failed in labgrader itself, not because of the submission. */
    static LocalizedText fault(Throwable e) {
        if (e instanceof OutOfMemoryError) {
            return Messages.CORE.text("batch.outOfMemory");
        }
        return Messages.CORE.text("batch.crashed", e.getClass().getSimpleName(), e.getMessage());
    }

    /** A submission that could not be graded at all: every criterion NOT_GRADABLE with the reason. */
    static GradeResult rejected(Rubric rubric, LocalizedText reason, String shown, Instant gradedAt) {
        List<CriterionResult> criteria = new ArrayList<>();
        for (Criterion c : rubric.criteria()) {
            criteria.add(new CriterionResult(c.id(), c.section(), c.title(), Outcome.NOT_GRADABLE, 0, c.points(), reason,
                    LocalizedText.same(""), 0));
        }
        return new GradeResult(rubric.id(), rubric.title(), rubric.sha256(), shown, gradedAt, criteria);
    }
}
