package io.labgrader.batch;

import io.labgrader.rubric.LocalizedText.Language;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import io.labgrader.testing.Trees;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The class's distribution of the comparison's figures in overview.html: medians and a small inline SVG per figure. */
class ComparisonChartTest {

    @TempDir
    Path tmp;

    private static StudentResult student(int index, boolean gradable, Map<String, Double> compared) {
        Submission s = new Submission(index, "name:s" + index, "s" + index, null, "s" + index, null, List.of(), "f" + index);
        return new StudentResult(s, gradable, 50, 100, List.of(), List.of(), "", List.of(), "", "s" + index, compared);
    }

    private static Element section(Language language, List<StudentResult> students) throws Exception {
        Document doc = Document.createShell("");
        ComparisonChart.append(doc.body(), each -> {
            for (StudentResult s : students) {
                each.accept(s);
            }
        }, language);
        return doc.body();
    }

    @Test
    void mediansAndBarsOfEachFigure() throws Exception {
        Element body = section(Language.EN, List.of(
                student(0, true, Map.of("container.start-to-answer", 300.0, "vm.memory", 2048.0 * 1024 * 1024)),
                student(1, true, Map.of("container.start-to-answer", 500.0, "vm.memory", 4096.0 * 1024 * 1024)),
                student(2, true, Map.of("container.start-to-answer", 1900.0)),
                student(3, false, Map.of("container.start-to-answer", 99_000.0))));   // not gradable: not counted

        assertThat(body.selectFirst("h2").text()).isEqualTo("The class's comparison");
        Element start = body.selectFirst("tr[data-figure=container.start-to-answer]");
        assertThat(start.attr("data-students")).isEqualTo("3");
        assertThat(start.selectFirst("td.median").text()).isEqualTo("500 ms");
        assertThat(start.select("td.num").eachText()).containsExactly("3", "500 ms", "300 ms", "1.90 s");
        assertThat(start.select("svg.compare-chart g.bin").eachAttr("data-students")).containsExactly("2", "0", "0", "0", "0", "1");
        assertThat(start.selectFirst("svg g.bin title").text()).isEqualTo("300 ms – 567 ms: 2 students");
        Element memory = body.selectFirst("tr[data-figure=vm.memory]");
        assertThat(memory.selectFirst("td.median").text()).isEqualTo("3.0 GiB");
        Element none = body.selectFirst("tr[data-figure=vm.cpus]");
        assertThat(none.select("td.num").eachText()).containsExactly("0", "-", "-", "-");
        assertThat(none.select("svg")).isEmpty();
    }

    @Test
    void germanTextAndNoSectionWithoutFigures() throws Exception {
        Element body = section(Language.DE, List.of(student(0, true, Map.of("container.hello-world-life", 1250.0))));
        assertThat(body.selectFirst("h2").text()).isEqualTo("Vergleich in der Klasse");
        assertThat(body.selectFirst("tr[data-figure=container.hello-world-life] td.median").text()).isEqualTo("1,25 s");
        assertThat(section(Language.EN, List.of(student(0, true, Map.of()))).select("#comparison")).isEmpty();
    }

    @Test
    void theOverviewOfARealBatchShowsTheSampleBundlesFigures() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("in"));
        Trees.copy(BatchKit.PERFECT, root.resolve("alice"));
        BatchKit.grade(root, tmp.resolve("out"));
        Document overview = Jsoup.parse(tmp.resolve("out").resolve("overview.html").toFile());
        Element memory = overview.selectFirst("#comparison tr[data-figure=vm.memory]");
        assertThat(memory).as("expected the VM's memory in the class's comparison").isNotNull();
        assertThat(memory.attr("data-students")).isEqualTo("1");
        assertThat(memory.select("svg.compare-chart g.bin")).hasSize(1);
    }
}
