package io.labgrader.report;

import io.labgrader.rubric.LocalizedText.Language;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownReportTest {

    private final MarkdownReport report = new MarkdownReport();

    @Test
    void englishReport() {
        assertThat(report.render(Fixtures.fourOutcomes(), Language.EN)).isEqualTo("""
                ## Docker vs. virtual machine — 5 / 40 (12.5 %)

                ✅ 1 passed · ❌ 1 failed · ⛔ 1 blocked · ⚠️ 1 not gradable

                | | Criterion | Title | Points |
                |:-:|---|---|--:|
                | ✅ | docker.engine | Docker Engine reachable | 5 / 5 |
                | ❌ | docker.hello-world | hello-world ran | 0 / 10 |
                | ⛔ | docker.nginx-port | Port 8080 published | 0 / 10 |
                | ⚠️ | vm.guest | Ubuntu guest present | 0 / 15 |

                ### Not passed

                #### ❌ docker.hello-world · hello-world ran

                Expecting a container from hello-world:latest but found none.

                **Hint:** Run &quot;docker run hello-world&quot;.

                #### ⛔ docker.nginx-port · Port 8080 published

                Not attempted: docker.nginx-detached did not pass.

                #### ⚠️ vm.guest · Ubuntu guest present

                VBoxManage did not answer within 10 s.
                """);
    }

    @Test
    void germanHeadingAndTable() {
        List<String> lines = report.render(Fixtures.fourOutcomes(), Language.DE).lines().toList();

        assertThat(lines.subList(0, 10)).containsExactly(
                "## Docker vs. virtuelle Maschine — 5 / 40 (12,5 %)",
                "",
                "✅ 1 bestanden · ❌ 1 nicht bestanden · ⛔ 1 blockiert · ⚠️ 1 nicht bewertbar",
                "",
                "| | Kriterium | Titel | Punkte |",
                "|:-:|---|---|--:|",
                "| ✅ | docker.engine | Docker Engine erreichbar | 5 / 5 |",
                "| ❌ | docker.hello-world | hello-world ausgeführt | 0 / 10 |",
                "| ⛔ | docker.nginx-port | Port 8080 veröffentlicht | 0 / 10 |",
                "| ⚠️ | vm.guest | Ubuntu-Gast vorhanden | 0 / 15 |");
        assertThat(lines).contains("### Nicht bestanden",
                "Erwartet wurde ein Container aus hello-world:latest, aber es gab keinen.",
                "**Hinweis:** Führen Sie &quot;docker run hello-world&quot; aus.");
    }

    @Test
    void allPassedHasNoFailureSection() {
        assertThat(report.render(Fixtures.result(List.of(Fixtures.passed())), Language.EN)).isEqualTo("""
                ## Docker vs. virtual machine — 5 / 5 (100 %)

                ✅ 1 passed · ❌ 0 failed · ⛔ 0 blocked · ⚠️ 0 not gradable

                | | Criterion | Title | Points |
                |:-:|---|---|--:|
                | ✅ | docker.engine | Docker Engine reachable | 5 / 5 |
                """);
    }

    @Test
    void hostileTextCannotBreakTheTableOrAddMarkup() {
        List<String> lines = report.render(Fixtures.result(List.of(Fixtures.hostile())), Language.EN).lines().toList();

        assertThat(lines).contains(
                "| ❌ | docker.nginx-name | Name evil&lt;/testcase&gt;&lt;script&gt;alert(1)&lt;/script&gt;\\|x | 0 / 5 |",
                "#### ❌ docker.nginx-name · Name evil&lt;/testcase&gt;&lt;script&gt;alert(1)&lt;/script&gt;\\|x",
                "Container &apos;evil&lt;/testcase&gt;&lt;script&gt;alert(1)&lt;/script&gt;\\|x&apos; exited with 1",
                "**Hint:** Use \\`docker rm\\` &amp; &lt;retry&gt;");
        assertThat(String.join("\n", lines)).doesNotContain("\u0000", "\u001b", "[2J", "<");
    }

    @Test
    void escapeNeutralisesMarkdownSyntax() {
        assertThat(MarkdownReport.escape("a|b `c` *d* _e_ ~f~ [g](h) \\ #1"))
                .isEqualTo("a\\|b \\`c\\` \\*d\\* \\_e\\_ \\~f\\~ \\[g\\](h) \\\\ \\#1");
        assertThat(MarkdownReport.escape("- item")).isEqualTo("\\- item");
        assertThat(MarkdownReport.escape("+ item")).isEqualTo("\\+ item");
        assertThat(MarkdownReport.escape("===")).isEqualTo("\\===");
        assertThat(MarkdownReport.escape("12. twelve")).isEqualTo("12\\. twelve");
        assertThat(MarkdownReport.escape("3) three")).isEqualTo("3\\) three");
        assertThat(MarkdownReport.escape("8080 is a port")).isEqualTo("8080 is a port");
        assertThat(MarkdownReport.escape("line\nbreak\r\nand  tab\t!")).isEqualTo("line break and tab !");
        assertThat(MarkdownReport.escape("<b>&\"'")).isEqualTo("&lt;b&gt;&amp;&quot;&apos;");
    }
}
