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
import java.util.stream.Collectors;

/** The words of the VM criteria's messages, in German and English. */
final class VmText {

    private VmText() {
    }

    /** "A, B oder C" / "A, B or C" */
    static LocalizedText either(List<String> items) {
        return LocalizedText.of(joinLast(items, " oder "), joinLast(items, " or "));
    }

    static String joinLast(List<String> items, String last) {
        if (items.isEmpty()) {
            return "";
        }
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + last + items.get(items.size() - 1);
    }

    static List<String> names(List<String> hypervisorIds) {
        return hypervisorIds.stream().map(HypervisorIds::displayName).toList();
    }

    static String modeDe(NicMode m) {
        return switch (m) {
            case NAT -> "NAT";
            case NAT_NETWORK -> "NAT-Netzwerk";
            case BRIDGED -> "Netzwerkbrücke";
            case HOST_ONLY -> "Host-only";
            case INTERNAL -> "internes Netzwerk";
            case NONE -> "nicht angeschlossen";
            case OTHER -> "anderer Modus";
        };
    }

    static String modeEn(NicMode m) {
        return switch (m) {
            case NAT -> "NAT";
            case NAT_NETWORK -> "NAT network";
            case BRIDGED -> "bridged";
            case HOST_ONLY -> "host-only";
            case INTERNAL -> "internal network";
            case NONE -> "not attached";
            case OTHER -> "another mode";
        };
    }

    static LocalizedText modes(List<NicMode> modes) {
        return LocalizedText.of(joinLast(modes.stream().map(VmText::modeDe).toList(), " oder "),
                joinLast(modes.stream().map(VmText::modeEn).toList(), " or "));
    }

    /** "Adapter 1: Host-only (vboxnet0, …)" */
    static LocalizedText nics(List<VmNic> nics) {
        List<String> de = new ArrayList<>();
        List<String> en = new ArrayList<>();
        for (VmNic n : nics) {
            String raw = n.rawMode() == null || n.rawMode().isBlank() ? "" : ", " + n.rawMode();
            String at = n.attachment() == null || n.attachment().isBlank() || (n.rawMode() != null && n.rawMode().contains(n.attachment()))
                    ? "" : " " + n.attachment();
            de.add("Adapter " + n.index() + ": " + modeDe(n.mode()) + " (" + (at + raw).replaceFirst("^[ ,]+", "") + ")");
            en.add("adapter " + n.index() + ": " + modeEn(n.mode()) + " (" + (at + raw).replaceFirst("^[ ,]+", "") + ")");
        }
        return LocalizedText.of(String.join("; ", de).replace(" ()", ""), String.join("; ", en).replace(" ()", ""));
    }

    /** "'ubuntu' (VirtualBox 7.1.4; Typ: Ubuntu (64-bit); Gast meldet: –)" */
    static LocalizedText vm(VmSummary vm) {
        String declared = vm.declaredOs() == null && vm.declaredOsId() == null ? null : vm.declaredOsText();
        String guest = vm.guestOs();
        return LocalizedText.of(
                "'" + vm.name() + "' (" + vm.hypervisorLabel() + "; Typ: " + (declared == null ? "keiner" : declared)
                        + "; Gast meldet: " + (guest == null ? "nichts" : guest) + ")",
                "'" + vm.name() + "' (" + vm.hypervisorLabel() + "; type: " + (declared == null ? "none" : declared)
                        + "; guest reports: " + (guest == null ? "nothing" : guest) + ")");
    }

    static LocalizedText vms(List<VmSummary> vms, int max) {
        List<LocalizedText> parts = vms.stream().limit(max).map(VmText::vm).toList();
        String moreDe = vms.size() > max ? "; und " + (vms.size() - max) + " weitere" : "";
        String moreEn = vms.size() > max ? "; and " + (vms.size() - max) + " more" : "";
        return LocalizedText.of(parts.stream().map(LocalizedText::de).collect(Collectors.joining("; ")) + moreDe,
                parts.stream().map(LocalizedText::en).collect(Collectors.joining("; ")) + moreEn);
    }

