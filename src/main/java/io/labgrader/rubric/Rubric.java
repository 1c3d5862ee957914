package io.labgrader.rubric;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The lab's rubric as loaded from rubric.yml.
 *
 * @param sha256 hash of the file's bytes, recorded in every evidence manifest and report
 * @param lab    the id of the lab whose suites and probes grade it ({@code lab:} in the rubric; its id when absent, as
 *               in the labs' own rubrics)
 */
public record Rubric(String id, LocalizedText title, List<Section> sections, Path source, String sha256, String lab) {

    public Rubric {
        sections = List.copyOf(sections);
        lab = lab == null ? id : lab;
    }

    public Rubric(String id, LocalizedText title, List<Section> sections, Path source, String sha256) {
        this(id, title, sections, source, sha256, id);
    }

    /** All criteria in rubric order. */
    public List<Criterion> criteria() {
        return sections.stream().flatMap(s -> s.criteria().stream()).toList();
    }

    public Optional<Criterion> criterion(String id) {
        return criteria().stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /**
     * Criteria in an order where each comes after the criteria it requires, and otherwise in rubric order.
     * The loader has rejected cycles, so every criterion appears.
     */
    public List<Criterion> gradingOrder() {
        List<Criterion> all = criteria();
        java.util.Map<String, Criterion> byId = new java.util.LinkedHashMap<>();
        all.forEach(c -> byId.putIfAbsent(c.id(), c));
        java.util.LinkedHashSet<String> ordered = new java.util.LinkedHashSet<>();
        for (Criterion c : all) {
            addAfterRequirements(c, byId, ordered, new java.util.HashSet<>());
        }
        return ordered.stream().map(byId::get).toList();
    }

    private static void addAfterRequirements(Criterion c, java.util.Map<String, Criterion> byId,
                                             java.util.Set<String> ordered, java.util.Set<String> visiting) {
        if (ordered.contains(c.id()) || !visiting.add(c.id())) {
            return;
        }
        for (String required : c.requires()) {
            Criterion r = byId.get(required);
            if (r != null) {
                addAfterRequirements(r, byId, ordered, visiting);
            }
        }
        ordered.add(c.id());
    }

    public int maxScore() {
        return criteria().stream().mapToInt(Criterion::points).sum();
    }
}
