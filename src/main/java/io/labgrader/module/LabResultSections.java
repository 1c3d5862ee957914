package io.labgrader.module;

import io.labgrader.evidence.Observation;
import io.labgrader.grading.ResultSections;
import io.labgrader.grading.SectionData;

import java.util.List;

/**
 * The data of the jar's labs' report sections, for grading (registered in
 * {@code META-INF/services/io.labgrader.grading.ResultSections}).
 */
public final class LabResultSections implements ResultSections {

    @Override
    public List<SectionData> of(String lab, List<Observation> observations) {
        return Labs.byId(lab).map(module -> module.reportSections().stream()
                .map(s -> new SectionData(lab, s.id(), s.data(observations))).toList()).orElse(List.of());
    }

    /** The section that renders this data, if its lab is in the jar and still has it. */
    public static java.util.Optional<ReportSection> renderer(SectionData data) {
        return Labs.byId(data.lab()).flatMap(module -> module.reportSections().stream()
                .filter(s -> s.id().equals(data.id())).findFirst());
    }
}
