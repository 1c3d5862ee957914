package io.labgrader.module;

import io.labgrader.evidence.Evidence;
import io.labgrader.evidence.Observation;
import io.labgrader.rubric.LocalizedText;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One lab, as the engine sees it: what a lab contributes, so that the core packages (rubric, evidence, grading,
 * report, batch, cli) name none of its types. A jar holds any number of labs; each registers its module in
 * {@code META-INF/services/io.labgrader.module.LabModule} and the engine finds it with {@link java.util.ServiceLoader}
 * ({@link Labs}).
 *
 * <p>Adding a lab is adding a module: its rubric, its grading suites, its probes, its record types, its
 * fingerprints and its report sections. No core file changes.
 */
public interface LabModule {

    /** The lab's id, equal to its rubric's {@code id}, e.g. "docker-vs-vm"; {@code --lab ID} selects it. */
    String id();

    /** The lab's title in each language, for {@code labgrader labs}. */
    LocalizedText title();

    /** The class-path resource of the lab's default rubric, e.g. "/labs/docker-vs-vm/rubric.yml". */
    String rubricResource();

    /** The classes of the lab's grading suites (annotated with {@code @GradingSuite}); no package scan needed. */
    List<Class<?>> suites();

    /**
     * The lab's evidence record types, by the {@code type} name they carry in the journal (e.g. "docker.container").
     * The engine registers them with Jackson at start; two labs may share a type only if it is the same class.
     */
    Map<String, Class<? extends Observation>> recordTypes();

    /**
     * The probes the lab offers, by the name a rubric section declares in {@code probe:} (e.g. "docker", "vm").
     * The engine runs each probe that the selected rubric's sections declare, once.
     */
    Map<String, LabProbe> probes();

    /**
     * The identifiers that tie evidence to one machine (engine id, container ids, VM UUIDs): two students whose
     * evidence shares one are flagged for the instructor. Empty if the lab has none.
     */
    Set<String> fingerprints(List<Observation> observations);

    /**
     * Where the bundle's raw captures contradict its journal (a journal edited by hand), as the text of the batch's
     * "inconsistent" flag for the instructor; empty when they agree or the lab keeps no raw captures.
     */
    default Optional<LocalizedText> inconsistency(Evidence evidence) {
        return Optional.empty();
    }

    /** Sections the lab adds to every report (the VM inventory, the comparison), in order; empty if none. */
    List<ReportSection> reportSections();
}
