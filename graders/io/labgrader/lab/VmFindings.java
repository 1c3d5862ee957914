package io.labgrader.lab;

import io.labgrader.evidence.Observation;
import io.labgrader.evidence.vm.HypervisorNotFound;
import io.labgrader.evidence.vm.HypervisorObserved;
import io.labgrader.evidence.vm.VmInventory;
import io.labgrader.evidence.vm.VmProbeFailed;
import io.labgrader.evidence.vm.VmProbeRun;
import io.labgrader.evidence.vm.VmSummary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The VM part of the evidence, seen through one criterion's list of hypervisors that count: which of them are
 * installed, their VMs, and what could not be read in their latest probe run.
 */
final class VmFindings {

    private final VmInventory inventory;
    private final List<String> counted;
    private final Map<String, HypervisorNotFound> notFound = new LinkedHashMap<>();

    VmFindings(List<Observation> observations, List<String> counted) {
        this.inventory = VmInventory.of(observations);
        this.counted = List.copyOf(counted);
        for (Observation o : observations) {
            if (o instanceof HypervisorNotFound n) {
                HypervisorNotFound earlier = notFound.get(n.hypervisor());
                if (earlier == null || !n.at().isBefore(earlier.at())) {
                    notFound.put(n.hypervisor(), n);
                }
            }
        }
    }

    List<String> counted() {
        return counted;
    }

    /** Nothing about VMs in the evidence: the VM probes never ran. */
    boolean neverProbed() {
        return inventory.isEmpty() && notFound.isEmpty();
    }

    /** The counted hypervisors found installed. */
    List<HypervisorObserved> installed() {
        return inventory.hypervisors().stream().filter(h -> counted.contains(h.hypervisor())).toList();
    }

    /** Hypervisors found that the rubric does not count. */
    List<HypervisorObserved> others() {
        return inventory.hypervisors().stream().filter(h -> !counted.contains(h.hypervisor())).toList();
    }

    /** Where the counted hypervisors were looked for, latest search of each. */
    List<HypervisorNotFound> searches() {
        return counted.stream().map(notFound::get).filter(java.util.Objects::nonNull).toList();
    }

    /** The VMs of the counted hypervisors. */
    List<VmSummary> vms() {
        return inventory.vms().stream().filter(v -> counted.contains(v.hypervisor())).toList();
    }

    /** What went wrong, in the latest run, for the counted hypervisors at the given steps. */
    List<VmProbeFailed> failures(Set<VmProbeFailed.Step> steps) {
        return inventory.problems().stream()
                .filter(f -> counted.contains(f.hypervisor()) && steps.contains(f.step()))
                .sorted(Comparator.comparing(VmProbeFailed::step))
                .toList();
    }

    /** Failures at the given steps that concern one of these VMs, or no VM in particular. */
    List<VmProbeFailed> failuresAbout(List<VmSummary> vms, Set<VmProbeFailed.Step> steps) {
        List<VmProbeFailed> result = new ArrayList<>();
        for (VmProbeFailed f : failures(steps)) {
            if (f.vm() == null || vms.stream().anyMatch(v -> v.hypervisor().equals(f.hypervisor()) && f.vm().equals(v.name()))) {
                result.add(f);
            }
        }
        return result;
    }

    Optional<VmProbeRun> lastRun() {
        return inventory.lastRun();
    }

    /** "VirtualBox 7.1.4" for an installed hypervisor. */
    static String label(HypervisorObserved h) {
        String name = h.hypervisor().equals(io.labgrader.evidence.vm.HypervisorIds.VMWARE) && h.product() != null
                ? h.product() : io.labgrader.evidence.vm.HypervisorIds.displayName(h.hypervisor());
        return io.labgrader.evidence.vm.VmSummary.label(name, h.version());
    }
}
