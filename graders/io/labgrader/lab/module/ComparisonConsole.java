package io.labgrader.lab.module;

import io.labgrader.evidence.compare.Comparison;
import io.labgrader.evidence.compare.Figure;
import io.labgrader.rubric.LocalizedText.Language;

import java.util.List;

/**
 * The comparison section in the terminal, after the score: one line per figure with its value, then where and when
 * it was observed, and what a tool does not offer. Plain ASCII marks only, whatever the terminal's encoding; all
 * text from the student's machine is cleaned of escape sequences.
 */
public final class ComparisonConsole {

    private ComparisonConsole() {
    }

    /** The section with {@code \n} line ends, or "" when the evidence shows nothing to compare. */
    public static String render(Comparison comparison, Language language) {
        if (comparison.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("\n").append(ComparisonText.heading(language)).append(":\n");
        out.append("  ").append(ComparisonText.intro(language)).append('\n');
        for (Comparison.Row row : comparison.rows()) {
            out.append("  ").append(ComparisonText.title(row, language)).append('\n');
            figures(out, row.container(), ComparisonText.side(true, language), language);
            figures(out, row.vm(), ComparisonText.side(false, language), language);
        }
        return out.toString();
    }

    private static void figures(StringBuilder out, List<Figure> figures, String side, Language language) {
        for (Figure f : figures) {
            String subject = ComparisonText.subject(f);
            out.append("    ").append(String.format("%-9s", side)).append(' ').append(ComparisonText.label(f, language))
                    .append(": ").append(ComparisonText.value(f, language))
                    .append(subject.isEmpty() ? "" : "  [" + subject + "]").append('\n');
            String origin = ComparisonText.origin(f);
            if (!origin.isEmpty()) {
                out.append("              (").append(origin).append(")\n");
            }
            String note = ComparisonText.note(f, language);
            if (!note.isEmpty()) {
                out.append("              ").append(note).append('\n');
            }
        }
    }
}
