package io.labgrader.report;

import io.labgrader.grading.Outcome;
import io.labgrader.rubric.LocalizedText.Language;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report in the encodings students' consoles have. cp850 is a German Windows console's OEM code page, cp1252 a
 * German Windows' ANSI code page (Java 17's file.encoding there when stdout is redirected), US-ASCII what Java 17
 * picks on Linux under LANG=C. The JDK's own charsets decide what each can encode.
 */
class ConsoleEncodingTest {

    private static final ConsoleEncoding ASCII = new ConsoleEncoding(StandardCharsets.US_ASCII);
    private static final ConsoleEncoding CP850 = new ConsoleEncoding(Charset.forName("cp850"));
    private static final ConsoleEncoding CP1252 = new ConsoleEncoding(Charset.forName("cp1252"));

    @Test
    @DisplayName("German under US-ASCII: ASCII marks, umlauts spelled ue/oe, the columns still aligned")
    void germanInAscii() {
        assertThat(new ConsoleReport().render(Fixtures.fourOutcomes(), Language.DE, false, ASCII)).isEqualTo("""
                Docker vs. virtuelle Maschine
                  [ok]  docker.engine       Docker Engine erreichbar   5 /  5
                  [XX]  docker.hello-world  hello-world ausgefuehrt    0 / 10
                     Erwartet wurde ein Container aus hello-world:latest, aber es gab keinen.
                     Hinweis: Fuehren Sie "docker run hello-world" aus.
                  [--]  docker.nginx-port   Port 8080 veroeffentlicht  0 / 10
                     Nicht versucht: docker.nginx-detached ist nicht bestanden.
                  [!!]  vm.guest            Ubuntu-Gast vorhanden      0 / 15
                     VBoxManage antwortete nicht innerhalb von 10 s.
                Punkte: 5 / 40
                """);
    }

    @Test
    @DisplayName("German in cp850 and cp1252: ASCII marks, umlauts kept")
    void germanInWindowsCodePages() {
        String expected = """
                Docker vs. virtuelle Maschine
                  [ok]  docker.engine       Docker Engine erreichbar  5 /  5
                  [XX]  docker.hello-world  hello-world ausgeführt    0 / 10
                     Erwartet wurde ein Container aus hello-world:latest, aber es gab keinen.
                     Hinweis: Führen Sie "docker run hello-world" aus.
                  [--]  docker.nginx-port   Port 8080 veröffentlicht  0 / 10
                     Nicht versucht: docker.nginx-detached ist nicht bestanden.
                  [!!]  vm.guest            Ubuntu-Gast vorhanden     0 / 15
                     VBoxManage antwortete nicht innerhalb von 10 s.
                Punkte: 5 / 40
                """;
        assertThat(new ConsoleReport().render(Fixtures.fourOutcomes(), Language.DE, false, CP850)).isEqualTo(expected);
        assertThat(new ConsoleReport().render(Fixtures.fourOutcomes(), Language.DE, false, CP1252)).isEqualTo(expected);
    }

    @Test
    @DisplayName("UTF-8 keeps ✔ ✘ ⊘ ! and every character")
    void utf8KeepsEverything() {
        ConsoleEncoding utf8 = new ConsoleEncoding(StandardCharsets.UTF_8);
        assertThat(utf8.mark(Outcome.PASSED) + utf8.mark(Outcome.FAILED) + utf8.mark(Outcome.BLOCKED)
                + utf8.mark(Outcome.NOT_GRADABLE)).isEqualTo("✔✘⊘!");
        assertThat(utf8.fit("ü … – 日本語 😀")).isEqualTo("ü … – 日本語 😀");
    }

    @Test
    @DisplayName("each code page keeps what it has and spells the rest: … – „ “ only cp1252 has, box drawing only cp850 (as iconv agrees)")
    void typographyPerCodePage() {
        String text = "Größe · 3 … 5 – „ok“ → é ñ ─│┼ █";
        assertThat(CP1252.fit(text)).isEqualTo("Größe · 3 … 5 – „ok“ -> é ñ -|+ #");
        assertThat(CP850.fit(text)).isEqualTo("Größe · 3 ... 5 - \"ok\" -> é ñ ─│┼ █");
        assertThat(ASCII.fit(text)).isEqualTo("Groesse - 3 ... 5 - \"ok\" -> e n -|+ #");
        assertThat(ASCII.fit("日本語 😀")).as("what has no ASCII spelling").isEqualTo("??? ?");
    }

    @Test
    @DisplayName("a console stream fits println, printf and append to its encoding; nothing becomes '?' by accident")
    void consolePrintStreamFitsEveryTextPath() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ConsolePrintStream out = new ConsolePrintStream(bytes, ASCII)) {
            out.println("beendet, bewerte…");
            out.printf("%s %d%n", "Prüfung", 1);
            out.append("✔").append('ä');
            out.print(new StringBuilder("ß"));
        }
        assertThat(bytes.toString(StandardCharsets.US_ASCII)).isEqualTo(
                "beendet, bewerte..." + System.lineSeparator() + "Pruefung 1" + System.lineSeparator() + "[ok]aess");
    }

    @Test
    @DisplayName("the encoding of a stream: a console stream's own, else (Java 18+) PrintStream.charset(), else UTF-8")
    void encodingOfAStream() {
        assertThat(ConsoleEncoding.of(new ConsolePrintStream(new ByteArrayOutputStream(), CP850)).charset())
                .isEqualTo(Charset.forName("cp850"));
        assertThat(ConsoleEncoding.of(new java.io.PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                .mark(Outcome.PASSED)).isEqualTo("✔");
    }
}
