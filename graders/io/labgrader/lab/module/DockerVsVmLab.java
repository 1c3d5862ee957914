package io.labgrader.lab.module;

import io.labgrader.evidence.Evidence;
import io.labgrader.evidence.Observation;
import io.labgrader.evidence.compare.ContainerStatsObserved;
import io.labgrader.evidence.docker.ConsistencyReport;
import io.labgrader.evidence.docker.ContainerEventObserved;
import io.labgrader.evidence.docker.ContainerObserved;
import io.labgrader.evidence.docker.ContainersListed;
import io.labgrader.evidence.docker.EngineObserved;
import io.labgrader.evidence.docker.EngineUnreachable;
import io.labgrader.evidence.docker.EventHistoryRead;
import io.labgrader.evidence.docker.ImagesListed;
import io.labgrader.evidence.docker.RawCrossCheck;
import io.labgrader.evidence.http.HttpProbed;
import io.labgrader.evidence.vm.HypervisorNotFound;
import io.labgrader.evidence.vm.HypervisorObserved;
import io.labgrader.evidence.vm.VmObserved;
import io.labgrader.evidence.vm.VmProbeFailed;
import io.labgrader.evidence.vm.VmProbeRun;
import io.labgrader.lab.Disagreements;
import io.labgrader.lab.LabSuites;
import io.labgrader.lab.LabText;
import io.labgrader.module.LabModule;
import io.labgrader.module.LabProbe;
import io.labgrader.live.LiveSource;
import io.labgrader.module.ProbeRun;
import io.labgrader.module.ReportSection;
import io.labgrader.probe.docker.DockerLiveSource;
import io.labgrader.probe.docker.DockerProbing;
import io.labgrader.probe.vm.VmProbing;
import io.labgrader.rubric.LocalizedText;
import io.labgrader.rubric.Messages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The first lab, "Docker vs. virtual machine", as a module: its rubric (rubric.yml at the top of the project, in the
 * jar at {@link #RUBRIC}), its suites (graders/), the Docker and VM probes, the 14 journal record types its probes
 * write, the machine identifiers compared across students, and the VM inventory and comparison in the reports.
 *
 * <p>This class wires the lab to the engine and is the one place of the lab that names probes; the suites themselves
 * (io.labgrader.lab) still never reach a probe (PackageDirectionTest).
 */
public final class DockerVsVmLab implements LabModule {

    public static final String ID = "docker-vs-vm";
    /** Where the pom puts rubric.yml in the jar. */
    public static final String RUBRIC = "/io/labgrader/cli/rubric.yml";
    /** Contradictions named in the instructor's flag; the rest are counted. */
    private static final int SHOWN_PROBLEMS = 3;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public LocalizedText title() {
        return new Messages("io.labgrader.lab.messages", DockerVsVmLab.class.getClassLoader()).text("lab.title");
    }

    @Override
    public String rubricResource() {
        return RUBRIC;
    }

    @Override
    public List<Class<?>> suites() {
        return LabSuites.all();
    }

    /** The type names are the journal's since its first version; renaming one would make old journals unreadable. */
    @Override
    public Map<String, Class<? extends Observation>> recordTypes() {
        Map<String, Class<? extends Observation>> types = new LinkedHashMap<>();
        types.put("docker.engine", EngineObserved.class);
        types.put("docker.unreachable", EngineUnreachable.class);
        types.put("docker.container", ContainerObserved.class);
        types.put("docker.event", ContainerEventObserved.class);
        types.put("docker.containers", ContainersListed.class);
        types.put("docker.images", ImagesListed.class);
        types.put("docker.event-history", EventHistoryRead.class);
        types.put("docker.stats", ContainerStatsObserved.class);
        types.put("http.probe", HttpProbed.class);
        types.put("vm.hypervisor", HypervisorObserved.class);
        types.put("vm.hypervisor-absent", HypervisorNotFound.class);
        types.put("vm.machine", VmObserved.class);
        types.put("vm.probe-failed", VmProbeFailed.class);
        types.put("vm.probe-run", VmProbeRun.class);
        return types;
    }

    /**
     * "docker": one snapshot of the engine through the connection check opened early (containers, events, images,
     * the pages they serve, their figures); "vm": every hypervisor on the machine and its VMs.
     */
    @Override
    public Map<String, LabProbe> probes() {
        Map<String, LabProbe> probes = new LinkedHashMap<>();
        probes.put("docker", new LabProbe() {
            @Override
            public void observe(ProbeRun run) {
                // check opened the connection for every probe; a run given none (a probe observed alone) opens its own
                DockerProbing.Connection connection = run.connection(DockerProbing.Connection.class)
                        .orElseGet(() -> DockerProbing.connect(run.bundle().clock(), run.source()));
                DockerProbing.check(run.bundle(), connection, run.source(), run.historyFloor());
            }

            @Override
            public Optional<Class<? extends LiveSource>> followedBy() {
                return Optional.of(DockerLiveSource.class);
            }
        });
        probes.put("vm", run -> VmProbing.check(run.bundle(), run.source()));
        return probes;
    }

    @Override
    public Set<String> fingerprints(List<Observation> observations) {
        return MachineIdentifiers.of(observations);
    }

    /** The engine's raw captures (docker inspect, the container list) against the journal's records of them. */
    @Override
    public Optional<LocalizedText> inconsistency(Evidence evidence) {
        ConsistencyReport consistency = RawCrossCheck.of(evidence);
        if (consistency.clean()) {
            return Optional.empty();
        }
        return Optional.of(LabText.BUNDLE.text("lab.inconsistent", Disagreements.summary(consistency, SHOWN_PROBLEMS)));
    }

    @Override
    public List<ReportSection> reportSections() {
        return List.of(new VmInventorySection(), new ComparisonSection());
    }
}
