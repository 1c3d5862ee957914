package io.labgrader.cli;

import io.labgrader.testing.Labgrader;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * labgrader as its own process, grading a saved bundle (no Docker needed) with stdout in the encodings students'
 * consoles have; its bytes are decoded as that console would and compared exactly. Windows consoles cannot run
 * here: their Java 17 behaviour is forced with the property the JVM sets there ({@code sun.stdout.encoding} = the
 * console's code page, cp850 in a German cmd.exe; {@code file.encoding} = cp1252 when stdout is redirected), and the
 * Java 25 runtime image's with {@code stdout.encoding}.
 */
class ConsoleEncodingProcessTest {

    private static final Path BUNDLE = Path.of("src/test/resources/batch/bundles/wrong-port").toAbsolutePath();
    private static final String JAVA_25 = "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java";

    /** The docker section of wrong-port as a UTF-8 console shows it; the other consoles differ only where stated. */
    private static final String UTF8_DE = """
            Docker vs. virtuelle Maschine
              ✔  docker.engine          Docker Engine erreichbar         5 /  5
              ✔  docker.hello-world     hello-world ausgeführt          10 / 10
              ✔  docker.nginx-detached  nginx im Hintergrund gestartet   5 /  5
              ✘  docker.nginx-port      Port 8080 veröffentlicht         0 / 10
                 Erwartet: 8080->80/tcp (-p 8080:80). Gefunden bei 'lab-web-grace-1795828728-19859' (058d209a4dcf): 8081->80/tcp.
                 Hinweis: -p 8080:80 bildet Port 8080 des Hosts auf Port 80 des Containers ab: zuerst der Host-Port, dann der Container-Port.
              ⊘  docker.nginx-answers   nginx antwortet auf Port 8080    0 / 15
                 Nicht bewertet: setzt docker.nginx-port (Port 8080 veröffentlicht) voraus, das nicht erfüllt ist.
              ✔  docker.nginx-stopped   nginx-Container gestoppt        10 / 10
              ✔  docker.nginx-removed   nginx-Container entfernt        10 / 10
            Punkte: 40 / 65
            """;

    /** A Windows console (cp850, cp1252): it has the umlauts but none of the marks. */
    private static final String WINDOWS_DE = UTF8_DE.replace("  ✔", "  [ok]").replace("  ✘", "  [XX]").replace("  ⊘", "  [--]");

    private static final String ASCII_DE = """
            Docker vs. virtuelle Maschine
              [ok]  docker.engine          Docker Engine erreichbar         5 /  5
              [ok]  docker.hello-world     hello-world ausgefuehrt         10 / 10
              [ok]  docker.nginx-detached  nginx im Hintergrund gestartet   5 /  5
              [XX]  docker.nginx-port      Port 8080 veroeffentlicht        0 / 10
                 Erwartet: 8080->80/tcp (-p 8080:80). Gefunden bei 'lab-web-grace-1795828728-19859' (058d209a4dcf): 8081->80/tcp.
                 Hinweis: -p 8080:80 bildet Port 8080 des Hosts auf Port 80 des Containers ab: zuerst der Host-Port, dann der Container-Port.
              [--]  docker.nginx-answers   nginx antwortet auf Port 8080    0 / 15
                 Nicht bewertet: setzt docker.nginx-port (Port 8080 veroeffentlicht) voraus, das nicht erfuellt ist.
              [ok]  docker.nginx-stopped   nginx-Container gestoppt        10 / 10
              [ok]  docker.nginx-removed   nginx-Container entfernt        10 / 10
            Punkte: 40 / 65
            """;

    private static final String ASCII_EN = """
            Docker vs. virtual machine
              [ok]  docker.engine          Docker Engine reachable      5 /  5
              [ok]  docker.hello-world     hello-world ran             10 / 10
              [ok]  docker.nginx-detached  nginx started detached       5 /  5
              [XX]  docker.nginx-port      Port 8080 published          0 / 10
                 Expected 8080->80/tcp (-p 8080:80) but found 8081->80/tcp on 'lab-web-grace-1795828728-19859' (058d209a4dcf).
                 Hint: -p 8080:80 maps the host's port 8080 to the container's port 80: host port first, container port second.
              [--]  docker.nginx-answers   nginx answers on port 8080   0 / 15
                 Not attempted: requires docker.nginx-port (Port 8080 published), which did not pass.
              [ok]  docker.nginx-stopped   nginx container stopped     10 / 10
              [ok]  docker.nginx-removed   nginx container removed     10 / 10
            Score: 40 / 65
            """;

    static Stream<Arguments> consoles() {
        return Stream.of(
                arguments("Linux, LANG=C, Java 17 (US-ASCII): ASCII marks, ü as ue", "java", "C", List.of(), "US-ASCII", "de", ASCII_DE),
                arguments("Linux, LANG=C, Java 17, English", "java", "C", List.of(), "US-ASCII", "en", ASCII_EN),
                arguments("Linux, LANG=C.UTF-8, Java 17: ✔ ✘ ⊘ and ü", "java", "C.UTF-8", List.of(), "UTF-8", "de", UTF8_DE),
                arguments("Windows console in cp850, Java 17 (sun.stdout.encoding): umlauts kept, ASCII marks", "java", "C.UTF-8",
                        List.of("-Dsun.stdout.encoding=cp850"), "cp850", "de", WINDOWS_DE),
                arguments("Windows console in cp1252, Java 17 (sun.stdout.encoding)", "java", "C.UTF-8",
                        List.of("-Dsun.stdout.encoding=cp1252"), "cp1252", "de", WINDOWS_DE),
                arguments("Windows, stdout redirected, Java 17 (file.encoding=cp1252)", "java", "C",
                        List.of("-Dfile.encoding=cp1252"), "cp1252", "de", WINDOWS_DE),
                arguments("Linux, LANG=C, Java 25 runtime (stdout.encoding from the locale)", JAVA_25, "C", List.of(), "US-ASCII", "de", ASCII_DE),
                arguments("Windows console in cp850, Java 25 runtime (stdout.encoding)", JAVA_25, "C.UTF-8",
                        List.of("-Dstdout.encoding=cp850"), "cp850", "de", WINDOWS_DE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("consoles")
    void theReportReadsRightInTheConsolesEncoding(String console, String java, String lang, List<String> jvmOptions,
                                                   String encoding, String language, String expected,
                                                   @TempDir Path dir) throws Exception {
        String stdout = run(dir, java, lang, jvmOptions, Charset.forName(encoding), "grade", BUNDLE.toString(), "--lang", language);

        // the criteria table exactly; after it the comparison section, which is only required to be there and clean
        String table = stdout.substring(0, Math.min(stdout.length(), expected.replace("\n", System.lineSeparator()).length()));
        assertThat(table).as("stdout decoded as %s", encoding).isEqualTo(expected.replace("\n", System.lineSeparator()));
        assertThat(stdout).contains(language.equals("de") ? "Ihr Vergleich:" : "Your comparison:");
        assertThat(stdout).doesNotContain("?", "\uFFFD");
    }

    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.DisplayName("labgrader rubric under LANG=C: titles spelled in ASCII and the points column still aligned")
    void rubricTableUnderLangC(@TempDir Path dir) throws Exception {
        String stdout = run(dir, "java", "C", List.of(), StandardCharsets.US_ASCII, "rubric", "--lang", "de");

        List<String> rows = stdout.lines().filter(l -> l.startsWith("docker.")).toList();
        assertThat(rows).hasSize(7).contains(
                "docker.hello-world     hello-world ausgefuehrt             10  docker.engine",
                "docker.nginx-port      Port 8080 veroeffentlicht           10  docker.nginx-detached");
        // points are right-aligned under the header "Punkte": every row's number ends where that word ends
        int end = stdout.lines().filter(l -> l.startsWith("id ")).findFirst().orElseThrow().indexOf("Punkte") + "Punkte".length();
        assertThat(rows).allSatisfy(row -> assertThat(row.substring(end - 2, end + 1)).as("the points column of: %s", row)
                .matches("[ 1-9][0-9] "));
        assertThat(stdout).doesNotContain("?");
    }

    /** labgrader's stdout, run in {@code dir} with the locale, JVM options and JDK given, decoded as the console would. */
    private static String run(Path dir, String java, String lang, List<String> jvmOptions, Charset console, String... args)
            throws Exception {
        Labgrader labgrader = new Labgrader(dir, "docker");
        List<String> command = new ArrayList<>(labgrader.command(args));
        if (!java.equals("java")) {
            assertThat(Path.of(java)).as("the JDK this case runs on").exists();
            command.set(0, java);
        }
        command.addAll(1, jvmOptions);
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile());
        builder.environment().remove("LC_ALL");
        builder.environment().remove("LC_CTYPE");
        builder.environment().put("LANG", lang);
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("labgrader finishes within 60 s").isTrue();
        assertThat(process.exitValue()).as("exit code; stderr: %s", Files.readString(dir.resolve("err"), StandardCharsets.ISO_8859_1)).isZero();
        return decode(dir.resolve("out"), console);
    }

    /** The bytes as the console decodes them; a byte that is no character in its encoding would show as U+FFFD. */
    private static String decode(Path file, Charset charset) throws IOException {
        return new String(Files.readAllBytes(file), charset);
    }
}
