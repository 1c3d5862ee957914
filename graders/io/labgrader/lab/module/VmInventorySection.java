package io.labgrader.lab.module;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.labgrader.evidence.Observation;
import io.labgrader.evidence.vm.VmInventory;
import io.labgrader.evidence.vm.VmSummary;
import io.labgrader.module.ReportSection;
import io.labgrader.report.MarkdownReport;
import io.labgrader.report.SafeText;
import io.labgrader.rubric.LocalizedText.Language;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Every VM the evidence shows, for the lab's "examine resources and network" (not scored): what it is, what it has,
 * how it is connected. report.json's "vms", an empty list when there are none.
 */
final class VmInventorySection implements ReportSection {

    @Override
    public String id() {
        return "vms";
    }

    @Override
    public Object data(List<Observation> observations) {
        return VmInventory.summaries(observations);
    }

    @Override
    public Object json(Object data, Language language) {
        return vms(data).stream().map(VmInventorySection::toVm).toList();
    }

    @Override
    public String console(Object data, Language language, UnaryOperator<String> fit, UnaryOperator<String> bold) {
        List<VmSummary> vms = vms(data);
        if (vms.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("\n")
                .append(bold.apply(VmInventoryText.get(language, "heading.console"))).append('\n');
        vms.forEach(vm -> out.append("  ").append(fit.apply(SafeText.oneLine(VmInventoryText.line(vm, language)))).append('\n'));
        return out.toString();
    }

    /** The lab asks students to examine their VMs' resources and network: every VM found, as a table. */
    @Override
    public String markdown(Object data, Language language) {
        List<VmSummary> vms = vms(data);
        if (vms.isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder();
        md.append("\n### ").append(VmInventoryText.get(language, "heading")).append("\n\n");
        md.append(VmInventoryText.get(language, "tableHeader")).append('\n');
        md.append("|---|---|---|---|---|--:|--:|---|---|\n");
        for (VmSummary vm : vms) {
            md.append("| ").append(cell(vm.hypervisorLabel()))
                    .append(" | ").append(cell(vm.name()))
                    .append(" | ").append(cell(VmInventoryText.state(vm, language)))
                    .append(" | ").append(cell(vm.declaredOs()))
                    .append(" | ").append(cell(vm.guestOs()))
                    .append(" | ").append(vm.memoryMb() == null ? "–" : vm.memoryMb() + " MB")
                    .append(" | ").append(vm.cpus() == null ? "–" : vm.cpus().toString())
                    .append(" | ").append(cell(VmInventoryText.disks(vm, language)))
                    .append(" | ").append(cell(VmInventoryText.nics(vm, language)))
                    .append(" |\n");
        }
        return md.toString();
    }

    private static String cell(String text) {
        return text == null || text.isBlank() ? "–" : MarkdownReport.escape(SafeText.oneLine(text));
    }

    @SuppressWarnings("unchecked")
    private static List<VmSummary> vms(Object data) {
        return data instanceof List<?> list ? (List<VmSummary>) list : List.of();
    }

    private static VmJson toVm(VmSummary vm) {
        return new VmJson(vm.hypervisor(), SafeText.oneLine(vm.hypervisorLabel()), SafeText.oneLine(vm.name()),
                vm.uuid(), vm.stateText(), vm.declaredOs() == null ? null : SafeText.oneLine(vm.declaredOs()),
                vm.guestOs() == null ? null : SafeText.oneLine(vm.guestOs()), vm.memoryMb(), vm.cpus(),
                vm.disks().stream().map(d -> new DiskJson(d.format(), d.capacityBytes(), d.allocatedBytes())).toList(),
                vm.nics().stream().map(n -> new NicJson(n.index(), n.mode() == null ? null : n.mode().label(),
                        n.attachment() == null ? null : SafeText.oneLine(n.attachment()), n.mac(), n.connected())).toList(),
                SafeText.oneLine(vm.text()));
    }

    /** A VM found: what it is, what it has, how it is connected. */
    @JsonPropertyOrder({"hypervisorId", "hypervisor", "name", "uuid", "state", "declaredOs", "guestOs", "memoryMb",
            "cpus", "disks", "nics", "summary"})
    record VmJson(String hypervisorId, String hypervisor, String name, String uuid, String state, String declaredOs,
                  String guestOs, Long memoryMb, Integer cpus, List<DiskJson> disks, List<NicJson> nics, String summary) {
    }

    record DiskJson(String format, Long capacityBytes, Long allocatedBytes) {
    }

    record NicJson(int index, String mode, String attachment, String mac, Boolean connected) {
    }
}
