package io.labgrader.grading;

import io.labgrader.evidence.Observation;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Where grading gets the data of a lab's report sections: found with {@link ServiceLoader} (the engine's one
 * implementation, {@code io.labgrader.module.LabResultSections}, asks the labs' modules), so that grading names no lab
 * type, as with {@link SuiteCatalog}.
 */
public interface ResultSections {

    /** The data of the report sections of the lab with this id, in the lab's order; empty for a lab without any. */
    List<SectionData> of(String lab, List<Observation> observations);

    /** What every registered implementation gives for the lab, in the order they are found. */
    static List<SectionData> all(String lab, List<Observation> observations) {
        List<SectionData> sections = new ArrayList<>();
        for (ResultSections provider : Providers.ALL) {
            sections.addAll(provider.of(lab, observations));
        }
        return List.copyOf(sections);
    }

    /** The registered implementations, found once: the jar's labs do not change while it runs. */
    final class Providers {
        private static final List<ResultSections> ALL = ServiceLoader.load(ResultSections.class,
                ResultSections.class.getClassLoader()).stream().map(ServiceLoader.Provider::get).toList();

        private Providers() {
        }
    }
}
