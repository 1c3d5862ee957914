package io.labgrader.batch;

import io.labgrader.module.LabModule;
import io.labgrader.module.Labs;
import io.labgrader.module.ReportSection;
import io.labgrader.module.ReportSection.ClassFigure;
import io.labgrader.rubric.Messages;
import io.labgrader.rubric.LocalizedText.Language;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The class's comparison in overview.html: for each figure of the students' "Your comparison" sections, how many
 * students have it, median, least and most, and its distribution as a small inline SVG bar chart drawn by the same
 * rules as the score histogram (Jsoup DOM, a {@code g.bin} per bar with its range and count, a title per bar).
 * Informational: no score depends on it. Reads the students once more from the spool; keeps only their numbers.
 */
final class ComparisonChart {

    static final int BINS = 6;
    /** What the chart shows where no student has a figure, as the reports do. */
    private static final String DASH = "-";
    private static final int BAR_WIDTH = 22;
    private static final int BAR_GAP = 4;
    private static final int CHART_HEIGHT = 48;
    private static final int LABEL_SPACE = 4;

    private ComparisonChart() {
    }

    static void append(Element body, Spool.Source students, Language language) throws IOException {
        List<ClassFigure> figures = figures(language);
        Map<String, List<Double>> values = new LinkedHashMap<>();
        figures.forEach(k -> values.put(k.key(), new ArrayList<>()));
        students.forEach(s -> s.compared().forEach((key, value) -> {
            List<Double> list = values.get(key);
            if (list != null && s.gradable() && value != null && Double.isFinite(value)) {
                list.add(value);
            }
        }));
        if (values.values().stream().allMatch(List::isEmpty)) {
            return;
        }
        body.appendElement("h2").text(text(language, "heading"));
        body.appendElement("p").addClass("note").text(text(language, "note"));
        Element table = body.appendElement("table").id("comparison");
        Element head = table.appendElement("thead").appendElement("tr");
        head.appendElement("th").text(text(language, "figure"));
        head.appendElement("th").addClass("num").text(text(language, "students"));
        head.appendElement("th").addClass("num").text(text(language, "median"));
        head.appendElement("th").addClass("num").text(text(language, "least"));
        head.appendElement("th").addClass("num").text(text(language, "most"));
        head.appendElement("th").text(text(language, "distribution"));
        Element tbody = table.appendElement("tbody");
        for (ClassFigure k : figures) {
            List<Double> v = values.get(k.key()).stream().sorted().toList();
            Element row = tbody.appendElement("tr").attr("data-figure", k.key()).attr("data-students", Integer.toString(v.size()));
            row.appendElement("td").text(k.label());
            row.appendElement("td").addClass("num").text(Integer.toString(v.size()));
            row.appendElement("td").addClass("num median").text(v.isEmpty() ? DASH : k.text().apply(median(v)));
            row.appendElement("td").addClass("num").text(v.isEmpty() ? DASH : k.text().apply(v.get(0)));
            row.appendElement("td").addClass("num").text(v.isEmpty() ? DASH : k.text().apply(v.get(v.size() - 1)));
            Element chart = row.appendElement("td");
            if (!v.isEmpty()) {
                chart(chart, k, v, language);
            }
        }
    }

    /**
     * The figures of every lab's report sections, in the labs' order (a key named twice counts once): a class graded
     * by one lab has numbers for its own figures only, and the chart shows nothing for a lab that has none.
     */
    private static List<ClassFigure> figures(Language language) {
        Map<String, ClassFigure> figures = new LinkedHashMap<>();
        for (LabModule lab : Labs.all()) {
            for (ReportSection section : lab.reportSections()) {
                section.classFigures(language).forEach(f -> figures.putIfAbsent(f.key(), f));
            }
        }
        return List.copyOf(figures.values());
    }

    private static String text(Language language, String key, Object... args) {
        return Messages.CORE.get(language, "overview.compare." + key, args);
    }

    /** Bars of equal width from the least to the most value; a value equal to the most falls into the last. */
    private static void chart(Element cell, ClassFigure k, List<Double> sorted, Language language) {
        double low = sorted.get(0);
        double high = sorted.get(sorted.size() - 1);
        int bins = high > low ? BINS : 1;
        int[] counts = new int[bins];
        for (double value : sorted) {
            int bin = high > low ? (int) Math.min(bins - 1, Math.floor((value - low) / (high - low) * bins)) : 0;
            counts[bin]++;
        }
        int max = java.util.Arrays.stream(counts).max().orElse(1);
        int width = bins * (BAR_WIDTH + BAR_GAP) + BAR_GAP;
        int height = CHART_HEIGHT + LABEL_SPACE;
        Element svg = cell.appendElement("svg").addClass("histogram compare-chart").attr("data-figure", k.key())
                .attr("viewBox", "0 0 " + width + " " + height).attr("width", Integer.toString(width))
                .attr("height", Integer.toString(height)).attr("role", "img")
                .attr("aria-label", text(language, "distributionOf", k.label()));
        svg.appendElement("line").attr("x1", "0").attr("x2", Integer.toString(width))
                .attr("y1", Integer.toString(CHART_HEIGHT)).attr("y2", Integer.toString(CHART_HEIGHT))
                .attr("stroke", "currentColor").attr("stroke-width", "1");
        for (int i = 0; i < bins; i++) {
            double from = low + (high - low) * i / bins;
            double to = bins == 1 ? high : low + (high - low) * (i + 1) / bins;
            int x = BAR_GAP + i * (BAR_WIDTH + BAR_GAP);
            int barHeight = (int) Math.round((CHART_HEIGHT - 4) * (double) counts[i] / max);
            Element g = svg.appendElement("g").addClass("bin").attr("data-from", Double.toString(from))
                    .attr("data-to", Double.toString(to)).attr("data-students", Integer.toString(counts[i]));
            g.appendElement("title").text(k.text().apply(from) + " – " + k.text().apply(to) + ": " + counts[i]
                    + text(language, "binStudents"));
            g.appendElement("rect").addClass("bar-rect").attr("x", Integer.toString(x))
                    .attr("y", Integer.toString(CHART_HEIGHT - barHeight)).attr("width", Integer.toString(BAR_WIDTH))
                    .attr("height", Integer.toString(barHeight));
        }
    }

    static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
