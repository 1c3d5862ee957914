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
                LocalizedText tried = VmText.tried(silent);
                PassNote.publish(reporter, LocalizedText.of(
                        "Installiert, aber der Hypervisor hat nicht geantwortet: " + tried.de() + ".",
                        "Installed, but the hypervisor did not answer: " + tried.en() + "."));
            }
            return;
        }
        if (f.neverProbed()) {
            throw new NotGradableException(LocalizedText.of(
                    "Die Nachweise enthalten keine Suche nach Hypervisoren. Führen Sie \"labgrader check\" auf dem Rechner aus, auf dem Sie die VM angelegt haben.",
                    "The evidence holds no search for hypervisors. Run \"labgrader check\" on the computer where you created the VM."));
        }
        LocalizedText expected = VmText.either(VmText.names(f.counted()));
        List<HypervisorObserved> others = f.others();
        if (!others.isEmpty()) {
            String list = others.stream().map(VmFindings::label).collect(Collectors.joining(", "));
            throw fail("Erwartet: " + expected.de() + " installiert. Gefunden: nur " + list + ", das diese Bewertungsvorgabe nicht zählt.",
                    "Expected " + expected.en() + " installed, but found only " + list + ", which this rubric does not count.");
        }
        LocalizedText looked = VmText.looked(f.searches());
        LocalizedText where = looked.isBlank() ? LocalizedText.same("") : LocalizedText.of(" (gesucht: " + looked.de() + ")", " (looked: " + looked.en() + ")");
        LocalizedText note = hostNote(f.lastRun());
        throw fail("Erwartet: " + expected.de() + " installiert. Gefunden: kein Hypervisor" + where.de() + "." + note.de(),
                "Expected " + expected.en() + " installed, but found no hypervisor" + where.en() + "." + note.en());
    }

    @Criterion("vm.exists")
    void exists(CriterionContext ctx) {
        VmFindings f = findings(ctx);
        if (!f.vms().isEmpty()) {
            return;
        }
        List<VmProbeFailed> failures = f.failures(EnumSet.of(Step.DETECT, Step.LIST));
        if (!failures.isEmpty()) {
            throw notGradable("Die Liste der VMs konnte nicht gelesen werden. Versucht: ", "The list of VMs could not be read. Tried: ", failures);
        }
        List<String> installed = f.installed().stream().map(VmFindings::label).toList();
        throw fail("Erwartet: mindestens eine VM in " + VmText.joinLast(installed, " oder ") + ". Gefunden: keine VM.",
                "Expected at least one VM in " + VmText.joinLast(installed, " or ") + ", but found none.");
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
            throw notGradable("Keine der gelesenen VMs hat einen Ubuntu-Gast, aber nicht alles konnte gelesen werden. Versucht: ",
                    "None of the VMs read has an Ubuntu guest, but not everything could be read. Tried: ", failures);
        }
        List<VmSummary> contradicted = vms.stream().filter(v -> VmOs.of(v).basis() == VmOs.Basis.CONTRADICTED).toList();
        if (!contradicted.isEmpty()) {
            VmSummary v = contradicted.get(0);
            throw fail("Erwartet: eine VM mit Ubuntu als Gastsystem. Gefunden: '" + v.name() + "' ist als " + v.declaredOsText()
                            + " angelegt, aber der Gast selbst meldet " + v.guestOs() + ".",
                    "Expected a VM with an Ubuntu guest, but '" + v.name() + "' is declared " + v.declaredOsText()
                            + " while the guest itself reports " + v.guestOs() + ".");
        }
        LocalizedText list = VmText.vms(vms, 5);
        boolean silent = vms.stream().anyMatch(v -> v.declaredOs() == null && v.declaredOsId() == null && v.guest() == null);
        LocalizedText note = silent ? LocalizedText.of(
                " Wo der Hypervisor keinen Betriebssystemtyp speichert (Hyper-V), kann nur der laufende Gast Auskunft geben:"
                        + " starten Sie die VM und führen Sie \"labgrader check\" aus, während sie läuft.",
                " Where the hypervisor keeps no OS type (Hyper-V), only the running guest can tell: start the VM and run"
                        + " \"labgrader check\" while it runs.") : LocalizedText.same("");
        throw fail("Erwartet: eine VM mit Ubuntu als Gastsystem (als Betriebssystemtyp gewählt oder vom Gast gemeldet). Gefunden: " + list.de() + "." + note.de(),
                "Expected a VM with an Ubuntu guest (chosen as its OS type or reported by the guest), but found " + list.en() + "." + note.en());
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
            throw notGradable("Ob Ubuntu in der VM installiert ist, konnte nicht gelesen werden. Versucht: ",
                    "Whether Ubuntu is installed in the VM could not be read. Tried: ", failures);
        }
        if (ubuntu.isEmpty()) {
            throw fail("Erwartet: eine VM mit Ubuntu-Gast. Gefunden: keine.", "Expected a VM with an Ubuntu guest, but found none.");
        }
        VmSummary v = ubuntu.stream().max(Comparator.comparingInt(x -> progress(VmInstall.of(x, minDisk)))).orElseThrow();
        VmInstall verdict = VmInstall.of(v, minDisk);
        String expectedDe = "Erwartet: ein installiertes Ubuntu, das gelaufen ist (Bericht des Gastes über Guest Additions, VMware Tools, "
                + "Gast-Agent o. ä., oder gestartet mit installiertem System auf der Festplatte). Gefunden: ";
        String expectedEn = "Expected an installed Ubuntu that has run (a report of the guest through Guest Additions, VMware Tools, "
                + "a guest agent or similar, or started with an installed system on its disk), but found ";
        String name = "'" + v.name() + "'";
        switch (verdict.kind()) {
            case NEVER_STARTED -> throw fail(expectedDe + name + " ist als " + v.declaredOsText()
                            + " angelegt, wurde aber nie gestartet (kein Protokoll, kein Bericht des Gastes); der gewählte Typ allein zeigt keine Installation.",
                    expectedEn + name + " declared " + v.declaredOsText()
                            + " but never started (no log, no report of the guest); the type chosen in the wizard alone shows no installation.");
            case DISK_TOO_SMALL -> throw fail(expectedDe + name + " wurde gestartet, aber seine Festplatte belegt nur "
                            + VmText.bytes(verdict.diskBytes()) + " (mindestens " + VmText.bytes(minDisk) + " erwartet): Ubuntu ist dort noch nicht installiert.",
                    expectedEn + name + " started, but its disk holds only " + VmText.bytes(verdict.diskBytes())
                            + " (at least " + VmText.bytes(minDisk) + " expected): Ubuntu is not installed on it yet.");
            default -> throw fail(expectedDe + name + " wurde gestartet, aber weder ein Bericht des Gastes noch die Belegung der Festplatte zeigen ein installiertes Ubuntu.",
                    expectedEn + name + " started, but neither a report of the guest nor the use of its disk shows an installed Ubuntu.");
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
            throw notGradable("Die Netzwerkeinstellungen der VM konnten nicht gelesen werden. Versucht: ",
                    "The VM's network settings could not be read. Tried: ", failures);
        }
        LocalizedText wanted = VmText.modes(modes);
        if (ubuntu.isEmpty()) {
            throw fail("Erwartet: eine Ubuntu-VM mit einem Netzwerkadapter im Modus " + wanted.de() + ". Gefunden: keine Ubuntu-VM.",
                    "Expected an Ubuntu VM with a network adapter in " + wanted.en() + " mode, but found no Ubuntu VM.");
        }
        List<String> de = new ArrayList<>();
        List<String> en = new ArrayList<>();
        for (VmSummary v : ubuntu.stream().limit(3).toList()) {
            List<VmNic> nics = v.nics();
            LocalizedText found = nics.isEmpty() ? LocalizedText.of("kein Netzwerkadapter", "no network adapter") : VmText.nics(nics);
            de.add("'" + v.name() + "': " + found.de());
            en.add(found.en() + " on '" + v.name() + "'");
        }
        throw fail("Erwartet: ein Netzwerkadapter im Modus " + wanted.de() + ". Gefunden: " + String.join("; ", de) + ".",
                "Expected a network adapter in " + wanted.en() + " mode, but found " + String.join("; ", en) + ".");
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
            return LocalizedText.of(
                    " labgrader lief in einem Container, in dem die Hypervisoren Ihres Rechners nicht sichtbar sind: führen Sie \"labgrader check\" direkt auf Ihrem Rechner aus.",
                    " labgrader ran inside a container, where your computer's hypervisors are not visible: run \"labgrader check\" directly on your computer.");
        }
        if (run.get().hostVirtualization() != null) {
            String what = run.get().hostVirtualization();
            return LocalizedText.of(
                    " labgrader lief selbst in einer VM (" + what + "): führen Sie \"labgrader check\" auf dem Rechner aus, auf dem der Hypervisor installiert ist.",
                    " labgrader itself ran in a VM (" + what + "): run \"labgrader check\" on the computer where the hypervisor is installed.");
        }
        return LocalizedText.same("");
    }

    private static NotGradableException notGradable(String de, String en, List<VmProbeFailed> failures) {
        LocalizedText tried = VmText.tried(failures);
        LocalizedText advice = VmText.advice(failures);
        return new NotGradableException(LocalizedText.of(de + tried.de() + ". " + advice.de(), en + tried.en() + ". " + advice.en()));
    }

    private static VmFindings findings(CriterionContext ctx) {
        return new VmFindings(ctx.evidence().observations(), VmParams.hypervisors(ctx));
    }

    private static CriterionFailed fail(String de, String en) {
        return new CriterionFailed(LocalizedText.of(de, en));
    }
}
