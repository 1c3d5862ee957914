package io.labgrader.report;

import io.labgrader.rubric.LocalizedText.Language;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleReportTest {

    private final ConsoleReport report = new ConsoleReport();

    @Test
    void englishWithoutColour() {
        assertThat(report.render(Fixtures.fourOutcomes(), Language.EN, false)).isEqualTo("""
                Docker vs. virtual machine
                  ✔  docker.engine       Docker Engine reachable  5 /  5
                  ✘  docker.hello-world  hello-world ran          0 / 10
                     Expecting a container from hello-world:latest but found none.
                     Hint: Run "docker run hello-world".
                  ⊘  docker.nginx-port   Port 8080 published      0 / 10
                     Not attempted: docker.nginx-detached did not pass.
                  !  vm.guest            Ubuntu guest present     0 / 15
                     VBoxManage did not answer within 10 s.
                Score: 5 / 40
                """);
    }

    @Test
    void germanWithoutColour() {
        assertThat(report.render(Fixtures.fourOutcomes(), Language.DE, false)).isEqualTo("""
                Docker vs. virtuelle Maschine
                  ✔  docker.engine       Docker Engine erreichbar  5 /  5
                  ✘  docker.hello-world  hello-world ausgeführt    0 / 10
                     Erwartet wurde ein Container aus hello-world:latest, aber es gab keinen.
                     Hinweis: Führen Sie "docker run hello-world" aus.
                  ⊘  docker.nginx-port   Port 8080 veröffentlicht  0 / 10
                     Nicht versucht: docker.nginx-detached ist nicht bestanden.
                  !  vm.guest            Ubuntu-Gast vorhanden     0 / 15
                     VBoxManage antwortete nicht innerhalb von 10 s.
                Punkte: 5 / 40
                """);
    }

    @Test
    void allPassedTotal() {
        assertThat(report.render(Fixtures.result(List.of(Fixtures.passed())), Language.DE, false)).isEqualTo("""
                Docker vs. virtuelle Maschine
                  ✔  docker.engine  Docker Engine erreichbar  5 / 5
                Punkte: 5 / 5
                """);
    }

    @Test
    void aPassedCriterionShowsItsNote() {
        io.labgrader.grading.CriterionResult p = Fixtures.passed();
        io.labgrader.grading.CriterionResult noted = new io.labgrader.grading.CriterionResult(p.id(), p.section(), p.title(),
                p.outcome(), p.points(), p.maxPoints(), io.labgrader.rubric.LocalizedText.of(
                "Installiert, aber der Hypervisor hat nicht geantwortet.", "Installed, but the hypervisor did not answer."),
                p.hint(), p.seconds());
        assertThat(report.render(Fixtures.result(List.of(noted)), Language.EN, false)).isEqualTo("""
                Docker vs. virtual machine
                  ✔  docker.engine  Docker Engine reachable  5 / 5
                     Installed, but the hypervisor did not answer.
                Score: 5 / 5
                """);
    }

    @Test
    void colourAddsAnsiCodesAndNothingElse() {
        String plain = report.render(Fixtures.fourOutcomes(), Language.EN, false);
        String coloured = report.render(Fixtures.fourOutcomes(), Language.EN, true);

        assertThat(plain).doesNotContain("\u001b");
        assertThat(coloured).contains("\u001b[32m✔\u001b[0m", "\u001b[31m✘\u001b[0m", "\u001b[33m⊘\u001b[0m",
                "\u001b[35m!\u001b[0m", "\u001b[1mScore: 5 / 40\u001b[0m");
        assertThat(coloured.replaceAll("\u001b\\[[0-9;]*m", "")).isEqualTo(plain);
    }

    @Test
    void hostileTextCannotDriveTheTerminal() {
        String plain = report.render(Fixtures.result(List.of(Fixtures.hostile())), Language.EN, false);
        String coloured = report.render(Fixtures.result(List.of(Fixtures.hostile())), Language.EN, true);

        assertThat(plain).isEqualTo("""
                Docker vs. virtual machine
                  ✘  docker.nginx-name  Name evil</testcase><script>alert(1)</script>|x  0 / 5
                     Container 'evil</testcase><script>alert(1)</script>|x'
                     exited with 1
                     Hint: Use `docker rm` & <retry>
                Score: 0 / 5
                """);
        assertThat(plain).doesNotContain("\u0000", "[2J");
        assertThat(coloured.replaceAll("\u001b\\[(?:0|1|2|31|32|33|35)m", "")).isEqualTo(plain);
    }

    @Test
    void longTitlesAreCutAndWideCharactersAligned() {
        var wide = new io.labgrader.grading.CriterionResult("vm.cjk", "vm",
                io.labgrader.rubric.LocalizedText.same("日本語"), io.labgrader.grading.Outcome.PASSED, 1, 1,
                io.labgrader.rubric.LocalizedText.same(""), io.labgrader.rubric.LocalizedText.same(""), 0);
        var longTitle = new io.labgrader.grading.CriterionResult("vm.long", "vm",
                io.labgrader.rubric.LocalizedText.same("x".repeat(80)), io.labgrader.grading.Outcome.PASSED, 1, 1,
                io.labgrader.rubric.LocalizedText.same(""), io.labgrader.rubric.LocalizedText.same(""), 0);

        List<String> lines = report.render(Fixtures.result(List.of(wide, longTitle)), Language.EN, false).lines().toList();

        assertThat(lines.get(1)).isEqualTo("  ✔  vm.cjk   日本語" + " ".repeat(54) + "  1 / 1");
        assertThat(lines.get(2)).isEqualTo("  ✔  vm.long  " + "x".repeat(59) + "…  1 / 1");
    }

    @Test
    void printUsesThePlatformLineSeparator() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        report.print(Fixtures.fourOutcomes(), Language.EN, new PrintStream(bytes, true, StandardCharsets.UTF_8), false);

        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(
                report.render(Fixtures.fourOutcomes(), Language.EN, false).replace("\n", System.lineSeparator()));
    }
}
