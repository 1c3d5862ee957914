package io.labgrader.module;

import io.labgrader.evidence.Observation;
import io.labgrader.rubric.LocalizedText.Language;

import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;
import java.util.function.DoubleFunction;
import java.util.function.UnaryOperator;

/**
 * A part of the reports that a lab adds beside the criteria (not scored), such as the VM inventory. The engine
 * computes its data from the graded observations once, stores it in the result under {@link #id()}, and lets
 * the section render it in each report format.
 */
public interface ReportSection {

    /** The key of the section in report.json, e.g. "vms". */
    String id();

    /** The section's data (a Jackson-serialisable value), or null when the evidence has nothing for it. */
    Object data(List<Observation> observations);

    /**
     * The section's value in report.json under {@link #id()} (a Jackson-serialisable value; null leaves the key out).
     * By default the data itself.
     */
    default Object json(Object data, Language language) {
        return data;
    }

    /**
     * Figures of the section that a class can be compared by (the batch's class chart and each student's numbers in
     * summary.json), by a key stable across students; empty by default.
     */
    default Map<String, Double> numbers(Object data) {
        return Map.of();
    }

    /**
     * How the class's chart shows each figure of {@link #numbers}, in its order: its label and how a value reads, in
     * this language; empty by default (the chart leaves figures it has no words for out).
     */
    default List<ClassFigure> classFigures(Language language) {
        return List.of();
    }

    /**
     * One figure a class is compared by, as the batch's overview shows it.
     *
     * @param key   its key in {@link #numbers}, e.g. "vm.cpus"
     * @param label its name for a reader, e.g. "VM: virtual CPUs"
     * @param text  a value of it as a reader sees it, with its unit, e.g. "1.5 CPUs"
     */
    record ClassFigure(String key, String label, DoubleFunction<String> text) {
    }

    /**
     * The section as console lines with {@code \n} line ends, or "" when there is nothing to show.
     *
     * @param fit  fits text from the student's machine to what the console can show (ASCII where it lacks a character)
     * @param bold sets a heading in bold where the console is coloured
     */
    String console(Object data, Language language, UnaryOperator<String> fit, UnaryOperator<String> bold);

    /** The section as Markdown, or "" when there is nothing to show. */
    String markdown(Object data, Language language);
}