    /** Every place searched, per hypervisor, shortened. */
    static LocalizedText looked(List<HypervisorNotFound> searches) {
        List<String> de = new ArrayList<>();
        List<String> en = new ArrayList<>();
        for (HypervisorNotFound n : searches) {
            List<String> places = n.looked();
            String shown = String.join(", ", places.subList(0, Math.min(4, places.size())));
            int more = places.size() - Math.min(4, places.size());
            de.add(HypervisorIds.displayName(n.hypervisor()) + ": " + shown + (more > 0 ? " und " + more + " weitere Orte" : ""));
            en.add(HypervisorIds.displayName(n.hypervisor()) + ": " + shown + (more > 0 ? " and " + more + " more places" : ""));
        }
        return LocalizedText.of(String.join("; ", de), String.join("; ", en));
    }

    /** "VBoxManage list vms (hing und wurde nach 30 s beendet)" for each failure. */
    static LocalizedText tried(List<VmProbeFailed> failures) {
        List<String> de = new ArrayList<>();
        List<String> en = new ArrayList<>();
        for (VmProbeFailed f : failures.stream().limit(4).toList()) {
            String detail = f.detail() == null || f.detail().isBlank() ? "" : ": " + f.detail();
            String secs = Math.round(f.millis() / 1000.0) + " s";
            de.add(f.tried() + " (" + switch (f.problem()) {
                case TIMEOUT -> "lief nicht innerhalb von " + secs + " zu Ende und wurde beendet";
                case EXIT_CODE -> "endete mit Exit-Code " + f.exitCode() + detail;
                case NOT_STARTED -> "konnte nicht gestartet werden" + detail;
                case NOT_RUNNING -> "der Dienst des Hypervisors läuft nicht oder ist nicht erreichbar" + detail;
                case ACCESS_DENIED -> "keine Berechtigung" + detail;
                case UNREADABLE -> "nicht lesbar" + detail;
                case OTHER -> "fehlgeschlagen" + detail;
            } + ")");
            en.add(f.tried() + " (" + switch (f.problem()) {
                case TIMEOUT -> "did not finish within " + secs + " and was stopped";
                case EXIT_CODE -> "ended with exit code " + f.exitCode() + detail;
                case NOT_STARTED -> "could not be started" + detail;
                case NOT_RUNNING -> "the hypervisor's service is not running or not reachable" + detail;
                case ACCESS_DENIED -> "permission denied" + detail;
                case UNREADABLE -> "unreadable" + detail;
                case OTHER -> "failed" + detail;
            } + ")");
        }
        if (failures.size() > 4) {
            de.add("und " + (failures.size() - 4) + " weitere");
            en.add("and " + (failures.size() - 4) + " more");
        }
        return LocalizedText.of(String.join("; ", de), String.join("; ", en));
    }

    /** What to do about the most telling failure. */
    static LocalizedText advice(List<VmProbeFailed> failures) {
        boolean denied = failures.stream().anyMatch(f -> f.problem() == VmProbeFailed.Problem.ACCESS_DENIED);
        boolean notRunning = failures.stream().anyMatch(f -> f.problem() == VmProbeFailed.Problem.NOT_RUNNING);
        boolean timeout = failures.stream().anyMatch(f -> f.problem() == VmProbeFailed.Problem.TIMEOUT);
        if (denied) {
            return LocalizedText.of(
                    "Führen Sie \"labgrader check\" als der Benutzer aus, dem die VMs gehören (libvirt: Mitglied der Gruppe libvirt; Hyper-V: Gruppe Hyper-V-Administratoren).",
                    "Run \"labgrader check\" as the user who owns the VMs (libvirt: member of group libvirt; Hyper-V: group Hyper-V Administrators).");
        }
        if (notRunning) {
            return LocalizedText.of(
                    "Starten Sie den Hypervisor bzw. seinen Dienst (VirtualBox einmal öffnen; libvirtd; multipassd) und führen Sie \"labgrader check\" erneut aus.",
                    "Start the hypervisor or its service (open VirtualBox once; libvirtd; multipassd) and run \"labgrader check\" again.");
        }
        if (timeout) {
            return LocalizedText.of(
                    "Schließen Sie offene Dialoge des Hypervisors, starten Sie ihn notfalls neu und führen Sie \"labgrader check\" erneut aus.",
                    "Close any open dialogs of the hypervisor, restart it if needed, and run \"labgrader check\" again.");
        }
        return LocalizedText.of(
                "Prüfen Sie, ob der Befehl von Hand funktioniert, und führen Sie \"labgrader check\" erneut aus.",
                "Check that the command works when you run it yourself, then run \"labgrader check\" again.");
    }

    static String bytes(long b) {
        return VmSummary.bytes(b);
    }
}
