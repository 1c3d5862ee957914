package io.labgrader.lab.module;

import io.labgrader.evidence.compare.Comparison;
import io.labgrader.evidence.compare.Figure;
import io.labgrader.lab.LabText;
import io.labgrader.report.MarkdownReport;
import io.labgrader.rubric.LocalizedText.Language;

import java.util.List;

/**
 * The comparison section of report.md: one table row per figure, with its value, what it is about, its source and
 * time, and what a tool does not offer. Every cell is escaped for Markdown and HTML like the rest of the report.
 */
public final class ComparisonMarkdown {

    private ComparisonMarkdown() {
    }

    /** The section, or "" when the evidence shows nothing to compare. */
    public static String render(Comparison comparison, Language language) {
        if (comparison.isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder("\n### ").append(ComparisonText.heading(language)).append("\n\n");
        md.append(MarkdownReport.escape(ComparisonText.intro(language))).append("\n\n");
        md.append(LabText.BUNDLE.get(language, "compare.tableHeader")).append('\n');
        md.append("|---|---|---|--:|---|---|---|\n");
        for (Comparison.Row row : comparison.rows()) {
            rows(md, ComparisonText.title(row, language), ComparisonText.side(true, language), row.container(), language);
            rows(md, ComparisonText.title(row, language), ComparisonText.side(false, language), row.vm(), language);
        }
        return md.toString();
    }

    private static void rows(StringBuilder md, String aspect, String side, List<Figure> figures, Language language) {
        for (Figure f : figures) {
            md.append("| ").append(cell(aspect))
                    .append(" | ").append(cell(side))
                    .append(" | ").append(cell(ComparisonText.label(f, language)))
                    .append(" | ").append(cell(ComparisonText.value(f, language)))
                    .append(" | ").append(cell(ComparisonText.subject(f)))
                    .append(" | ").append(cell(ComparisonText.origin(f)))
                    .append(" | ").append(cell(ComparisonText.note(f, language)))
                    .append(" |\n");
        }
    }

    private static String cell(String text) {
        return text == null || text.isBlank() ? ComparisonText.DASH : MarkdownReport.escape(text);
    }
}
