package io.labgrader.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The one text-safety helper: what it removes from students' text, and what it keeps. */
class SafeTextTest {

    @Test
    void cleanRemovesEscapeSequencesAndControlCharacters() {
        assertThat(SafeText.clean("a\u001b[2Jb\u001b[1;31mc\u001b[0m\u0000d\u0007e")).isEqualTo("abcde");
        assertThat(SafeText.clean("title\u001b]0;pwned\u0007 rest")).isEqualTo("title rest");
        assertThat(SafeText.clean("osc\u001b]8;;http://x\u001b\\link")).isEqualTo("osclink");
        assertThat(SafeText.clean("c1\u009b2Jcsi \u0085next")).isEqualTo("c1csi next");
        assertThat(SafeText.clean("esc\u001bcreset")).isEqualTo("escreset");
        assertThat(SafeText.clean("trailing escape\u001b")).isEqualTo("trailing escape");
    }

    @Test
    void cleanKeepsLineBreaksAndTextButDropsBidiOverridesAndNonCharacters() {
        assertThat(SafeText.clean("one\r\ntwo\rthree\tfour")).isEqualTo("one\ntwo\nthree four");
        assertThat(SafeText.clean("ab\u202Edc\u2066x\u2069 \uFFFF\uFFFE")).isEqualTo("abdcx ");
        assertThat(SafeText.clean("lone \uD800 surrogate")).isEqualTo("lone  surrogate");
        assertThat(SafeText.clean("Größe ✅ 日本 \uD83D\uDE00")).isEqualTo("Größe ✅ 日本 \uD83D\uDE00");
        assertThat(SafeText.clean(null)).isEmpty();
    }

    @Test
    void oneLineCollapsesWhitespace() {
        assertThat(SafeText.oneLine("  a\n\n b \t c\u001b[2J ")).isEqualTo("a b c");
        assertThat(SafeText.oneLine("a  b")).isEqualTo("a b");
        assertThat(SafeText.oneLine(" lead")).isEqualTo("lead");
        assertThat(SafeText.oneLine("trail ")).isEqualTo("trail");
        assertThat(SafeText.oneLine("a\nb")).isEqualTo("a b");
        assertThat(SafeText.oneLine("Größe · 8080 [10 pts]")).isEqualTo("Größe · 8080 [10 pts]");
        assertThat(SafeText.oneLine(" ")).isEmpty();
    }

    @Test
    void noFormulaPrefixesCellsASpreadsheetWouldRunAsAFormula() {
        assertThat(SafeText.noFormula("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(SafeText.noFormula("+1")).isEqualTo("'+1");
        assertThat(SafeText.noFormula("-2")).isEqualTo("'-2");
        assertThat(SafeText.noFormula("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(SafeText.noFormula("\tx")).isEqualTo("'\tx");
        assertThat(SafeText.noFormula("\rx")).isEqualTo("'\rx");
        assertThat(SafeText.noFormula("Anna = Bert")).isEqualTo("Anna = Bert");
        assertThat(SafeText.noFormula("")).isEmpty();
    }
}
