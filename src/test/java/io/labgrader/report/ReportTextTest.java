package io.labgrader.report;

import io.labgrader.rubric.LocalizedText.Language;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTextTest {

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
    void numberUsesADecimalCommaInGerman() {
        assertThat(ReportText.number(ReportText.percent(5, 40), Language.DE)).isEqualTo("12,5");
        assertThat(ReportText.number(ReportText.percent(5, 40), Language.EN)).isEqualTo("12.5");
        assertThat(ReportText.number(ReportText.percent(3, 0), Language.EN)).isEqualTo("0");
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
