package io.labgrader.dist;

import io.labgrader.testing.Commands;
import io.labgrader.testing.LabDocker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The student download (target/labgrader-<version>-student.zip, built by mvn package) used as a new student uses
 * it: unpacked with the system's unzip, run in a clean Debian container that has only a Java 17 runtime
 * (labgrader-test/java17, scripts/prepare-test-images.sh) against the test's Docker Engine through its socket.
 */
@DisplayName("the student zip, with only Java 17")
class StudentZipIT extends StudentDownload {

    static final String IMAGE = "labgrader-test/java17:latest";

    @TempDir
    Path dir;
    Path folder;

    @BeforeEach
    void unpack() {
        Path zip = Path.of(System.getProperty("labgrader.studentZip", "target/labgrader-0.1.0-student.zip"));
        assertThat(zip).as("the student zip of mvn package").isRegularFile();
        Commands.Result unzip = Commands.run(dir, Map.of(), Duration.ofMinutes(1), List.of("unzip", "-q", zip.toAbsolutePath().toString()));
        assertThat(unzip.exitCode()).as(unzip.all()).isZero();
        folder = dir.resolve(zip.getFileName().toString().replace("-student.zip", ""));
        assertThat(folder.resolve("labgrader")).isExecutable();
        LabDocker.removeLabContainers();
        machine = StudentMachine.start(IMAGE, folder);
        lab = new StudentLab(machine, folder, "./labgrader");
    }

    @Test
    @DisplayName("java -jar labgrader.jar works without the launcher, and the offline regrade needs no network at all")
    void plainJavaJarAndOfflineRegrade() {
        Commands.Result first = lab.doTheLabWithChecks();
        assertThat(first.exitCode()).as(first.all()).isZero();

        Commands.Result version = lab.labgrader("--version");
        Commands.Result jar = machine.sh("java -jar labgrader.jar --version");
        assertThat(jar.exitCode()).as(jar.all()).isZero();
        assertThat(jar.stdout()).isEqualTo(version.stdout()).startsWith("labgrader ");
        // a second container without any network: the same download regrades the evidence just recorded
        Commands.Result offline = Commands.run(null, Map.of(), Duration.ofMinutes(2), List.of("docker", "run", "--rm",
                "--network", "none", "-v", folder + ":" + folder, "-w", folder.toString(), IMAGE,
                "sh", "-c", "./labgrader grade evidence --lang en --out regraded"));
        assertThat(offline.exitCode()).as(offline.all()).isZero();
        assertThat(offline.stdout()).contains("65 / 100");
    }

    @Test
    @DisplayName("the class-data archive: not recorded by --version, recorded by the first check, used after, and recorded anew for a changed jar instead of going stale")
    void classDataArchiveFollowsTheJar() throws Exception {
        String archives = "ls /root/.cache/labgrader/";
        assertThat(lab.labgrader("--version").exitCode()).isZero();
        assertThat(machine.sh(archives).stdout()).as("archives after --version").isBlank();

        Commands.Result first = lab.doTheLabWithChecks();
        assertThat(first.exitCode()).as(first.all()).isZero();
        String recorded = machine.sh(archives).stdout().strip();
        assertThat(recorded).as("archives after the first check").matches("labgrader-\\d+\\.jsa");

        // -Xshare:on makes the JVM refuse to start when it cannot map the archive: it is used, not silently ignored
        Commands.Result shared = machine.sh("LABGRADER_JAVA_OPTS=-Xshare:on ./labgrader rubric");
        assertThat(shared.exitCode()).as(shared.all()).isZero();

        // another jar (as after an update; its time is all the JVM checks besides the size): the old archive would be
        // unusable, so the launcher must record one for this jar
        Files.setLastModifiedTime(folder.resolve("labgrader.jar"), FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        Commands.Result afterUpdate = lab.check();
        assertThat(afterUpdate.exitCode()).as(afterUpdate.all()).isZero();
        Commands.Result sharedAgain = machine.sh("LABGRADER_JAVA_OPTS=-Xshare:on ./labgrader rubric");
        assertThat(sharedAgain.exitCode()).as("a check after the jar changed records a usable archive: "
                + sharedAgain.all()).isZero();
        assertThat(machine.sh(archives).stdout().strip().split("\\s+")).as("one archive per jar").hasSize(2).contains(recorded);
    }
}
