package io.labgrader.dist;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Windows launchers, src/dist/labgrader.cmd and labgrader.ps1. They cannot run here: there is no Windows, and
 * PowerShell is not in Debian's packages. So they are kept trivial, and this test reads them: each starts java once,
 * on the jar next to it, with every argument handed on as given. cmd's %* is the command line's arguments exactly as
 * typed (quotes and spaces kept; cmd /? "call"), PowerShell's @args splats each argument as one argument
 * (about_Splatting).
 */
class WindowsLaunchersTest {

    private static List<String> lines(String file) throws IOException {
        return Arrays.asList(Files.readString(Path.of("src/dist", file)).split("\r\n", -1));
    }

    @Test
    @DisplayName("labgrader.cmd (cannot run here, read instead): one java call with the jar and %*, CRLF lines, nothing else passed on")
    void cmdPassesArgumentsUnchanged() throws IOException {
        String text = Files.readString(Path.of("src/dist/labgrader.cmd"));
        List<String> lines = lines("labgrader.cmd");

        assertThat(text.replace("\r\n", "")).as("cmd needs CRLF line ends (labels and goto misbehave without)")
                .doesNotContain("\n").doesNotContain("\r");
        List<String> javaCalls = lines.stream().filter(l -> l.startsWith("\"%LG_JAVA%\"")).toList();
        assertThat(javaCalls).hasSize(1);
        assertThat(javaCalls.get(0)).endsWith(" -jar \"%LG_HOME%labgrader.jar\" %*").contains(" -Xmx512m ");
        assertThat(lines).as("a line that picks single arguments or shifts them")
                .noneMatch(l -> !l.startsWith("rem ") && l.matches(".*(%~?[1-9]|\\bshift\\b).*"));
        assertThat(lines).as("a line that sets the jar's folder").contains("set \"LG_HOME=%~dp0\"");
        assertThat(lines).noneMatch(l -> !l.startsWith("rem ") && l.matches("(?i).*\\b(mvn|git|curl|wget|bitsadmin)\\b.*"));
        assertThat(lines).contains("exit /b %ERRORLEVEL%", "exit /b 2");
    }

    @Test
    @DisplayName("labgrader.ps1 (cannot run here, read instead): one java call with the jar and @args, and java's exit code")
    void ps1PassesArgumentsUnchanged() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("src/dist/labgrader.ps1"));

        List<String> javaCalls = lines.stream().filter(l -> l.startsWith("& $java ")).toList();
        assertThat(javaCalls).hasSize(1);
        assertThat(javaCalls.get(0)).endsWith(" -jar (Join-Path $lgHome 'labgrader.jar') @args").contains(" -Xmx512m ");
        // Windows PowerShell 5.1 passes -Dname.with.dots=value to a native command split at the first dot
        // (-Dname and .with.dots=value); only a quoted argument reaches java whole
        assertThat(javaCalls.get(0).split(" ")).filteredOn(a -> a.contains("-D"))
                .as("system properties in the java call").isNotEmpty().allMatch(a -> a.matches("'-D[^']+'"));
        assertThat(lines).contains("$lgHome = $PSScriptRoot", "exit $LASTEXITCODE");
        assertThat(lines).noneMatch(l -> !l.startsWith("#") && l.matches("(?i).*(\\$args\\[|\\b(mvn|git|curl|wget|Invoke-WebRequest)\\b).*"));
    }
}
