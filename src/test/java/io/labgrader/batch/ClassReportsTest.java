package io.labgrader.batch;

import com.fasterxml.jackson.databind.JsonNode;
import io.labgrader.grading.GradeResult;
import io.labgrader.report.GradescopeReport;
import io.labgrader.rubric.LocalizedText.Language;
import io.labgrader.testing.Trees;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The gradebook, Gradescope's results.json, summary.json and the overview, against the students' report.json. */
class ClassReportsTest {

    @TempDir
    Path tmp;
    Path out;
    BatchResult result;

    @BeforeEach
    void gradeAClass() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("submissions"));
        BatchKit.zip(BatchKit.PERFECT, root.resolve("Ada Lovelace_100001_assignsubmission_file_/evidence.zip"), "evidence/");
        Trees.copy(BatchKit.WRONG_PORT, root.resolve("Grace Hopper_100002_assignsubmission_file_/evidence"));
        Trees.copy(BatchKit.WRONG_PORT, root.resolve("=HYPERLINK(\"http-evil\")"));
        Trees.copy(BatchKit.WRONG_PORT, root.resolve("=HYPERLINK(\"x\")_100003_assignsubmission_file_/evidence"));
        Files.createDirectories(root.resolve("Edsger Dijkstra_100006_assignsubmission_file_"));
        out = tmp.resolve("grading");
        result = BatchKit.grade(root, out);
    }

    @Test
    @DisplayName("gradebook.csv: Moodle's grading worksheet columns, a row per graded student, feedback as escaped HTML")
    void gradebook() throws Exception {
        byte[] bytes = Files.readAllBytes(out.resolve("gradebook.csv"));
        assertThat(new String(bytes, 0, 3, StandardCharsets.UTF_8)).isEqualTo("\uFEFF");
        String csv = new String(bytes, StandardCharsets.UTF_8).substring(1);
        List<CSVRecord> rows;
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv))) {
            assertThat(parser.getHeaderNames()).containsExactly("Identifier", "Full name", "Grade", "Maximum Grade",
                    "Last modified (grade)", "Feedback comments");
            rows = parser.getRecords();
        }
        // only rows Moodle can match: the folder without a participant id is named in summary.json instead
        assertThat(rows).extracting(r -> r.get("Identifier")).containsExactly("Participant 100003",
                "Participant 100001", "Participant 100002");
        assertThat(rows.get(0).get("Full name")).isEqualTo("'=HYPERLINK(\"x\")");
        CSVRecord ada = rows.get(1);
        JsonNode report = BatchKit.json(out.resolve("students/Ada_Lovelace_100001/report.json"));
        assertThat(ada.get("Full name")).isEqualTo("Ada Lovelace");
        assertThat(ada.get("Grade")).isEqualTo(report.path("score").asText());
        assertThat(ada.get("Maximum Grade")).isEqualTo("100");
        assertThat(ada.get("Last modified (grade)")).isEqualTo("2026-11-28T10:00:00Z");
        CSVRecord grace = rows.get(2);
        Document feedback = Jsoup.parseBodyFragment(grace.get("Feedback comments"));
        assertThat(feedback.select("p strong").text()).isEqualTo("Docker vs. virtual machine: "
                + BatchKit.json(out.resolve("students/Grace_Hopper_100002/report.json")).path("score").asInt() + " / 100 ("
                + BatchKit.json(out.resolve("students/Grace_Hopper_100002/report.json")).path("percent").asText() + " %)");
        assertThat(feedback.select("li").text()).contains("✘ Port 8080 published (0 / 10): Expected 8080->80/tcp (-p 8080:80) but found 8081->80/tcp")
                .contains("Hint: -p 8080:80 maps the host's port 8080");
        assertThat(feedback.select("script, img")).isEmpty();
        assertThat(csv).doesNotContain("Edsger");   // not gradable: no grade to import
    }

    @Test
    @DisplayName("results.json per student in Gradescope's format: score, max_score, tests with status and output")
    void gradescope() {
        for (BatchKit.Seen s : BatchKit.students(out)) {
            JsonNode results = BatchKit.json(out.resolve(s.folder()).resolve("results.json"));
            JsonNode report = BatchKit.json(out.resolve(s.folder()).resolve("report.json"));
            assertThat(results.path("score").asInt()).isEqualTo(report.path("score").asInt());
            assertThat(results.path("extra_data").path("max_score").asInt()).isEqualTo(100);
            assertThat(results.path("tests")).hasSize(report.path("criteria").size());
            for (int i = 0; i < report.path("criteria").size(); i++) {
                JsonNode c = report.path("criteria").get(i);
                JsonNode t = results.path("tests").get(i);
                assertThat(t.path("name").asText()).endsWith(c.path("id").asText() + " · " + c.path("title").asText());
                assertThat(t.path("score").asInt()).isEqualTo(c.path("points").asInt());
                assertThat(t.path("max_score").asInt()).isEqualTo(c.path("maxPoints").asInt());
                assertThat(t.path("status").asText()).isEqualTo(c.path("outcome").asText().equals("PASSED") ? "passed" : "failed");
                assertThat(t.path("output").asText()).contains(c.path("message").asText());
                if (c.path("outcome").asText().equals("FAILED")) {
                    assertThat(t.path("output").asText()).endsWith("\n\nHint: " + c.path("hint").asText());
                }
            }
        }
    }

    @Test
    @DisplayName("GradescopeReport renders German texts too")
    void gradescopeGerman() {
        GradeResult r = StudentGrades.normalise(io.labgrader.grading.Grading.grade(BatchKit.rubric(), BatchKit.WRONG_PORT,
                Language.DE, java.time.Clock.systemUTC()), BatchKit.T1);
        String json = new GradescopeReport().render(r, Language.DE);
        assertThat(json).contains("\"name\" : \"docker.nginx-port · Port 8080 veröffentlicht\"").contains("\\n\\nHinweis: ")
                .contains("\"output\" : \"Docker vs. virtuelle Maschine: ");
    }

    @Test
    @DisplayName("summary.json and the overview show the numbers of the students' report.json")
    void numbersAgree() {
        JsonNode summary = BatchKit.json(out.resolve("summary.json"));
        assertThat(summary.path("counts").path("students").asInt()).isEqualTo(5);
        assertThat(summary.path("counts").path("graded").asInt()).isEqualTo(4);
        assertThat(summary.path("counts").path("notGradable").asInt()).isEqualTo(1);
        Document html = Jsoup.parse(BatchKit.read(out.resolve("overview.html")));
        OverviewCheck.assertMatchesReports(html, out);
        JsonNode first = summary.path("students").get(0);
        assertThat(first.path("name").asText()).isEqualTo("=HYPERLINK(\"http-evil\")");
        assertThat(first.path("score").asInt()).isEqualTo(BatchKit.json(out.resolve(first.path("reports").asText()).resolve("report.json")).path("score").asInt());
        Element notGradable = html.selectFirst("table#not-gradable tbody tr");
        assertThat(notGradable.text()).contains("Edsger Dijkstra (100006)").contains("is empty: no evidence");
        // the graded folder without a participant id is not presented as importable, in summary.json nor the overview
        assertThat(first.path("moodle").path("status").asText()).isEqualTo("not-importable");
        assertThat(first.path("moodle").path("reason").asText()).startsWith("no Moodle participant id");
        assertThat(summary.path("moodle").path("importable").asInt()).isEqualTo(3);
        assertThat(html.select("table#moodle-unmatched tbody tr")).singleElement()
                .satisfies(r -> assertThat(r.text()).startsWith("=HYPERLINK(\"http-evil\") no Moodle participant id"));
    }

    @Test
    @DisplayName("the overview is self-contained: no script, no external resource, a policy that forbids both")
    void selfContained() {
        String text = BatchKit.read(out.resolve("overview.html"));
        Document html = Jsoup.parse(text);
        assertThat(html.select("script, iframe, object, embed, link, img, form")).isEmpty();
        assertThat(html.select("[src]")).isEmpty();
        assertThat(html.select("a[href]")).allSatisfy(a -> assertThat(a.attr("href")).matches("(students/[^:]+|#student-\\d+)"));
        assertThat(html.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content")).startsWith("default-src 'none'");
        assertThat(text).doesNotContain("http://", "https://", "url(", "@import").startsWith("<!doctype html>");
        assertThat(html.select("svg#histogram g.bin")).hasSize(10);
    }
}
