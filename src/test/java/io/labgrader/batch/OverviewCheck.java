package io.labgrader.batch;

import com.fasterxml.jackson.databind.JsonNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that the numbers the overview shows (as text, as an instructor reads them) are those of the students'
 * report.json files, which the rows link to. Works on Jsoup's parse of the file and on the DOM a browser rendered.
 */
final class OverviewCheck {

    private OverviewCheck() {
    }

    static void assertMatchesReports(Document html, Path out) {
        List<Element> rows = html.select("table#students tbody tr");
        List<JsonNode> graded = new ArrayList<>();
        int notGradable = 0;
        for (Element row : rows) {
            Element link = row.selectFirst("td.links a[data-report=json]");
            assertThat(link).as(row.text()).isNotNull();
            String href = URLDecoder.decode(link.attr("href"), StandardCharsets.UTF_8);
            JsonNode report = BatchKit.json(out.resolve(href));
            String score = row.selectFirst("td.score").text();
            if (row.hasClass("graded")) {
                graded.add(report);
                assertThat(score).as(href).isEqualTo(report.path("score").asInt() + " / " + report.path("maxScore").asInt());
                assertThat(row.selectFirst("td.percent").text()).as(href).isEqualTo(report.path("percent").asText() + " %");
                List<String> marks = row.select("td.mark").eachAttr("data-outcome");
                List<String> outcomes = new ArrayList<>();
                report.path("criteria").forEach(c -> outcomes.add(c.path("outcome").asText()));
                assertThat(marks).as(href).isEqualTo(outcomes);
            } else {
                notGradable++;
                assertThat(score).isEqualTo("not gradable");
                report.path("criteria").forEach(c -> assertThat(c.path("outcome").asText()).isEqualTo("NOT_GRADABLE"));
                assertThat(row.selectFirst("td.reason").text()).isEqualTo(report.path("criteria").get(0).path("message").asText());
            }
        }
        assertThat(stat(html, "students")).isEqualTo(Integer.toString(rows.size()));
        assertThat(stat(html, "graded")).isEqualTo(Integer.toString(graded.size()));
        assertThat(stat(html, "not-gradable")).isEqualTo(Integer.toString(notGradable));

        // pass rate per criterion, counted from the reports
        Map<String, int[]> passed = new LinkedHashMap<>();
        for (JsonNode report : graded) {
            report.path("criteria").forEach(c -> passed.computeIfAbsent(c.path("id").asText(), k -> new int[1])[0]
                    += c.path("outcome").asText().equals("PASSED") ? 1 : 0);
        }
        List<Element> criteria = html.select("table#criteria tbody tr");
        assertThat(criteria).extracting(r -> r.attr("data-criterion")).containsExactlyElementsOf(passed.keySet());
        for (Element row : criteria) {
            int p = passed.get(row.attr("data-criterion"))[0];
            assertThat(row.selectFirst("td.passed").text()).isEqualTo(p + " / " + graded.size());
            assertThat(row.selectFirst(".pass-rate").text()).isEqualTo(percent(p, graded.size()) + " %");
        }

        // histogram bins of ten percentage points, counted from the reports
        int[] bins = new int[10];
        for (JsonNode report : graded) {
            bins[Math.min(9, report.path("score").asInt() * 10 / report.path("maxScore").asInt())]++;
        }
        List<Element> shown = html.select("svg#histogram g.bin");
        assertThat(shown).hasSize(10);
        for (int i = 0; i < 10; i++) {
            assertThat(shown.get(i).selectFirst("text.count").text()).as("bin " + i).isEqualTo(Integer.toString(bins[i]));
        }
    }

    private static String stat(Document html, String id) {
        return html.selectFirst("[data-stat=" + id + "] dd").text();
    }

    private static String percent(int part, int whole) {
        if (whole == 0) {
            return "0";
        }
        BigDecimal p = BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP).stripTrailingZeros();
        return (p.scale() < 0 ? p.setScale(0, RoundingMode.UNNECESSARY) : p).toPlainString();
    }
}
