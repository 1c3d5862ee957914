package io.labgrader.ci;

import io.labgrader.testing.Commands;
import io.labgrader.testing.Labgrader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * labgrader replay as its own process, on this machine's real Docker Engine: the bounds a CI job relies on. The lab
 * itself replayed inside a pipeline is {@link GradingJobTest}.
 */
class ReplayCommandTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("a script that runs too long is stopped with everything it started; its output so far is kept, and the evidence is graded")
    void timeout() throws IOException {
        Labgrader labgrader = new Labgrader(dir, "docker");
        Files.writeString(dir.resolve("slow.sh"), """
                echo "DOCKER_HOST=$DOCKER_HOST LABGRADER_PORT_HOST=$LABGRADER_PORT_HOST"
                sleep 120 &
                echo $! > child.pid
                echo "waiting"
                sleep 120
                echo "never printed"
                """);
        long start = System.nanoTime();

        Commands.Result replay = labgrader.run("replay", "slow.sh", "--timeout", "2", "--lang", "en");

        assertThat((System.nanoTime() - start) / 1_000_000_000L).as("seconds").isLessThan(60);
        assertThat(replay.exitCode()).as(replay.all()).isZero();
        assertThat(replay.stderr()).contains("labgrader: slow.sh did not finish within 2 s and was stopped; grading what happened until then.");
        assertThat(replay.stdout()).contains("Score: 5 / 65"); // the engine answered; the lab was not done
        long child = Long.parseLong(Files.readString(dir.resolve("child.pid")).strip());
        assertThat(running(child)).as("the script's background child").isFalse();

        String output = raw("replay-output.txt");
        assertThat(output).contains("LABGRADER_PORT_HOST=" + portHost(), "waiting").doesNotContain("never printed")
                .containsPattern("DOCKER_HOST=(unix|tcp)://\\S+");
        assertThat(raw("replay.json")).contains("\"timedOut\" : true", "\"timeoutSeconds\" : 2")
                .doesNotContain("\"exitCode\" : 0");
    }

    @Test
    @DisplayName("no engine answers: the script is not run, the evidence is graded, and the exit code says nothing could be replayed (3)")
    void noEngine() throws IOException {
        Labgrader labgrader = new Labgrader(dir, "docker").env("DOCKER_HOST", "unix:///tmp/labgrader-ci-no-such-docker.sock");
        Files.writeString(dir.resolve("lab.sh"), "touch ran\n");

        Commands.Result replay = labgrader.run("replay", "lab.sh", "--lang", "en");

        assertThat(replay.exitCode()).as(replay.all()).isEqualTo(3);
        assertThat(replay.stderr()).contains("labgrader: no Docker Engine answers ([unix:///tmp/labgrader-ci-no-such-docker.sock]); lab.sh is not run.");
        assertThat(dir.resolve("ran")).doesNotExist();
        assertThat(dir.resolve("report/report.json")).exists();
    }

    @Test
    @DisplayName("a missing script is a usage error (2), and nothing is written")
    void missingScript() {
        Labgrader labgrader = new Labgrader(dir, "docker");

        Commands.Result replay = labgrader.run("replay", "nope.sh");

        assertThat(replay.exitCode()).isEqualTo(2);
        assertThat(replay.stderr()).isEqualTo("labgrader: nope.sh: no such file\n");
        assertThat(dir.resolve("evidence")).doesNotExist();
        assertThat(dir.resolve("report")).doesNotExist();
    }

    /** Where published ports answer: localhost for a local engine, DOCKER_HOST's host for tcp:// (GitLab's dind). */
    private static String portHost() {
        String dockerHost = System.getenv("DOCKER_HOST");
        if (dockerHost != null && dockerHost.startsWith("tcp://")) {
            return java.net.URI.create(dockerHost).getHost();
        }
        return "localhost";
    }

    private String raw(String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("evidence/raw"))) {
            List<Path> found = files.filter(p -> p.getFileName().toString().endsWith("-" + suffix)).toList();
            assertThat(found).as("raw/*-" + suffix).hasSize(1);
            return Files.readString(found.get(0));
        }
    }

    /** Alive and not a zombie: a killed child that nobody has reaped yet counts as ended. */
    private static boolean running(long pid) throws IOException {
        Path stat = Path.of("/proc/" + pid + "/stat");
        if (!Files.exists(stat)) {
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }
        String text = Files.readString(stat);
        char state = text.charAt(text.lastIndexOf(')') + 2);
        return state != 'Z' && state != 'X';
    }
}
