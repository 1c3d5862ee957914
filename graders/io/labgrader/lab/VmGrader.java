package io.labgrader.lab;

import io.labgrader.evidence.vm.HypervisorObserved;
import io.labgrader.evidence.vm.NicMode;
import io.labgrader.evidence.vm.VmNic;
import io.labgrader.evidence.vm.VmProbeFailed;
import io.labgrader.evidence.vm.VmProbeFailed.Step;
import io.labgrader.evidence.vm.VmProbeRun;
import io.labgrader.evidence.vm.VmSummary;
import io.labgrader.grading.Criterion;
import io.labgrader.grading.CriterionContext;
import io.labgrader.grading.CriterionFailed;
import io.labgrader.grading.GradingSuite;
import io.labgrader.grading.NotGradableException;
import io.labgrader.grading.PassNote;
import io.labgrader.rubric.LocalizedText;
import org.junit.jupiter.api.TestReporter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Grades the VM section: a hypervisor installed, a VM registered, an Ubuntu guest, really installed and run, with
 * a network adapter in NAT, bridged or host-only mode. Judges only hypervisor-side evidence: an Ubuntu container is
 * never a VM. Every check of the journal counts; a guest report seen while the VM ran stays valid after it stops.
 * A probe that could not read something makes a criterion NOT_GRADABLE only if nothing else decides it.
 */
@GradingSuite("vm")
@org.junit.jupiter.api.DisplayName("vm") // Surefire takes the XML testcase classname from an explicit class display name only
class VmGrader {

    @Criterion("vm.hypervisor")
    void hypervisor(CriterionContext ctx, TestReporter reporter) {
        VmFindings f = findings(ctx);
        if (!f.installed().isEmpty()) {
            // installed counts; that it did not answer is said here, so the student is not left wondering
            List<VmProbeFailed> silent = f.failures(EnumSet.allOf(Step.class)).stream()
                    .filter(x -> x.problem() == VmProbeFailed.Problem.TIMEOUT).toList();
            if (!silent.isEmpty()) {
                PassNote.publish(reporter, LabText.text("vm.hypervisor.silent", VmText.tried(silent)));
            }
            return;
        }
        if (f.neverProbed()) {
            throw new NotGradableException(LabText.text("vm.hypervisor.neverProbed"));
        }
        LocalizedText expected = VmText.either(VmText.names(f.counted()));
        List<HypervisorObserved> others = f.others();
        if (!others.isEmpty()) {
            String list = others.stream().map(VmFindings::label).collect(Collectors.joining(", "));
            throw fail("vm.hypervisor.onlyOthers", expected, list);
        }
        LocalizedText looked = VmText.looked(f.searches());
        LocalizedText where = looked.isBlank() ? LocalizedText.same("") : LabText.text("vm.hypervisor.looked", looked);
        throw fail("vm.hypervisor.none", expected, where, hostNote(f.lastRun()));
    }

    @Criterion("vm.exists")
    void exists(CriterionContext ctx) {
        VmFindings f = findings(ctx);
        if (!f.vms().isEmpty()) {
            return;
        }
        List<VmProbeFailed> failures = f.failures(EnumSet.of(Step.DETECT, Step.LIST));
        if (!failures.isEmpty()) {
            throw notGradable("vm.exists.unreadable", failures);
        }
        List<String> installed = f.installed().stream().map(VmFindings::label).toList();
        throw fail("vm.exists.none", VmText.either(installed));
    }

    @Criterion("vm.ubuntu-guest")
    void ubuntuGuest(CriterionContext ctx) {
        VmFindings f = findings(ctx);
        List<VmSummary> vms = f.vms();
        if (vms.stream().anyMatch(v -> VmOs.of(v).ubuntu())) {
            return;
        }
        List<VmProbeFailed> failures = f.failures(EnumSet.of(Step.LIST, Step.DETAILS, Step.GUEST));
        if (!failures.isEmpty()) {
            throw notGradable("vm.ubuntu.unreadable", failures);
        }
        List<VmSummary> contradicted = vms.stream().filter(v -> VmOs.of(v).basis() == VmOs.Basis.CONTRADICTED).toList();
        if (!contradicted.isEmpty()) {
            VmSummary v = contradicted.get(0);
            throw fail("vm.ubuntu.contradicted", v.name(), v.declaredOsText(), v.guestOs());
        }
        LocalizedText list = VmText.vms(vms, 5);
        boolean silent = vms.stream().anyMatch(v -> v.declaredOs() == null && v.declaredOsId() == null && v.guest() == null);
        LocalizedText note = silent ? LabText.text("vm.ubuntu.silentNote") : LocalizedText.same("");
        throw fail("vm.ubuntu.none", list, note);
    }

