package io.labgrader.rubric;

import java.util.List;

/** A group of criteria, graded by one grading suite. */
public record Section(String id, LocalizedText title, List<Criterion> criteria) {

    public Section {
        criteria = List.copyOf(criteria);
    }
}
