package io.labgrader.lab;

import io.labgrader.evidence.vm.HypervisorIds;
import io.labgrader.evidence.vm.HypervisorNotFound;
import io.labgrader.evidence.vm.NicMode;
import io.labgrader.evidence.vm.VmNic;
import io.labgrader.evidence.vm.VmProbeFailed;
import io.labgrader.evidence.vm.VmSummary;
import io.labgrader.rubric.LocalizedText;

import java.util.ArrayList;
import java.util.List;

/** The words of the VM criteria's messages: keys of the lab's bundle, put into words in the reader's language. */
final class VmText {

    private VmText() {
    }

    /** "A, B or C" / "A, B oder C" */
    static LocalizedText either(List<String> items) {
        return eitherOf(items.stream().map(LocalizedText::same).toList());
    }

    private static LocalizedText eitherOf(List<LocalizedText> items) {
        if (items.isEmpty()) {
            return LocalizedText.same("");
        }
        if (items.size() == 1) {
            return items.get(0);
        }
        return LabText.text("vm.list.or", LocalizedText.join(items.subList(0, items.size() - 1), ", "), items.get(items.size() - 1));
    }

    static List<String> names(List<String> hypervisorIds) {
        return hypervisorIds.stream().map(HypervisorIds::displayName).toList();
    }

    /** "host-only" / "Host-only": the mode's name as the hypervisors' own manuals say it. */
    static LocalizedText mode(NicMode m) {
        return LabText.text("vm.mode." + m.name());
    }

    static LocalizedText modes(List<NicMode> modes) {
        return eitherOf(modes.stream().map(VmText::mode).toList());
    }

    /** "adapter 1: host-only (vboxnet0, …)" */
    static LocalizedText nics(List<VmNic> nics) {
        List<LocalizedText> shown = new ArrayList<>();
        for (VmNic n : nics) {
            String raw = n.rawMode() == null || n.rawMode().isBlank() ? "" : ", " + n.rawMode();
            String at = n.attachment() == null || n.attachment().isBlank() || (n.rawMode() != null && n.rawMode().contains(n.attachment()))
                    ? "" : " " + n.attachment();
            String detail = (at + raw).replaceFirst("^[ ,]+", "");
            shown.add(LabText.text("vm.nic", n.index(), mode(n.mode()), detail.isEmpty() ? "" : " (" + detail + ")"));
        }
        return LocalizedText.join(shown, "; ");
    }

    /** "'ubuntu' (VirtualBox 7.1.4; type: Ubuntu (64-bit); guest reports: nothing)" */
    static LocalizedText vm(VmSummary vm) {
        String declared = vm.declaredOs() == null && vm.declaredOsId() == null ? null : vm.declaredOsText();
        String guest = vm.guestOs();
        return LabText.text("vm.summary", vm.name(), vm.hypervisorLabel(),
                declared == null ? LabText.text("vm.summary.noType") : LocalizedText.same(declared),
                guest == null ? LabText.text("vm.summary.noGuest") : LocalizedText.same(guest));
    }

    static LocalizedText vms(List<VmSummary> vms, int max) {
        LocalizedText listed = LocalizedText.join(vms.stream().limit(max).map(VmText::vm).toList(), "; ");
        return vms.size() > max ? listed.append(LabText.text("vm.more", vms.size() - max), "") : listed;
    }

    /** Every place searched, per hypervisor, shortened. */
    static LocalizedText looked(List<HypervisorNotFound> searches) {
        List<LocalizedText> shown = new ArrayList<>();
        for (HypervisorNotFound n : searches) {
            List<String> places = n.looked();
            String first = String.join(", ", places.subList(0, Math.min(4, places.size())));
            int more = places.size() - Math.min(4, places.size());
            LocalizedText these = LocalizedText.same(HypervisorIds.displayName(n.hypervisor()) + ": " + first);
            shown.add(more > 0 ? these.append(LabText.text("vm.looked.more", more), "") : these);
        }
        return LocalizedText.join(shown, "; ");
    }

    /** "VBoxManage list vms (did not finish within 30 s and was stopped)" for each failure. */
    static LocalizedText tried(List<VmProbeFailed> failures) {
        List<LocalizedText> shown = new ArrayList<>();
        for (VmProbeFailed f : failures.stream().limit(4).toList()) {
            String detail = f.detail() == null || f.detail().isBlank() ? "" : ": " + f.detail();
            String secs = Math.round(f.millis() / 1000.0) + " s";
            shown.add(LabText.text("vm.tried", f.tried(),
                    LabText.text("vm.problem." + f.problem().name(), secs, String.valueOf(f.exitCode()), detail)));
        }
        if (failures.size() > 4) {
            shown.add(LabText.text("vm.tried.more", failures.size() - 4));
        }
        return LocalizedText.join(shown, "; ");
    }

    /** What to do about the most telling failure. */
    static LocalizedText advice(List<VmProbeFailed> failures) {
        boolean denied = failures.stream().anyMatch(f -> f.problem() == VmProbeFailed.Problem.ACCESS_DENIED);
        boolean notRunning = failures.stream().anyMatch(f -> f.problem() == VmProbeFailed.Problem.NOT_RUNNING);
        boolean timeout = failures.stream().anyMatch(f -> f.problem() == VmProbeFailed.Problem.TIMEOUT);
        if (denied) {
            return LabText.text("vm.advice.denied");
        }
        if (notRunning) {
            return LabText.text("vm.advice.notRunning");
        }
        if (timeout) {
            return LabText.text("vm.advice.timeout");
        }
        return LabText.text("vm.advice.other");
    }

    static String bytes(long b) {
        return VmSummary.bytes(b);
    }
}
