package io.labgrader.report;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.labgrader.grading.CriterionResult;
import io.labgrader.grading.GradeResult;
import io.labgrader.grading.Outcome;
import io.labgrader.rubric.LocalizedText.Language;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
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
                ReportText.percent(result), counts, criteria, sections(result, language));
    }

    /** Each lab section's value under its id, after the criteria; a null value leaves its key out. */
    private static Map<String, Object> sections(GradeResult result, Language language) {
        Map<String, Object> sections = new LinkedHashMap<>();
        for (LabSections.Shown shown : LabSections.of(result)) {
            Object value = shown.section().json(shown.data(), language);
            if (value != null) {
                sections.put(shown.section().id(), value);
            }
        }
        return sections;
    }

    private static CriterionJson toCriterion(CriterionResult c, Language language) {
        return new CriterionJson(SafeText.oneLine(c.id()), SafeText.oneLine(c.section()),
                ReportText.text(c.title(), language), c.outcome(), c.points(), c.maxPoints(),
                ReportText.text(c.message(), language), ReportText.text(c.hint(), language));
    }

    /** @param sections the lab's sections (e.g. "vms", "comparison"), written after the criteria in their order */
    @JsonPropertyOrder({"rubric", "rubricTitle", "rubricSha256", "evidence", "gradedAt", "language", "score",
            "maxScore", "percent", "counts", "criteria"})
    record Report(String rubric, String rubricTitle, String rubricSha256, String evidence, Instant gradedAt,
                  String language, int score, int maxScore, BigDecimal percent, Map<Outcome, Long> counts,
                  List<CriterionJson> criteria, @JsonIgnore Map<String, Object> sections) {

        @JsonAnyGetter
        public Map<String, Object> sectionsByKey() {
            return sections;
        }
    }

    @JsonPropertyOrder({"id", "section", "title", "outcome", "points", "maxPoints", "message", "hint"})
    record CriterionJson(String id, String section, String title, Outcome outcome, int points, int maxPoints,
                         String message, String hint) {
    }
}
