package io.labgrader.probe.vm;

import io.labgrader.evidence.EvidenceBundle;
import io.labgrader.evidence.Observation;
import io.labgrader.evidence.vm.HypervisorObserved;
import io.labgrader.evidence.vm.VmObserved;
import io.labgrader.evidence.vm.VmProbeFailed;
import io.labgrader.evidence.vm.VmProbeRun;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The VM part of check: every registered hypervisor probe runs (in parallel, each time-bounded), and everything they
 * saw is recorded into the bundle, in registry order, all with the run's start time. Nothing here decides a score;
 * a hanging or failing tool becomes a {@link VmProbeFailed} naming what was tried.
 *
 * <p>Only hypervisor-side evidence is read: hypervisor tools and their settings files. The host's own
 * /etc/os-release, and anything about containers, is never VM evidence.
 */
public final class VmProbing {

    private VmProbing() {
    }

    /** Probes this machine with the default settings. */
    public static void check(EvidenceBundle bundle, String source) {
        check(bundle, source, VmProbeSettings.defaults());
    }

    public static void check(EvidenceBundle bundle, String source, VmProbeSettings settings) {
        Instant at = bundle.clock().instant();
        long start = System.nanoTime();
        List<ProbeContext> contexts = new ArrayList<>();
        List<Future<?>> futures = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, settings.probes().size()), r -> {
            Thread t = new Thread(r, "vm-probe");
            t.setDaemon(true);
            return t;
        });
        try {
            for (VmProbe probe : settings.probes()) {
                ProbeContext ctx = new ProbeContext(probe.hypervisor(), settings, bundle, at, source);
                contexts.add(ctx);
                futures.add(pool.submit(() -> runSafely(probe, ctx)));
            }
            long deadline = System.nanoTime() + settings.perProbe().toNanos() + TimeUnit.SECONDS.toNanos(15);
            for (int i = 0; i < futures.size(); i++) {
                ProbeContext ctx = contexts.get(i);
                try {
                    futures.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    String doing = ctx.current();
                    ctx.abandon("stopped after " + settings.perProbe().toSeconds() + " s");
                    futures.get(i).cancel(true);
                    ctx.failed(VmProbeFailed.Step.DETAILS, null, doing.isEmpty() ? ctx.hypervisor() + " probe" : doing,
                            VmProbeFailed.Problem.TIMEOUT, null, "the " + ctx.hypervisor() + " probe did not finish within "
                                    + settings.perProbe().toSeconds() + " s and was stopped", settings.perProbe().toMillis(), null);
                } catch (ExecutionException e) {
                    ctx.failed(VmProbeFailed.Step.DETAILS, null, ctx.hypervisor() + " probe", VmProbeFailed.Problem.OTHER, null,
                            String.valueOf(e.getCause()), 0, null);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> found = new ArrayList<>();
        int vms = 0;
        for (ProbeContext ctx : contexts) {
            for (Observation o : ctx.observations()) {
                bundle.record(o);
                if (o instanceof HypervisorObserved h && !found.contains(h.hypervisor())) {
                    found.add(h.hypervisor());
                }
                if (o instanceof VmObserved) {
                    vms++;
                }
            }
        }
        HostEnvironment host = settings.host();
        bundle.record(new VmProbeRun(at, source, host.os().id(), host.insideContainer(), host.hostVirtualization(),
                found, vms, (System.nanoTime() - start) / 1_000_000));
    }

    private static void runSafely(VmProbe probe, ProbeContext ctx) {
        try {
            probe.probe(ctx);
        } catch (RuntimeException e) {
            // a format nobody anticipated must not end the whole check: it is recorded like any other failure
            ctx.failed(VmProbeFailed.Step.DETAILS, null, probe.hypervisor() + " probe" + (ctx.current().isEmpty() ? "" : " (" + ctx.current() + ")"),
                    VmProbeFailed.Problem.UNREADABLE, null, e.getClass().getSimpleName() + ": " + e.getMessage(), 0, null);
        }
    }
}
