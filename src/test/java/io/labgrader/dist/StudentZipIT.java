package io.labgrader.dist;

import com.fasterxml.jackson.databind.JsonNode;
import io.labgrader.testing.Commands;
import io.labgrader.testing.LabDocker;
import io.labgrader.testing.Labgrader;
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
import java.util.UUID;

import static io.labgrader.testing.Commands.dockerOk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

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
        folder = unzipStudentZip(dir);
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
        String archives = "ls -I servers /root/.cache/labgrader/"; // servers/: the check server's sockets
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

    @Test
    @DisplayName("check server in the clean container: after the lab's first check, the next one is served (a line in the server's log) and reports what a check in its own JVM reports")
    void laterChecksServed() {
        lab.runHelloWorldAndNginx();
        Commands.Result first = lab.check();
        assertThat(first.exitCode()).as(first.all()).isZero();
        lab.stopAndRemoveNginx();
        Commands.Result listening = machine.sh("for i in $(seq 150); do ls /root/.cache/labgrader/servers/*.sock"
                + " >/dev/null 2>&1 && exit 0; sleep 0.2; done; exit 1");
        assertThat(listening.exitCode()).as("a check server listens within 30 s of the first check").isZero();

        Commands.Result served = lab.check();

        assertThat(served.exitCode()).as(served.all()).isZero();
        assertThat(machine.sh("cat /root/.cache/labgrader/servers/*.log").stdout()).as("the server's log")
                .containsPattern("labgrader check server: \\S+, exit 0, \\d+ ms");
        lab.assertDockerSectionGraded();
        Commands.Result own = lab.checkWithoutServer();
        String time = "\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?( UTC|Z)?";
        assertThat(served.stdout().replaceAll(time, "<time>")).isEqualTo(own.stdout().replaceAll(time, "<time>"))
                .contains("65 / 100");
        assertThat(served.stderr()).isEqualTo(own.stderr()).isEmpty();
    }

    @Test
    @DisplayName("lab 2 from the same zip: labgrader labs lists both labs, and check --lab docker-networks in a folder of its own grades it as the quick start says (de and en)")
    void labTwoFromTheSameZip() throws Exception {
        Commands.Result labs = lab.labgrader("labs --lang en");
        assertThat(labs.exitCode()).as(labs.all()).isZero();
        assertThat(labs.stdout()).containsPattern("(?m)^docker-networks +Docker networks and volumes ")
                .containsPattern("(?m)^docker-vs-vm +Docker vs\\. virtual machine ");
        for (String quickStart : List.of("README.txt", "LIESMICH.txt")) {
            assertThat(Files.readString(folder.resolve(quickStart))).as(quickStart)
                    .contains("./labgrader labs", "mkdir lab2", "../labgrader check --lab docker-networks", "lab2/evidence/");
        }

        // the quick start's steps up to the first check, under names of this test's own
        String tag = "lg2zip-" + UUID.randomUUID().toString().substring(0, 6);
        try {
            dockerOk("network", "create", tag + "-net");
            dockerOk("volume", "create", tag + "-vol");
            dockerOk("run", "-d", "--name", tag + "-web", "--network", tag + "-net", "-v", tag + "-vol:/usr/share/nginx/html",
                    "-p", "8081:80", "nginx:latest");
            LabDocker.awaitHttp(8081, Duration.ofSeconds(20));
            dockerOk("exec", tag + "-web", "sh", "-c", "echo '<html><head><title>Unsere Seite</title></head></html>'"
                    + " > /usr/share/nginx/html/index.html");
            dockerOk("run", "-d", "--name", tag + "-client", "--network", tag + "-net", "nginx:latest", "sleep", "600");

            Commands.Result check = machine.sh("mkdir lab2 && cd lab2 && ../labgrader check --lab docker-networks --lang en");

            assertThat(check.exitCode()).as(check.all()).isZero();
            assertThat(check.stdout()).startsWith("Docker networks and volumes\n").contains("Score: 80 / 100");
            JsonNode report = Labgrader.report(folder.resolve("lab2/report"));
            assertThat(Labgrader.outcomes(report)).as(report.toPrettyString()).containsExactly(
                    entry("net.engine", "PASSED"), entry("net.network", "PASSED"), entry("net.volume", "PASSED"),
                    entry("web.nginx-network", "PASSED"), entry("web.nginx-volume", "PASSED"),
                    entry("web.nginx-port", "PASSED"), entry("web.own-page", "PASSED"),
                    entry("run.neighbour", "PASSED"), entry("run.survives", "FAILED"));
            assertThat(folder.resolve("lab2/evidence/journal.jsonl")).isRegularFile();
            assertThat(folder.resolve("evidence")).as("lab 1's evidence folder, untouched by lab 2").doesNotExist();
        } finally {
            Commands.docker("rm", "-f", "-v", tag + "-web", tag + "-client");
            Commands.docker("volume", "rm", "-f", tag + "-vol");
            Commands.docker("network", "rm", tag + "-net");
        }
    }
}
