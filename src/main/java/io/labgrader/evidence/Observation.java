package io.labgrader.evidence;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.labgrader.evidence.compare.ContainerStatsObserved;
import io.labgrader.evidence.docker.ContainerEventObserved;
import io.labgrader.evidence.docker.ContainerObserved;
import io.labgrader.evidence.docker.ContainersListed;
import io.labgrader.evidence.docker.EngineObserved;
import io.labgrader.evidence.docker.EngineUnreachable;
import io.labgrader.evidence.docker.EventHistoryRead;
import io.labgrader.evidence.docker.ImagesListed;
import io.labgrader.evidence.http.HttpProbed;
import io.labgrader.evidence.vm.HypervisorNotFound;
import io.labgrader.evidence.vm.HypervisorObserved;
import io.labgrader.evidence.vm.VmObserved;
import io.labgrader.evidence.vm.VmProbeFailed;
import io.labgrader.evidence.vm.VmProbeRun;

import java.time.Instant;

/**
 * One line of the journal: something a probe saw, when, and from where. Observations are facts,
 * never verdicts; graders judge them.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = EngineObserved.class, name = "docker.engine"),
        @JsonSubTypes.Type(value = EngineUnreachable.class, name = "docker.unreachable"),
        @JsonSubTypes.Type(value = ContainerObserved.class, name = "docker.container"),
        @JsonSubTypes.Type(value = ContainerEventObserved.class, name = "docker.event"),
        @JsonSubTypes.Type(value = ContainersListed.class, name = "docker.containers"),
        @JsonSubTypes.Type(value = ImagesListed.class, name = "docker.images"),
        @JsonSubTypes.Type(value = EventHistoryRead.class, name = "docker.event-history"),
        @JsonSubTypes.Type(value = ContainerStatsObserved.class, name = "docker.stats"),
        @JsonSubTypes.Type(value = HttpProbed.class, name = "http.probe"),
        @JsonSubTypes.Type(value = HypervisorObserved.class, name = "vm.hypervisor"),
        @JsonSubTypes.Type(value = HypervisorNotFound.class, name = "vm.hypervisor-absent"),
        @JsonSubTypes.Type(value = VmObserved.class, name = "vm.machine"),
        @JsonSubTypes.Type(value = VmProbeFailed.class, name = "vm.probe-failed"),
        @JsonSubTypes.Type(value = VmProbeRun.class, name = "vm.probe-run"),
})
public interface Observation {

    /** When the observed thing happened or was seen. */
    Instant at();

    /** What produced the observation, e.g. "check", "watch" or "replay". */
    String source();
}
