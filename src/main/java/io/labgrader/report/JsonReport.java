package io.labgrader.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.labgrader.evidence.vm.VmSummary;
import io.labgrader.grading.CriterionResult;
import io.labgrader.grading.GradeResult;
import io.labgrader.grading.Outcome;
import io.labgrader.rubric.LocalizedText.Language;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * report.json: the machine-readable result, texts in one language. Fields come in a fixed order and counts list
 * every outcome, so two runs on the same evidence differ only in {@code gradedAt}.
 */
public final class JsonReport implements ReportFormat {

    public static final String FILE_NAME = "report.json";

    private static final ObjectWriter WRITER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .build()
            .writerFor(Report.class);

    @Override
    public String fileName() {
        return FILE_NAME;
    }

    @Override
    public void write(GradeResult result, Language language, OutputStream out) throws IOException {
        WRITER.writeValue(out, toReport(result, language));
    }

    /** The report as a JSON string. */
    public String render(GradeResult result, Language language) {
        try {
            return WRITER.writeValueAsString(toReport(result, language));
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise report", e);   // records of strings and numbers
        }
    }

    private static Report toReport(GradeResult result, Language language) {
        Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            counts.put(outcome, result.count(outcome));
        }
        List<CriterionJson> criteria = result.criteria().stream().map(c -> toCriterion(c, language)).toList();
        return new Report(SafeText.oneLine(result.rubricId()), ReportText.text(result.rubricTitle(), language),
                SafeText.oneLine(result.rubricSha256()), SafeText.oneLine(result.evidence()), result.gradedAt(),
                language.name().toLowerCase(Locale.ROOT), result.score(), result.maxScore(),
                ReportText.percent(result), counts, criteria,
                result.vms().stream().map(JsonReport::toVm).toList(), ComparisonJson.of(result.comparison(), language));
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

    private static CriterionJson toCriterion(CriterionResult c, Language language) {
        return new CriterionJson(SafeText.oneLine(c.id()), SafeText.oneLine(c.section()),
                ReportText.text(c.title(), language), c.outcome(), c.points(), c.maxPoints(),
                ReportText.text(c.message(), language), ReportText.text(c.hint(), language));
    }

    @JsonPropertyOrder({"rubric", "rubricTitle", "rubricSha256", "evidence", "gradedAt", "language", "score",
            "maxScore", "percent", "counts", "criteria", "vms", "comparison"})
    record Report(String rubric, String rubricTitle, String rubricSha256, String evidence, Instant gradedAt,
                  String language, int score, int maxScore, BigDecimal percent, Map<Outcome, Long> counts,
                  List<CriterionJson> criteria, List<VmJson> vms,
                  @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                  ComparisonJson.Section comparison) {
    }

    /** A VM found, for the lab's "examine resources and network": what it is, what it has, how it is connected. */
    @JsonPropertyOrder({"hypervisorId", "hypervisor", "name", "uuid", "state", "declaredOs", "guestOs", "memoryMb",
            "cpus", "disks", "nics", "summary"})
    record VmJson(String hypervisorId, String hypervisor, String name, String uuid, String state, String declaredOs,
                  String guestOs, Long memoryMb, Integer cpus, List<DiskJson> disks, List<NicJson> nics, String summary) {
    }

    record DiskJson(String format, Long capacityBytes, Long allocatedBytes) {
    }

    record NicJson(int index, String mode, String attachment, String mac, Boolean connected) {
    }

    @JsonPropertyOrder({"id", "section", "title", "outcome", "points", "maxPoints", "message", "hint"})
    record CriterionJson(String id, String section, String title, Outcome outcome, int points, int maxPoints,
                         String message, String hint) {
    }
}
