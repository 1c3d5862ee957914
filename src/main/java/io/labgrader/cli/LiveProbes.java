package io.labgrader.cli;

import io.labgrader.evidence.EvidenceBundle;
import io.labgrader.evidence.EvidenceException;
import io.labgrader.module.LabProbe;
import io.labgrader.module.ProbeRun;
import io.labgrader.module.SectionProbes;
import io.labgrader.probe.docker.DockerProbing;
import io.labgrader.rubric.Rubric;

import java.time.Instant;
import java.util.Map;

/** Runs the probes that the rubric's sections declare (SectionProbes), from the rubric's lab, into the bundle. */
final class LiveProbes {

    /** What watch hands the probes it observes on their own: it opened no connection for them (see ProbeRun). */
    private static final DockerProbing.Connection NOT_OPENED = new DockerProbing.Connection(null, null);

    private LiveProbes() {
    }

    /** The rubric's probes, by name, in the order of its sections. */
    static Map<String, LabProbe> of(Rubric rubric) {
        return SectionProbes.of(rubric, RubricSource.lab(rubric));
    }

    /**
     * Each probe once (check), then the manifest. The Docker connection opened early goes to the probes; it is closed
     * here whether a probe used it or not (a rubric without a Docker probe; closing is idempotent).
     */
    static void checkOnce(Rubric rubric, EvidenceBundle bundle, DockerProbing.Connection docker, String source,
                          Instant historyFloor) throws EvidenceException {
        ProbeRun run = new ProbeRun(bundle, source, docker, historyFloor);
        try {
            of(rubric).values().forEach(probe -> probe.observe(run));
        } finally {
            if (docker.api() != null) {
                docker.api().close();
            }
        }
        bundle.writeManifest();
    }

    /** The probes that watch observes by themselves (all but the one whose place the Docker event follower takes). */
    static void observeUnfollowed(Map<String, LabProbe> probes, EvidenceBundle bundle, String source, Instant historyFloor) {
        ProbeRun run = new ProbeRun(bundle, source, NOT_OPENED, historyFloor);
        probes.values().stream().filter(p -> !p.followsDockerEvents()).forEach(probe -> probe.observe(run));
    }

    /** Whether one of the probes reads the Docker Engine, whose events watch then follows. */
    static boolean followsDocker(Map<String, LabProbe> probes) {
        return probes.values().stream().anyMatch(LabProbe::followsDockerEvents);
    }
}
