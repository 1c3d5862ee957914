package io.labgrader.dist;

import io.labgrader.testing.Commands;
import io.labgrader.testing.LabDocker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every student download must do on a clean machine (a {@link StudentMachine}): check and watch grade the lab.
 * A subclass unpacks its download into {@link #lab} and {@link #machine}, as a student would.
 */
abstract class StudentDownload {

    StudentMachine machine;
    StudentLab lab;

    /** The student zip of mvn package, unpacked with the system's unzip into {@code dir}; its folder. */
    static Path unzipStudentZip(Path dir) {
        Path zip = Path.of(System.getProperty("labgrader.studentZip", "target/labgrader-0.1.0-student.zip"));
        assertThat(zip).as("the student zip of mvn package").isRegularFile();
        Commands.Result unzip = Commands.run(dir, Map.of(), Duration.ofMinutes(1), List.of("unzip", "-q", zip.toAbsolutePath().toString()));
        assertThat(unzip.exitCode()).as(unzip.all()).isZero();
        return dir.resolve(zip.getFileName().toString().replace("-student.zip", ""));
    }

    @AfterEach
    void clean() {
        if (machine != null) {
            machine.close();
        }
        LabDocker.removeLabContainers();
    }

    @Test
    @DisplayName("./labgrader check while nginx runs and after removing it grades the Docker section 65 of 65; no Maven, git or downloader there")
    void checkTwiceGradesTheLab() {
        lab.assertNoBuildOrDownloadTools();
        Commands.Result second = lab.doTheLabWithChecks();

        assertThat(second.exitCode()).as(second.all()).isZero();
        assertThat(second.stdout()).contains("65 / 100");
        lab.assertDockerSectionGraded();
    }

    @Test
    @DisplayName("./labgrader watch, the lab in another terminal, Ctrl-C: graded 65 of 65")
    void watchGradesTheLab() throws InterruptedException {
        lab.doTheLabUnderWatch();

        lab.assertDockerSectionGraded();
    }
}
