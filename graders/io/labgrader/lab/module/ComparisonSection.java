package io.labgrader.lab.module;

import io.labgrader.evidence.Observation;
import io.labgrader.evidence.compare.Comparison;
import io.labgrader.module.ReportSection;
import io.labgrader.rubric.LocalizedText.Language;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * "Your comparison": the student's own container beside their VM, as observed (not scored); report.json's
 * "comparison", left out when nothing was observed. Its figures are what the batch compares a class by.
 */
final class ComparisonSection implements ReportSection {

    @Override
    public String id() {
        return "comparison";
    }

    @Override
    public Object data(List<Observation> observations) {
        return Comparison.of(observations);
    }

    @Override
    public Object json(Object data, Language language) {
        return ComparisonJson.of(comparison(data), language);
    }

    @Override
    public Map<String, Double> numbers(Object data) {
        return comparison(data).numbers();
    }

    /** Plain as today: the section's own ASCII marks, no colour. */
    @Override
    public String console(Object data, Language language, UnaryOperator<String> fit, UnaryOperator<String> bold) {
        return ComparisonConsole.render(comparison(data), language);
    }

    @Override
    public String markdown(Object data, Language language) {
        return ComparisonMarkdown.render(comparison(data), language);
    }

    private static Comparison comparison(Object data) {
        return data instanceof Comparison c ? c : Comparison.EMPTY;
    }
}
