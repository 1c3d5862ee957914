package io.labgrader.cli;

import io.labgrader.evidence.EvidenceBundle;
import io.labgrader.evidence.EvidenceException;
import io.labgrader.module.LabProbe;
import io.labgrader.live.LiveConnection;
import io.labgrader.live.LiveSource;
import io.labgrader.live.LiveSources;
import io.labgrader.module.ProbeRun;
import io.labgrader.module.SectionProbes;
import io.labgrader.rubric.Rubric;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs the probes that the rubric's sections declare (SectionProbes), from the rubric's lab, into the bundle. */
final class LiveProbes {

    private LiveProbes() {
    }

    /** The rubric's probes, by name, in the order of its sections. */
    static Map<String, LabProbe> of(Rubric rubric) {
        return SectionProbes.of(rubric, RubricSource.lab(rubric));
    }

    /**
     * Each probe once (check), then the manifest. The live sources' connections opened early go to the probes; they
     * are closed here whether a probe used them or not (a rubric without a Docker probe; closing is idempotent).
     */
    static void checkOnce(Rubric rubric, EvidenceBundle bundle, List<LiveConnection> connections, String source,
                          Instant historyFloor) throws EvidenceException {
        ProbeRun run = new ProbeRun(bundle, source, connections, historyFloor);
        try {
            of(rubric).values().forEach(probe -> probe.observe(run));
        } finally {
            connections.forEach(LiveConnection::close);
        }
        bundle.writeManifest();
    }

    /** The probes that watch observes by themselves (all but those whose place a live source's following takes). */
    static void observeUnfollowed(Map<String, LabProbe> probes, EvidenceBundle bundle, String source, Instant historyFloor) {
        // watch opened no connection for them (see ProbeRun)
        ProbeRun run = new ProbeRun(bundle, source, List.of(), historyFloor);
        probes.values().stream().filter(p -> p.followedBy().isEmpty()).forEach(probe -> probe.observe(run));
    }

    /** The live sources whose events watch follows in place of the probes' looks, each once, in the probes' order. */
    static List<LiveSource> followed(Map<String, LabProbe> probes) {
        return probes.values().stream().map(LabProbe::followedBy).flatMap(Optional::stream).distinct()
                .map(LiveSources::of).toList();
    }
}
