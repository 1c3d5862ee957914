package io.labgrader.module;

import io.labgrader.grading.SuiteCatalog;

import java.util.List;
import java.util.Optional;

/** The suites of the jar's labs, for grading (registered in {@code META-INF/services/io.labgrader.grading.SuiteCatalog}). */
public final class LabSuiteCatalog implements SuiteCatalog {

    @Override
    public Optional<List<Class<?>>> suitesOf(String lab) {
        return Labs.byId(lab).map(LabModule::suites);
    }
}