    @Criterion("vm.guest-installed")
    void guestInstalled(CriterionContext ctx) {
        VmFindings f = findings(ctx);
        long minDisk = VmParams.minInstalledDiskBytes(ctx);
        List<VmSummary> ubuntu = ubuntuVms(f);
        if (ubuntu.stream().anyMatch(v -> VmInstall.of(v, minDisk).installed())) {
            return;
        }
        List<VmProbeFailed> failures = f.failuresAbout(ubuntu, EnumSet.of(Step.DETAILS, Step.GUEST));
        if (!failures.isEmpty()) {
            throw notGradable("vm.installed.unreadable", failures);
        }
        if (ubuntu.isEmpty()) {
            throw fail("vm.installed.noUbuntu");
        }
        VmSummary v = ubuntu.stream().max(Comparator.comparingInt(x -> progress(VmInstall.of(x, minDisk)))).orElseThrow();
        VmInstall verdict = VmInstall.of(v, minDisk);
        LocalizedText expected = LabText.text("vm.installed.expected");
        switch (verdict.kind()) {
            case NEVER_STARTED -> throw fail("vm.installed.neverStarted", expected, v.name(), v.declaredOsText());
            case DISK_TOO_SMALL -> throw fail("vm.installed.diskTooSmall", expected, v.name(), VmText.bytes(verdict.diskBytes()), VmText.bytes(minDisk));
            default -> throw fail("vm.installed.noProof", expected, v.name());
        }
    }

    @Criterion("vm.network")
    void network(CriterionContext ctx) {
        VmFindings f = findings(ctx);
        List<NicMode> modes = VmParams.modes(ctx);
        List<VmSummary> ubuntu = ubuntuVms(f);
        if (ubuntu.stream().anyMatch(v -> v.nics().stream().anyMatch(n -> modes.contains(n.mode())))) {
            return;
        }
        List<VmProbeFailed> failures = f.failuresAbout(ubuntu, EnumSet.of(Step.DETAILS));
        if (!failures.isEmpty()) {
            throw notGradable("vm.network.unreadable", failures);
        }
        LocalizedText wanted = VmText.modes(modes);
        if (ubuntu.isEmpty()) {
            throw fail("vm.network.noUbuntu", wanted);
        }
        List<LocalizedText> found = new ArrayList<>();
        for (VmSummary v : ubuntu.stream().limit(3).toList()) {
            List<VmNic> nics = v.nics();
            found.add(LabText.text("vm.network.found", v.name(), nics.isEmpty() ? LabText.text("vm.network.noAdapter") : VmText.nics(nics)));
        }
        throw fail("vm.network.wrong", wanted, LocalizedText.join(found, "; "));
    }

    // ------------------------------------------------------------------------------------------------------------

    /** The Ubuntu VMs, those the guest itself confirmed first. */
    private static List<VmSummary> ubuntuVms(VmFindings f) {
        return f.vms().stream().filter(v -> VmOs.of(v).ubuntu())
                .sorted(Comparator.comparing((VmSummary v) -> VmOs.of(v).basis() != VmOs.Basis.GUEST))
                .toList();
    }

    /** How far towards an installed guest a VM got, to explain the most advanced one. */
    private static int progress(VmInstall i) {
        return switch (i.kind()) {
            case GUEST_REPORT, STARTED_WITH_DISK -> 4;
            case DISK_TOO_SMALL -> 3;
            case NO_PROOF -> 2;
            case NEVER_STARTED -> 1;
        };
    }

    /** Why no hypervisor is visible when labgrader runs in a container or in a VM itself. */
    private static LocalizedText hostNote(Optional<VmProbeRun> run) {
        if (run.isEmpty()) {
            return LocalizedText.same("");
        }
        if (run.get().insideContainer()) {
            return LabText.text("vm.host.container");
        }
        if (run.get().hostVirtualization() != null) {
            return LabText.text("vm.host.vm", run.get().hostVirtualization());
        }
        return LocalizedText.same("");
    }

    private static NotGradableException notGradable(String key, List<VmProbeFailed> failures) {
        return new NotGradableException(LabText.text(key, VmText.tried(failures), VmText.advice(failures)));
    }

    private static VmFindings findings(CriterionContext ctx) {
        return new VmFindings(ctx.evidence().observations(), VmParams.hypervisors(ctx));
    }

    private static CriterionFailed fail(String key, Object... args) {
        return new CriterionFailed(LabText.text(key, args));
    }
}
