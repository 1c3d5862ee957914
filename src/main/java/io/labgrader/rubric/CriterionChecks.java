package io.labgrader.rubric;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The checks of a rubric that span its criteria, once each one is read: unique ids, known requires, no cycles. */
final class CriterionChecks {

    private CriterionChecks() {
    }

    /** Checks across criteria: unique ids, known requires, no cycles. */
    static void check(Rubric rubric, Path file, List<RubricException.Problem> problems) {
        Map<String, Criterion> byId = new LinkedHashMap<>();
        Set<String> sectionIds = new LinkedHashSet<>();
        for (Section section : rubric.sections()) {
            if (!sectionIds.add(section.id())) {
                problems.add(new RubricException.Problem(file, 0, "duplicate section id '" + section.id() + "'"));
            }
            for (Criterion c : section.criteria()) {
                Criterion earlier = byId.putIfAbsent(c.id(), c);
                if (earlier != null) {
                    problems.add(new RubricException.Problem(file, c.line(),
                            "duplicate criterion id '" + c.id() + "' (first defined on line " + earlier.line() + ")"));
                }
            }
        }
        for (Criterion c : byId.values()) {
            for (String required : c.requires()) {
                if (!byId.containsKey(required)) {
                    problems.add(new RubricException.Problem(file, c.line(),
                            "criterion '" + c.id() + "' requires '" + required + "', which the rubric does not define"));
                }
            }
        }
        findCycle(byId).ifPresent(cycle -> problems.add(new RubricException.Problem(file, byId.get(cycle.get(0)).line(),
                "'requires' forms a cycle: " + String.join(" -> ", cycle))));
    }

    private static java.util.Optional<List<String>> findCycle(Map<String, Criterion> byId) {
        Map<String, Integer> state = new LinkedHashMap<>(); // 1 = on the path, 2 = done
        for (String start : byId.keySet()) {
            List<String> path = new ArrayList<>();
            java.util.Optional<List<String>> cycle = visit(start, byId, state, path);
            if (cycle.isPresent()) {
                return cycle;
            }
        }
        return java.util.Optional.empty();
    }

    private static java.util.Optional<List<String>> visit(String id, Map<String, Criterion> byId,
                                                          Map<String, Integer> state, List<String> path) {
        Integer s = state.get(id);
        if (s != null && s == 2) {
            return java.util.Optional.empty();
        }
        if (s != null && s == 1) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(id), path.size()));
            cycle.add(id);
            return java.util.Optional.of(cycle);
        }
        Criterion c = byId.get(id);
        if (c == null) {
            return java.util.Optional.empty();
        }
        state.put(id, 1);
        path.add(id);
        for (String next : c.requires()) {
            java.util.Optional<List<String>> cycle = visit(next, byId, state, path);
            if (cycle.isPresent()) {
                return cycle;
            }
        }
        path.remove(path.size() - 1);
        state.put(id, 2);
        return java.util.Optional.empty();
    }
}
