package io.labgrader.batch;

import io.labgrader.grading.Outcome;
import io.labgrader.report.ReportText;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the class reports need of one student, and nothing more: the full result and the evidence are written to the
 * student's own reports and then dropped, so a batch holds a few hundred bytes per student whatever its size.
 *
 * @param gradable  false when nothing could be graded (the submission was rejected, or its evidence is unreadable)
 * @param outcomes  the outcome of each rubric criterion, in rubric order
 * @param notes     for each criterion, the message in the batch's language ("" when passed)
 * @param reason    why the submission could not be graded, or "" when it could
 * @param feedback  the feedback for the gradebook (a small HTML fragment)
 * @param evidence  where the graded evidence was ("alice.zip!/evidence"), as the reports name it
 * @param compared  the numbers of the student's comparison section by figure key, for the class's distribution
 */
public record StudentResult(Submission submission, boolean gradable, int score, int maxScore, List<Outcome> outcomes,
                            List<String> notes, String reason, List<Flag> flags, String feedback, String evidence,
                            Map<String, Double> compared) {

    public StudentResult {
        outcomes = List.copyOf(outcomes);
        notes = List.copyOf(notes);
        flags = List.copyOf(flags);
        compared = compared == null ? Map.of() : Map.copyOf(compared);
    }

    public StudentResult(Submission submission, boolean gradable, int score, int maxScore, List<Outcome> outcomes,
                         List<String> notes, String reason, List<Flag> flags, String feedback, String evidence) {
        this(submission, gradable, score, maxScore, outcomes, notes, reason, flags, feedback, evidence, Map.of());
    }

    public BigDecimal percent() {
        return ReportText.percent(score, maxScore);
    }

    /** The student's report folder relative to the output folder, with '/' separators: "students/alice". */
    public String folder() {
        return "students/" + submission.folder();
    }

    StudentResult withMoreFlags(List<Flag> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<Flag> all = new ArrayList<>(flags);
        all.addAll(more);
        return new StudentResult(submission, gradable, score, maxScore, outcomes, notes, reason, all, feedback, evidence, compared);
    }
}
