package io.labgrader.evidence.docker;

import io.labgrader.evidence.Observation;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the cross-check of a journal against its raw captures found: where they disagree, and the evidence as the
 * engine's own words tell it. Graders believe a finding only if it holds in both the journal and that view.
 *
 * @param disagreements what disagrees, each naming the observation and the capture, in journal order
 * @param replaced      journal observations the captures contradict, each with what the capture says instead
 *                      (empty when it cannot be re-read from the capture, and is dropped)
 * @param restored      what the captures hold and the journal lacks (events, inspections, listings)
 */
public record ConsistencyReport(List<Disagreement> disagreements, Map<Observation, Optional<Observation>> replaced,
                                List<Observation> restored) {

    public static final ConsistencyReport CLEAN = new ConsistencyReport(List.of(), Map.of(), List.of());

    /**
     * One disagreement, as a key of labgrader's message bundle ({@code evidence.raw.*}) and its arguments: evidence
     * sits below the rubric's texts, so whoever shows the disagreement puts it into words.
     */
    public record Disagreement(Observation observation, String key, List<String> args) {
        public Disagreement {
            args = List.copyOf(args);
        }
    }

    public ConsistencyReport {
        disagreements = List.copyOf(disagreements);
        IdentityHashMap<Observation, Optional<Observation>> byIdentity = new IdentityHashMap<>(replaced);
        replaced = java.util.Collections.unmodifiableMap(byIdentity);
        restored = List.copyOf(restored);
    }

    public boolean clean() {
        return disagreements.isEmpty();
    }

    /** The journal with every contradicted observation replaced by its capture's version, and the lacking restored. */
    public List<Observation> engineView(List<Observation> journal) {
        if (clean()) {
            return journal;
        }
        List<Observation> view = new ArrayList<>(journal.size() + restored.size());
        for (Observation o : journal) {
            Optional<Observation> instead = replaced.get(o);
            if (instead == null) {
                view.add(o);
            } else {
                instead.ifPresent(view::add);
            }
        }
        view.addAll(restored);
        return view;
    }

    /** The first {@code max} disagreements. */
    public List<Disagreement> first(int max) {
        return disagreements.stream().limit(max).toList();
    }
}
