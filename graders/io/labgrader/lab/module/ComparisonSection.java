package io.labgrader.lab.module;

import io.labgrader.evidence.Observation;
import io.labgrader.evidence.compare.Comparison;
import io.labgrader.evidence.compare.Figure.Unit;
import io.labgrader.lab.LabText;
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

    /** The figures the class is compared by, in the order the section shows them; labels in the lab's bundle. */
    @Override
    public List<ClassFigure> classFigures(Language language) {
        return List.of(
                figure("container.start-to-answer", Unit.MS, language),
                figure("container.hello-world-life", Unit.MS, language),
                figure("container.memory", Unit.BYTES, language),
                figure("image.nginx", Unit.BYTES, language),
                figure("vm.memory", Unit.BYTES, language),
                figure("vm.cpus", Unit.CPUS, language),
                figure("vm.disk.capacity", Unit.BYTES, language),
                figure("vm.disk.allocated", Unit.BYTES, language));
    }

    private static ClassFigure figure(String key, Unit unit, Language language) {
        return new ClassFigure(key, LabText.BUNDLE.get(language, "compare.class." + key),
                value -> ComparisonText.number(value, unit, language));
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
