package io.labgrader.module;

import io.labgrader.rubric.Rubric;
import io.labgrader.rubric.RubricException;
import io.labgrader.rubric.Section;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The probes a rubric's sections need, from its lab's module: each section's {@code probe:}, or, for a section that
 * declares none (rubrics written before sections could), the lab's probe named like the section, if it has one
 * (the first lab's sections "docker" and "vm"). A probe two sections name runs once.
 */
public final class SectionProbes {

    private SectionProbes() {
    }

    /** The probes to run for the rubric, by name, in the order of the sections that first need them. */
    public static Map<String, LabProbe> of(Rubric rubric, LabModule lab) {
        Map<String, LabProbe> offered = lab.probes();
        Map<String, LabProbe> chosen = new LinkedHashMap<>();
        for (Section section : rubric.sections()) {
            for (String name : section.probes().isEmpty() ? List.of(section.id()) : section.probes()) {
                LabProbe probe = offered.get(name);
                if (probe != null) {
                    chosen.putIfAbsent(name, probe);
                }
            }
        }
        return chosen;
    }

    /**
     * Every section's declared probe is one the lab offers.
     *
     * @throws RubricException naming each section whose probe the lab lacks, and the probes it has
     */
    public static void check(Rubric rubric, LabModule lab) throws RubricException {
        Map<String, LabProbe> offered = lab.probes();
        List<RubricException.Problem> problems = new ArrayList<>();
        for (Section section : rubric.sections()) {
            for (String name : section.probes()) {
                if (!offered.containsKey(name)) {
                    problems.add(new RubricException.Problem(rubric.source(), 0, "section '" + section.id()
                            + "' declares probe '" + name + "', which lab " + lab.id() + " does not have; its probes: "
                            + (offered.isEmpty() ? "none" : String.join(", ", offered.keySet()))));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new RubricException(problems);
        }
    }
}
