package io.labgrader.labs.networks;

import io.labgrader.evidence.Evidence;
import io.labgrader.evidence.Observation;
import io.labgrader.labs.networks.evidence.NetContainer;
import io.labgrader.labs.networks.evidence.NetEngine;
import io.labgrader.labs.networks.evidence.NetRecords;
import io.labgrader.labs.networks.grading.NetGrader;
import io.labgrader.labs.networks.grading.RunGrader;
import io.labgrader.labs.networks.grading.WebGrader;
import io.labgrader.labs.networks.probe.NetworksProbe;
import io.labgrader.labs.networks.probe.RawAgreement;
import io.labgrader.module.LabModule;
import io.labgrader.module.LabProbe;
import io.labgrader.module.ReportSection;
import io.labgrader.rubric.LocalizedText;
import io.labgrader.rubric.Messages;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The lab "Docker-Netzwerke und Volumes" (sections 7 and 8 of the lesson): a user-defined bridge network, a named
 * volume, nginx on that network serving the student's own page from the volume on port 8081, a second container
 * beside it, and the page surviving a new nginx container. Everything it needs lives in labs/docker-networks/.
 */
public final class NetworksLab implements LabModule {

    public static final String ID = "docker-networks";

    /** The lab's bundle, {@code io/labgrader/labs/networks/messages*.properties}. */
    private static final Messages TEXT = Messages.beside(NetworksLab.class);
    /** The probe name the rubric's sections declare in {@code probe:}. */
    public static final String PROBE = "docker-networks";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public LocalizedText title() {
        return TEXT.text("lab.title");
    }

    @Override
    public String rubricResource() {
        return "/labs/docker-networks/rubric.yml";
    }

    @Override
    public List<Class<?>> suites() {
        return List.of(NetGrader.class, WebGrader.class, RunGrader.class);
    }

    @Override
    public Map<String, Class<? extends Observation>> recordTypes() {
        return NetRecords.byName();
    }

    @Override
    public Map<String, LabProbe> probes() {
        return Map.of(PROBE, new NetworksProbe());
    }

    /** The engine's id and the containers' ids: two students with one of them in common used one machine. */
    @Override
    public Set<String> fingerprints(List<Observation> observations) {
        Set<String> ids = new LinkedHashSet<>();
        for (Observation o : observations) {
            if (o instanceof NetEngine e && e.daemonId() != null && !e.daemonId().isBlank()) {
                ids.add("daemon:" + e.daemonId().strip().toLowerCase(java.util.Locale.ROOT));
            } else if (o instanceof NetContainer c && c.id() != null && !c.id().isBlank()) {
                ids.add("container:" + c.id().strip().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return Set.copyOf(ids);
    }

    /** The journal's containers against their raw captures (see {@link RawAgreement}), for the batch's flag. */
    @Override
    public Optional<LocalizedText> inconsistency(Evidence evidence) {
        List<String> contradicted = RawAgreement.contradictions(evidence);
        if (contradicted.isEmpty()) {
            return Optional.empty();
        }
        String list = String.join(", ", contradicted.subList(0, Math.min(5, contradicted.size())))
                + (contradicted.size() > 5 ? " (+" + (contradicted.size() - 5) + ")" : "");
        return Optional.of(TEXT.text("lab.inconsistent", list));
    }

    @Override
    public List<ReportSection> reportSections() {
        return List.of();
    }
}
