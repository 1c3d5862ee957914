package io.labgrader.batch;

import io.labgrader.evidence.compare.Figure.Unit;
import io.labgrader.report.ComparisonText;
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
    private static final int BAR_WIDTH = 22;
    private static final int BAR_GAP = 4;
    private static final int CHART_HEIGHT = 48;
    private static final int LABEL_SPACE = 4;

    /** The figures the class is compared by, in the order the section shows them. */
    private record Kind(String key, String de, String en, Unit unit) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("container.start-to-answer", "Container: Start bis zur ersten Antwort", "Container: start to first answer", Unit.MS),
            new Kind("container.hello-world-life", "Container: Lebensdauer von hello-world", "Container: life of hello-world", Unit.MS),
            new Kind("container.memory", "Container: Speicher in Gebrauch", "Container: memory in use", Unit.BYTES),
            new Kind("image.nginx", "Image nginx:latest", "Image nginx:latest", Unit.BYTES),
            new Kind("vm.memory", "VM: reservierter Speicher", "VM: memory reserved", Unit.BYTES),
            new Kind("vm.cpus", "VM: virtuelle CPUs", "VM: virtual CPUs", Unit.CPUS),
            new Kind("vm.disk.capacity", "VM: Festplatten, Größe", "VM: disks, size", Unit.BYTES),
            new Kind("vm.disk.allocated", "VM: Festplatten, belegt", "VM: disks, taken on the host", Unit.BYTES));

    private ComparisonChart() {
    }

    static void append(Element body, Spool.Source students, Language language) throws IOException {
        boolean de = language == Language.DE;
        Map<String, List<Double>> values = new LinkedHashMap<>();
        KINDS.forEach(k -> values.put(k.key(), new ArrayList<>()));
        students.forEach(s -> s.compared().forEach((key, value) -> {
            List<Double> list = values.get(key);
            if (list != null && s.gradable() && value != null && Double.isFinite(value)) {
                list.add(value);
            }
        }));
        if (values.values().stream().allMatch(List::isEmpty)) {
            return;
        }
        body.appendElement("h2").text(de ? "Vergleich in der Klasse" : "The class's comparison");
        body.appendElement("p").addClass("note").text(de
                ? "Was labgrader auf den Rechnern der Studierenden beobachtet hat (\"Ihr Vergleich\"). Nur zur Information, ändert keine Bewertung."
                : "What labgrader observed on the students' machines (\"Your comparison\"). For information only; it changes no score.");
        Element table = body.appendElement("table").id("comparison");
        Element head = table.appendElement("thead").appendElement("tr");
        head.appendElement("th").text(de ? "Messgröße" : "Figure");
        head.appendElement("th").addClass("num").text(de ? "Studierende" : "Students");
        head.appendElement("th").addClass("num").text(de ? "Median" : "Median");
        head.appendElement("th").addClass("num").text(de ? "Kleinster" : "Least");
        head.appendElement("th").addClass("num").text(de ? "Größter" : "Most");
        head.appendElement("th").text(de ? "Verteilung" : "Distribution");
        Element tbody = table.appendElement("tbody");
        for (Kind k : KINDS) {
            List<Double> v = values.get(k.key()).stream().sorted().toList();
            Element row = tbody.appendElement("tr").attr("data-figure", k.key()).attr("data-students", Integer.toString(v.size()));
            row.appendElement("td").text(de ? k.de() : k.en());
            row.appendElement("td").addClass("num").text(Integer.toString(v.size()));
            row.appendElement("td").addClass("num median").text(v.isEmpty() ? ComparisonText.DASH : text(median(v), k, language));
            row.appendElement("td").addClass("num").text(v.isEmpty() ? ComparisonText.DASH : text(v.get(0), k, language));
            row.appendElement("td").addClass("num").text(v.isEmpty() ? ComparisonText.DASH : text(v.get(v.size() - 1), k, language));
            Element chart = row.appendElement("td");
            if (!v.isEmpty()) {
                chart(chart, k, v, language);
            }
        }
    }

    /** Bars of equal width from the least to the most value; a value equal to the most falls into the last. */
    private static void chart(Element cell, Kind k, List<Double> sorted, Language language) {
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
                .attr("aria-label", (language == Language.DE ? "Verteilung: " + k.de() : "Distribution: " + k.en()));
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
            g.appendElement("title").text(text(from, k, language) + " – " + text(to, k, language) + ": " + counts[i]
                    + (language == Language.DE ? " Studierende" : " students"));
            g.appendElement("rect").addClass("bar-rect").attr("x", Integer.toString(x))
                    .attr("y", Integer.toString(CHART_HEIGHT - barHeight)).attr("width", Integer.toString(BAR_WIDTH))
                    .attr("height", Integer.toString(barHeight));
        }
    }

    static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String text(double value, Kind k, Language language) {
        return ComparisonText.number(value, k.unit(), language);
    }
}
