package io.labgrader.lab.module;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.labgrader.evidence.compare.Comparison;
import io.labgrader.evidence.compare.Figure;
import io.labgrader.report.SafeText;
import io.labgrader.rubric.LocalizedText.Language;

import java.time.Instant;
import java.util.List;

/**
 * The comparison section of report.json: the same figures as the other reports, the raw number and unit beside the
 * text a reader sees, so a script can compare classes without parsing "1,23 s". Null when nothing was observed.
 */
final class ComparisonJson {

    private ComparisonJson() {
    }

    @JsonPropertyOrder({"informational", "title", "rows"})
    record Section(boolean informational, String title, List<RowJson> rows) {
    }

    @JsonPropertyOrder({"id", "title", "container", "vm"})
    record RowJson(String id, String title, List<FigureJson> container, List<FigureJson> vm) {
    }

    /** @param value the figure as text ("412 ms", "-"); {@code number} and {@code unit} are null when it was not observed */
    @JsonPropertyOrder({"key", "label", "subject", "value", "number", "unit", "source", "at", "note"})
    record FigureJson(String key, String label, String subject, String value, Double number, String unit, String source,
                      Instant at, String note) {
    }

    static Section of(Comparison comparison, Language language) {
        if (comparison.isEmpty()) {
            return null;
        }
        return new Section(true, ComparisonText.heading(language), comparison.rows().stream()
                .map(r -> new RowJson(r.id(), ComparisonText.title(r, language), figures(r.container(), language),
                        figures(r.vm(), language))).toList());
    }

    private static List<FigureJson> figures(List<Figure> figures, Language language) {
        return figures.stream().map(f -> new FigureJson(f.key(), ComparisonText.label(f, language),
                f.subject() == null ? null : ComparisonText.subject(f), ComparisonText.value(f, language), f.number(),
                f.present() ? f.unit().name().toLowerCase(java.util.Locale.ROOT) : null,
                f.source() == null ? null : SafeText.oneLine(f.source()), f.at(),
                ComparisonText.note(f, language).isEmpty() ? null : ComparisonText.note(f, language))).toList();
    }
}
