package io.labgrader.rubric;

import java.util.List;

/**
 * A group of criteria, graded by one grading suite.
 *
 * @param probes the lab's probes that gather this section's evidence ({@code probe: NAME} or {@code probe: [A, B]} in
 *               the rubric); empty when the section declares none: then the lab's probe named like the section runs,
 *               if the lab has one
 */
public record Section(String id, LocalizedText title, List<Criterion> criteria, List<String> probes) {

    public Section {
        criteria = List.copyOf(criteria);
        probes = probes == null ? List.of() : List.copyOf(probes);
    }

    public Section(String id, LocalizedText title, List<Criterion> criteria) {
        this(id, title, criteria, List.of());
    }
}
