package io.labgrader.evidence.vm;

import io.labgrader.evidence.Observation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The VM part of a journal: every hypervisor and every VM found, merged over all checks. A pure function of the
 * observations; reports show it ("examine resources and network") and the VM grader judges it.
 *
 * <pre>{@code
 * VmInventory inv = VmInventory.of(evidence.observations());
 * for (VmSummary vm : inv.vms()) console.println(vm.text());
 * }</pre>
 *
 * @param hypervisors every hypervisor found installed, latest observation of each, in {@link HypervisorIds} order
 * @param vms         every VM found, one entry per VM (hypervisor + uuid), sorted by hypervisor, then name
 * @param problems    what went wrong in the latest run of each hypervisor's probe (older failures that a later
 *                    run no longer had are dropped)
 * @param lastRun     the latest VM probe run, if the VM probes ever ran
 */
public record VmInventory(List<HypervisorObserved> hypervisors, List<VmSummary> vms, List<VmProbeFailed> problems,
                          Optional<VmProbeRun> lastRun) {

    public VmInventory {
        hypervisors = List.copyOf(hypervisors);
        vms = List.copyOf(vms);
        problems = List.copyOf(problems);
    }

    /** The VM summaries only: what the report's "VMs found" table lists. */
    public static List<VmSummary> summaries(List<Observation> observations) {
        return of(observations).vms();
    }

    public static VmInventory of(List<Observation> observations) {
        Map<String, HypervisorObserved> hypervisors = new LinkedHashMap<>();
        Map<String, List<VmObserved>> byVm = new LinkedHashMap<>();
        Map<String, Instant> lastRunOf = new LinkedHashMap<>();
        List<VmProbeFailed> failures = new ArrayList<>();
        VmProbeRun lastRun = null;
        for (Observation o : observations) {
            if (o instanceof HypervisorObserved h) {
                HypervisorObserved earlier = hypervisors.get(h.hypervisor());
                if (earlier == null || !h.at().isBefore(earlier.at())) {
                    hypervisors.put(h.hypervisor(), h);
                }
                lastRunOf.merge(h.hypervisor(), h.at(), VmInventory::later);
            } else if (o instanceof HypervisorNotFound n) {
                lastRunOf.merge(n.hypervisor(), n.at(), VmInventory::later);
            } else if (o instanceof VmObserved v) {
                byVm.computeIfAbsent(v.key(), k -> new ArrayList<>()).add(v);
            } else if (o instanceof VmProbeFailed f) {
                failures.add(f);
            } else if (o instanceof VmProbeRun r) {
                if (lastRun == null || !r.at().isBefore(lastRun.at())) {
                    lastRun = r;
                }
            }
        }
        List<VmSummary> vms = new ArrayList<>();
        for (List<VmObserved> seen : byVm.values()) {
            vms.add(merge(seen, hypervisors.get(seen.get(0).hypervisor())));
        }
        vms.sort(Comparator.comparingInt((VmSummary s) -> HypervisorIds.order(s.hypervisor()))
                .thenComparing(s -> s.name() == null ? "" : s.name().toLowerCase(java.util.Locale.ROOT))
                .thenComparing(s -> s.uuid() == null ? "" : s.uuid()));
        List<VmProbeFailed> current = failures.stream()
                .filter(f -> !f.at().isBefore(lastRunOf.getOrDefault(f.hypervisor(), f.at())))
                .toList();
        List<HypervisorObserved> found = hypervisors.values().stream()
                .sorted(Comparator.comparingInt(h -> HypervisorIds.order(h.hypervisor()))).toList();
        return new VmInventory(found, vms, current, Optional.ofNullable(lastRun));
    }

    /** The VMs of one hypervisor. */
    public List<VmSummary> vmsOf(String hypervisor) {
        return vms.stream().filter(v -> v.hypervisor().equals(hypervisor)).toList();
    }

    public Optional<HypervisorObserved> hypervisor(String id) {
        return hypervisors.stream().filter(h -> h.hypervisor().equals(id)).findFirst();
    }

    /** Nothing about VMs in the evidence at all: the VM probes never ran. */
    public boolean isEmpty() {
        return hypervisors.isEmpty() && vms.isEmpty() && problems.isEmpty() && lastRun.isEmpty();
    }

    private static VmSummary merge(List<VmObserved> seen, HypervisorObserved hypervisor) {
        List<VmObserved> ordered = new ArrayList<>(seen);
        ordered.sort(Comparator.comparing(VmObserved::at)); // stable: equal times keep journal order
        VmObserved latest = ordered.get(ordered.size() - 1);
        GuestReport guest = null;
        Instant guestSeenAt = null;
        boolean everUp = false;
        Map<String, BootSign> signs = new LinkedHashMap<>();
        for (VmObserved v : ordered) {
            if (v.guest() != null) {
                guest = v.guest();
                guestSeenAt = v.at();
            }
            everUp |= v.state().isUp();
            for (BootSign b : v.bootSigns()) {
                signs.merge(b.kind() + "/" + b.detail(), b, (a, c) -> later(a.when(), c.when()) == c.when() ? c : a);
            }
        }
        String version = latest.hypervisorVersion() != null ? latest.hypervisorVersion()
                : hypervisor != null ? hypervisor.version() : null;
        String name = hypervisor != null && hypervisor.product() != null && latest.hypervisor().equals(HypervisorIds.VMWARE)
                ? hypervisor.product() : HypervisorIds.displayName(latest.hypervisor());
        return new VmSummary(latest.hypervisor(), name, version, latest.name(), latest.uuid(), latest.state(),
                latest.rawState(), latest.declaredOs(), latest.declaredOsId(), guest, guestSeenAt, latest.memoryMb(),
                latest.cpus(), latest.disks(), latest.nics(), everUp, List.copyOf(signs.values()), latest.location(),
                latest.via(), ordered.get(0).at(), latest.at());
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return b.isAfter(a) ? b : a;
    }
}
