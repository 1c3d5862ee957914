package io.labgrader.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.labgrader.rubric.LocalizedText.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportsTest {

    @TempDir
    Path temp;

    @Test
    void writesAllThreeFilesIntoANewFolder() throws Exception {
        Path out = temp.resolve("a/b/report");

        List<Path> written = Reports.writeAll(Fixtures.fourOutcomes(), out, Language.DE);

        assertThat(written).containsExactly(out.resolve("report.json"), out.resolve("report.md"),
                out.resolve("TEST-labgrader.xml"));
        assertThat(listing(out)).containsExactlyInAnyOrder("report.json", "report.md", "TEST-labgrader.xml");
        assertThat(new ObjectMapper().readTree(out.resolve("report.json").toFile()).get("language").asText())
                .isEqualTo("de");
        assertThat(Files.readString(out.resolve("report.md"), StandardCharsets.UTF_8))
                .isEqualTo(new MarkdownReport().render(Fixtures.fourOutcomes(), Language.DE));
        assertThat(JUnitXmlReportTest.parse(Files.readString(out.resolve("TEST-labgrader.xml")))
                .getElementsByTagName("testcase").getLength()).isEqualTo(4);
    }

    @Test
    void replacesEarlierReports() throws IOException {
        Files.writeString(temp.resolve("report.md"), "old and much longer than the new report ".repeat(100));

        Reports.writeAll(Fixtures.result(List.of(Fixtures.passed())), temp, Language.EN);

        assertThat(Files.readString(temp.resolve("report.md")))
                .isEqualTo(new MarkdownReport().render(Fixtures.result(List.of(Fixtures.passed())), Language.EN));
        assertThat(listing(temp)).containsExactlyInAnyOrder("report.json", "report.md", "TEST-labgrader.xml");
    }

    @Test
    void aFailingWriterLeavesNoTemporaryFileAndKeepsTheOldReport() throws IOException {
        Files.writeString(temp.resolve("broken.txt"), "old");
        ReportFormat broken = new ReportFormat() {
            @Override
            public String fileName() {
                return "broken.txt";
            }

            @Override
            public void write(io.labgrader.grading.GradeResult result, Language language, java.io.OutputStream out)
                    throws IOException {
                out.write("half".getBytes(StandardCharsets.UTF_8));
                throw new IOException("disk full");
            }
        };

        assertThatThrownBy(() -> Reports.write(broken, Fixtures.fourOutcomes(), temp.resolve("broken.txt"), Language.EN))
                .isInstanceOf(IOException.class).hasMessage("disk full");
        assertThat(listing(temp)).containsExactly("broken.txt");
        assertThat(Files.readString(temp.resolve("broken.txt"))).isEqualTo("old");
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
