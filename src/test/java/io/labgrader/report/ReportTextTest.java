package io.labgrader.report;

import io.labgrader.rubric.LocalizedText.Language;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTextTest {

    @Test
    void cleanRemovesEscapeSequencesAndControlCharacters() {
        assertThat(ReportText.clean("a\u001b[2Jb\u001b[1;31mc\u001b[0m\u0000d\u0007e")).isEqualTo("abcde");
        assertThat(ReportText.clean("title\u001b]0;pwned\u0007 rest")).isEqualTo("title rest");
        assertThat(ReportText.clean("osc\u001b]8;;http://x\u001b\\link")).isEqualTo("osclink");
        assertThat(ReportText.clean("c1\u009b2Jcsi \u0085next")).isEqualTo("c1csi next");
        assertThat(ReportText.clean("esc\u001bcreset")).isEqualTo("escreset");
        assertThat(ReportText.clean("trailing escape\u001b")).isEqualTo("trailing escape");
    }

    @Test
    void cleanKeepsLineBreaksAndTextButDropsBidiOverridesAndNonCharacters() {
        assertThat(ReportText.clean("one\r\ntwo\rthree\tfour")).isEqualTo("one\ntwo\nthree four");
        assertThat(ReportText.clean("ab\u202Edc\u2066x\u2069 \uFFFF\uFFFE")).isEqualTo("abdcx ");
        assertThat(ReportText.clean("lone \uD800 surrogate")).isEqualTo("lone  surrogate");
        assertThat(ReportText.clean("Größe ✅ 日本 \uD83D\uDE00")).isEqualTo("Größe ✅ 日本 \uD83D\uDE00");
        assertThat(ReportText.clean(null)).isEmpty();
    }

    @Test
    void oneLineCollapsesWhitespace() {
        assertThat(ReportText.oneLine("  a\n\n b \t c\u001b[2J ")).isEqualTo("a b c");
        assertThat(ReportText.oneLine("a  b")).isEqualTo("a b");
        assertThat(ReportText.oneLine(" lead")).isEqualTo("lead");
        assertThat(ReportText.oneLine("trail ")).isEqualTo("trail");
        assertThat(ReportText.oneLine("a\nb")).isEqualTo("a b");
        assertThat(ReportText.oneLine("Größe · 8080 [10 pts]")).isEqualTo("Größe · 8080 [10 pts]");
        assertThat(ReportText.oneLine(" ")).isEmpty();
    }

    @Test
    void widthCountsTerminalColumns() {
        assertThat(ReportText.width("abc")).isEqualTo(3);
        assertThat(ReportText.width("Größe")).isEqualTo(5);
        assertThat(ReportText.width("e\u0301")).isEqualTo(1);
        assertThat(ReportText.width("日本")).isEqualTo(4);
        assertThat(ReportText.width("\uD83D\uDE00")).isEqualTo(2);
    }

    @Test
    void truncateCutsByColumns() {
        assertThat(ReportText.truncate("abcdef", 6)).isEqualTo("abcdef");
        assertThat(ReportText.truncate("abcdefg", 6)).isEqualTo("abcde…");
        assertThat(ReportText.truncate("日本語です", 6)).isEqualTo("日本…");
    }

    @Test
    void percentAndScoreLine() {
        assertThat(ReportText.percent(Fixtures.fourOutcomes())).hasToString("12.5");
        assertThat(ReportText.scoreLine(Fixtures.fourOutcomes(), Language.DE)).isEqualTo("5 / 40 (12,5 %)");
        assertThat(ReportText.scoreLine(Fixtures.fourOutcomes(), Language.EN)).isEqualTo("5 / 40 (12.5 %)");
        assertThat(ReportText.scoreLine(Fixtures.result(List.of(Fixtures.passed())), Language.EN))
                .isEqualTo("5 / 5 (100 %)");
        assertThat(ReportText.scoreLine(Fixtures.result(List.of(Fixtures.passed(), Fixtures.blocked(),
                Fixtures.notGradable())), Language.EN)).isEqualTo("5 / 30 (16.7 %)");
        assertThat(ReportText.scoreLine(Fixtures.result(List.of()), Language.DE)).isEqualTo("0 / 0 (0 %)");
    }

    @Test
    void displayNameFormat() {
        assertThat(ReportText.displayName(Fixtures.blocked(), Language.DE))
                .isEqualTo("docker.nginx-port · Port 8080 veröffentlicht [10 P.]");
        assertThat(ReportText.displayName(Fixtures.blocked(), Language.EN))
                .isEqualTo("docker.nginx-port · Port 8080 published [10 pts]");
    }
}
