package io.labgrader.cli;

import io.labgrader.evidence.EvidenceBundle;
import io.labgrader.evidence.EvidenceException;
import io.labgrader.probe.docker.DockerProbing;
import io.labgrader.probe.vm.VmProbing;
import io.labgrader.rubric.Rubric;

/** Runs the probes that the rubric's sections need, once, into the bundle. */
final class LiveProbes {

    private LiveProbes() {
    }

    static void checkOnce(Rubric rubric, EvidenceBundle bundle, DockerProbing.Connection docker, String source,
                          java.time.Instant historyFloor)
            throws EvidenceException {
        if (hasSection(rubric, "docker")) {
            DockerProbing.check(bundle, docker, source, historyFloor);
        } else if (docker.api() != null) {
            docker.api().close();
        }
        checkVms(rubric, bundle, source);
        bundle.writeManifest();
    }

    /** The hypervisors and their VMs, when the rubric has a vm section. */
    static void checkVms(Rubric rubric, EvidenceBundle bundle, String source) {
        if (hasSection(rubric, "vm")) {
            VmProbing.check(bundle, source);
        }
    }

    static boolean hasSection(Rubric rubric, String id) {
        return rubric.sections().stream().anyMatch(s -> s.id().equals(id));
    }
}
