package io.labgrader.report;

import io.labgrader.grading.GradeResult;
import io.labgrader.grading.SectionData;
import io.labgrader.module.LabResultSections;
import io.labgrader.module.Labs;
import io.labgrader.module.ReportSection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lab's report sections of a result, each with its data, in the lab's order: what every report writer shows
 * after the criteria (e.g. the first lab's VM inventory and comparison), rendered by the lab's module.
 */
public final class LabSections {

    /** One section with the data it renders. */
    public record Shown(ReportSection section, Object data) {
    }

    private LabSections() {
    }

    /**
     * The sections whose lab's module is in the jar; others are left out. A result built without section data (a
     * submission rejected before grading) shows its rubric's lab's sections as for evidence with nothing in it, as
     * every result did before the sections moved into the labs (report.json's "vms": []).
     */
    public static List<Shown> of(GradeResult result) {
        List<Shown> shown = new ArrayList<>();
        if (result.sections().isEmpty()) {
            Labs.byId(result.rubricId()).ifPresent(lab -> lab.reportSections()
                    .forEach(section -> shown.add(new Shown(section, section.data(List.of())))));
            return shown;
        }
        for (SectionData data : result.sections()) {
            LabResultSections.renderer(data).ifPresent(section -> shown.add(new Shown(section, data.data())));
        }
        return shown;
    }

    /** The figures the result can be compared by in a class, from every section, by key. */
    public static Map<String, Double> numbers(GradeResult result) {
        Map<String, Double> numbers = new LinkedHashMap<>();
        of(result).forEach(s -> numbers.putAll(s.section().numbers(s.data())));
        return numbers;
    }
}
