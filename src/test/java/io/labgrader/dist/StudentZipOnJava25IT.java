package io.labgrader.dist;

import io.labgrader.testing.Commands;
import io.labgrader.testing.LabDocker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The student zip on a machine whose Java is 25, the current long-term release: the clean Debian container without
 * any Java (labgrader-test/bare), with this machine's Temurin 25 JDK mounted read-only as the student's JAVA_HOME.
 * The launcher then records an AOT cache (JEP 483) instead of the class-data archive it records for Java 17.
 */
@DisplayName("the student zip, with only Java 25")
class StudentZipOnJava25IT extends StudentDownload {

    static final String JDK = System.getProperty("labgrader.jdk25", "/usr/lib/jvm/temurin-25-jdk-amd64");
    static final String CACHE = "/root/.cache/labgrader/";

    @TempDir
    Path dir;
    Path folder;

    @BeforeEach
    void unpack() {
        assertThat(Path.of(JDK, "bin/java")).as("a JDK 25 on this machine (labgrader.jdk25)").isExecutable();
        folder = unzipStudentZip(dir);
        LabDocker.removeLabContainers();
        machine = StudentMachine.start(RuntimeImageIT.IMAGE, folder,
                List.of("-v", JDK + ":/opt/java25:ro", "-e", "JAVA_HOME=/opt/java25"));
        Commands.Result java = machine.sh("command -v java; \"$JAVA_HOME/bin/java\" -version 2>&1");
        assertThat(java.stdout()).as("only the mounted Java 25").doesNotContain("/usr/bin/java").contains("version \"25");
        lab = new StudentLab(machine, folder, "./labgrader");
    }

    @Test
    @DisplayName("the AOT cache: the first check records its configuration, the second assembles it, later runs start with it (-XX:AOTMode=on, which refuses an unusable cache); no JVM message reaches the student")
    void aotCacheRecordedAssembledAndUsed() {
        Commands.Result version = lab.labgrader("--version");
        assertThat(version.exitCode()).as(version.all()).isZero();
        assertThat(machine.sh("ls -I servers " + CACHE).stdout()).as("after --version").isBlank();

        lab.runHelloWorldAndNginx();
        Commands.Result first = lab.check();
        assertThat(first.exitCode()).as(first.all()).isZero();
        assertThat(first.stderr()).isEmpty();
        assertThat(first.stdout()).doesNotContain("AOT");
        String recorded = machine.sh("ls -I servers " + CACHE).stdout().strip();
        assertThat(recorded).as("after the first check").matches("labgrader-\\d+\\.aotconf");
        assertThat(machine.sh("test -s " + CACHE + recorded).exitCode()).as("a recorded configuration").isZero();

        lab.stopAndRemoveNginx();
        Commands.Result second = lab.check();
        assertThat(second.exitCode()).as(second.all()).isZero();
        assertThat(second.stderr()).isEmpty();
        assertThat(second.stdout()).doesNotContain("AOT").contains("65 / 100");
        String cache = recorded.replace(".aotconf", ".aot");
        assertThat(machine.sh("ls -I servers " + CACHE).stdout().strip().split("\\s+")).containsExactlyInAnyOrder(cache, recorded);

        Commands.Result aotOn = machine.sh("LABGRADER_JAVA_OPTS=-XX:AOTMode=on ./labgrader rubric");
        Commands.Result plain = lab.labgrader("rubric");
        assertThat(aotOn.exitCode()).as("the assembled cache is usable: " + aotOn.all()).isZero();
        assertThat(aotOn.stdout()).isEqualTo(plain.stdout()).contains("Total: 100 points");
        lab.assertDockerSectionGraded();
    }
}
