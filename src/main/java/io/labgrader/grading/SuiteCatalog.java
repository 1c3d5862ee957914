package io.labgrader.grading;

import java.util.List;
import java.util.Optional;

/**
 * Where grading finds a lab's suites: found with {@link java.util.ServiceLoader} (the engine's one catalog,
 * {@code io.labgrader.module.LabSuiteCatalog}, asks the labs' modules), so that grading names no lab and scans no
 * package. Grading selects the suites of the rubric's lab only: two labs may both have a section "docker".
 */
public interface SuiteCatalog {

    /** The grading suites of the lab with this id, or empty when the catalog knows no such lab. */
    Optional<List<Class<?>>> suitesOf(String lab);
}
