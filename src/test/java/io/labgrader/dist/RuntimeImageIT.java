package io.labgrader.dist;

import io.labgrader.testing.Commands;
import io.labgrader.testing.LabDocker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The self-contained download (target/labgrader-<version>-linux-x64.tar.gz, scripts/build-runtime-image.sh, run by
 * the runtime-image profile) used as a new student uses it: unpacked with tar in a clean Debian container that has
 * no Java at all (labgrader-test/bare), and run against the test's Docker Engine through its socket.
 */
@DisplayName("the runtime image, without any Java")
class RuntimeImageIT extends StudentDownload {

    static final String IMAGE = "labgrader-test/bare:latest";

    @TempDir
    Path dir;
    Path folder;

    @BeforeEach
    void unpack() throws Exception {
        Path archive = Path.of(System.getProperty("labgrader.runtimeImage", "")).toAbsolutePath();
        assertThat(archive).as("the runtime image of scripts/build-runtime-image.sh (-Pruntime-image)").isRegularFile();
        Files.copy(archive, dir.resolve(archive.getFileName()));
        LabDocker.removeLabContainers();
        machine = StudentMachine.start(IMAGE, dir);
        Commands.Result java = machine.sh("command -v java; ls /usr/lib/jvm 2>/dev/null; true");
        assertThat(java.stdout()).as("a Java install on the machine without Java").isBlank();
        Commands.Result untar = machine.sh("tar -xzf " + archive.getFileName());
        assertThat(untar.exitCode()).as(untar.all()).isZero();
        folder = dir.resolve(archive.getFileName().toString().replace(".tar.gz", ""));
        lab = new StudentLab(machine.cd(folder), folder, "./labgrader");
    }

    @Test
    @DisplayName("the shipped AOT cache fits the shipped JVM: -XX:AOTMode=on, which refuses an unusable cache, starts")
    void aotCacheIsUsable() {
        Commands.Result plain = lab.labgrader("rubric");
        Commands.Result aotOn = machine.sh("LABGRADER_JAVA_OPTS=-XX:AOTMode=on ./labgrader rubric");

        assertThat(aotOn.exitCode()).as(aotOn.all()).isZero();
        assertThat(aotOn.stdout()).isEqualTo(plain.stdout()).contains("Total: 100 points");
    }

    @Test
    @DisplayName("the runtime's own java replays no training data at start (jlink --add-options), whichever launcher starts it")
    void runtimeReplaysNoTrainingData() {
        Commands.Result flags = machine.sh("runtime/bin/java -XX:AOTCache=labgrader.aot -XX:+PrintFlagsFinal -version");

        assertThat(flags.exitCode()).as(flags.all()).isZero();
        // without the image's default options the flag is diagnostic and hidden, or "true {ergonomic}" with the cache
        assertThat(flags.stdout().lines().filter(line -> line.contains(" AOTReplayTraining ")))
                .as(flags.all()).singleElement().asString().contains("= false").contains("{jimage}");
    }
}
