package io.labgrader.grading;

import io.labgrader.rubric.LocalizedText;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The result of grading one evidence bundle against one rubric: the model every report is written from.
 *
 * @param sections the data of the lab's report sections (e.g. the first lab's VM inventory and comparison), in the
 *                 lab's order (not scored)
 */
public record GradeResult(String rubricId, LocalizedText rubricTitle, String rubricSha256, String evidence,
                          Instant gradedAt, List<CriterionResult> criteria, List<SectionData> sections) {

    public GradeResult {
        criteria = List.copyOf(criteria);
        // unmodifiable, but a section may have no data (null)
        sections = sections == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(sections));
    }

    public GradeResult(String rubricId, LocalizedText rubricTitle, String rubricSha256, String evidence,
                       Instant gradedAt, List<CriterionResult> criteria) {
        this(rubricId, rubricTitle, rubricSha256, evidence, gradedAt, criteria, List.of());
    }

    /** The data of the report section with this id, or null when the result has none. */
    public Object section(String id) {
        return sections.stream().filter(s -> s.id().equals(id)).map(SectionData::data).findFirst().orElse(null);
    }

    /** The same result with other section data (e.g. a test's, or a batch's result renamed). */
    public GradeResult withSections(List<SectionData> other) {
        return new GradeResult(rubricId, rubricTitle, rubricSha256, evidence, gradedAt, criteria, other);
    }

    public int score() {
        return criteria.stream().mapToInt(CriterionResult::points).sum();
    }

    public int maxScore() {
        return criteria.stream().mapToInt(CriterionResult::maxPoints).sum();
    }

    public long count(Outcome outcome) {
        return criteria.stream().filter(c -> c.outcome() == outcome).count();
    }

    /** Nothing at all could be graded: every criterion is NOT_GRADABLE (or there are none). */
    public boolean nothingGradable() {
        return criteria.stream().allMatch(c -> c.outcome() == Outcome.NOT_GRADABLE);
    }
}
