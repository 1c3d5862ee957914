package io.labgrader.cli;

import io.labgrader.testing.Commands;
import io.labgrader.testing.Labgrader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check server for real: the built jar (target/labgrader.jar) run as a student's shell runs it, in a student's
 * folder, against this machine's real Docker Engine. The first check runs in its own JVM and leaves a server; later
 * checks from the same folder with the same environment are served by it and must print what a check in its own JVM
 * prints (time stamps aside), with the same exit code, the reports and evidence in the student's folder.
 */
class CheckServerIT {

    private static final Path JAR = Path.of("target/labgrader.jar").toAbsolutePath();
    /** A served check's own output differs from a fresh JVM's only in when the engine was asked. */
    private static final String TIME = "\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?( UTC|Z)?";

    @TempDir
    Path dir;
    Path servers;
    final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void studentsFolder() {
        new Labgrader(dir, "docker"); // the lab's rubric, Docker section only
        servers = dir.resolve("cache/servers");
        env.put("LABGRADER_SERVER", null); // the build switches servers off for every other test
        env.put("CI", null);
        env.put("LABGRADER_CACHE", dir.resolve("cache").toString());
        env.put("LANG", "C.UTF-8");
        env.put("LC_ALL", null);
        assertThat(JAR).as("mvn package has built the jar").exists();
    }

    /** Deleting its socket ends a server: every server of the test is gone within 5 s. */
    @AfterEach
    void serversEnd() throws IOException {
        if (!Files.isDirectory(servers)) {
            return;
        }
        try (Stream<Path> sockets = Files.list(servers)) {
            for (Path socket : sockets.filter(p -> p.toString().endsWith(".sock")).toList()) {
                Files.deleteIfExists(socket);
            }
        }
        assertThat(awaitTrue(Duration.ofSeconds(5), () -> running().isEmpty()))
                .as("servers still running 5 s after their sockets were deleted: %s", running()).isTrue();
    }

    private Commands.Result check(String... args) {
        return checkIn(dir, args);
    }

    private Commands.Result checkIn(Path folder, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx512m", "-jar", JAR.toString(),
                "check", "--evidence", "ev", "--out", "report"));
        command.addAll(List.of(args));
        return Commands.run(folder, env, Duration.ofMinutes(2), command);
    }

    private List<String> running() {
        try {
            return Files.isDirectory(servers) ? CheckServer.running(servers) : List.of();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Waits until the first check's server listens (it starts in the background after that check ends). */
    private String awaitServer(int count) {
        assertThat(awaitTrue(Duration.ofSeconds(30), () -> running().size() == count && running().stream()
                .allMatch(key -> Files.exists(servers.resolve(key + ".sock")))))
                .as("%d server(s) listening within 30 s; running: %s", count, running()).isTrue();
        return running().get(0);
    }

    /** The checks a server has run, from its log (one line each). */
    private long served(String key) throws IOException {
        Path log = servers.resolve(key + ".log");
        return Files.exists(log) ? Files.readAllLines(log).stream().filter(l -> l.contains(", exit ")).count() : 0;
    }

    private static boolean awaitTrue(Duration deadline, BooleanSupplier condition) {
        Instant end = Instant.now().plus(deadline);
        while (Instant.now().isBefore(end)) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static String withoutTimes(String text) {
        return text.replaceAll(TIME, "<time>");
    }

    private long snapshots() throws IOException {
        try (Stream<Path> files = Files.walk(dir.resolve("ev"))) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    @Test
    @DisplayName("the second check is served: the same report as a check in its own JVM, the same exit code, its evidence and reports in the student's folder")
    void servedCheckAsInItsOwnJvm() throws IOException {
        Commands.Result first = check();
        assertThat(first.exitCode()).as(first.all()).isZero();
        String key = awaitServer(1);
        long evidenceBefore = snapshots();
        Files.delete(dir.resolve("report/results.json"));

        Commands.Result served = check();

        assertThat(served(key)).as("checks the server ran").isEqualTo(1);
        assertThat(served.exitCode()).as(served.all()).isZero();
        assertThat(snapshots()).as("evidence files after the served check").isGreaterThan(evidenceBefore);
        assertThat(dir.resolve("report/results.json")).as("the report, written into the student's --out").exists();

        env.put("LABGRADER_SERVER", "off");
        Commands.Result own = check();
        assertThat(own.exitCode()).isEqualTo(served.exitCode());
        assertThat(withoutTimes(served.stdout())).isEqualTo(withoutTimes(own.stdout())).contains("Docker Engine");
        assertThat(served.stderr()).isEqualTo(own.stderr());
        assertThat(served(key)).as("LABGRADER_SERVER=off is not served").isEqualTo(1);
    }

    @Test
    @DisplayName("served in the client's language and console: LANG=C gets ASCII marks and spelled umlauts, --lang and --fail-under work as in its own JVM")
    void clientsConsoleAndOptions() throws IOException {
        env.put("LANG", "C");
        assertThat(check("--lang", "de").exitCode()).isZero();
        String key = awaitServer(1);

        Commands.Result served = check("--lang", "de", "--fail-under", "101");

        assertThat(served(key)).isEqualTo(1);
        assertThat(served.exitCode()).as("below --fail-under").isEqualTo(1);
        byte[] bytes = served.stdout().getBytes(StandardCharsets.UTF_8);
        assertThat(new String(bytes, StandardCharsets.US_ASCII)).as("only ASCII on a LANG=C console").isEqualTo(served.stdout());
        assertThat(served.stdout()).contains("[ok]", "Docker Engine erreichbar", "Punkte:").doesNotContain("?", "✔");

        Commands.Result english = check("--lang", "en");
        assertThat(served(key)).as("the same server, another language").isEqualTo(2);
        assertThat(english.stdout()).contains("Docker Engine reachable", "Score:").doesNotContain("Punkte");
    }

    @Test
    @DisplayName("another environment (DOCKER_HOST) is never served by the first folder's server: it runs in its own JVM, sees its own engine, and gets a server of its own")
    void otherEnvironmentOtherServer() throws IOException {
        check();
        String first = awaitServer(1);

        env.put("DOCKER_HOST", "unix://" + dir.resolve("no-engine.sock"));
        Files.move(dir.resolve("ev"), dir.resolve("ev-docker")); // only what this environment sees
        Commands.Result elsewhere = check();

        assertThat(served(first)).isZero();
        assertThat(elsewhere.stdout()).contains("no-engine.sock");
        awaitServer(2);
        Commands.Result again = check();
        assertThat(withoutTimes(again.stdout())).isEqualTo(withoutTimes(elsewhere.stdout()));
        String second = running().stream().filter(k -> !k.equals(first)).findFirst().orElseThrow();
        assertThat(served(second)).isEqualTo(1);
        assertThat(served(first)).isZero();
    }

    @Test
    @DisplayName("a lab folder deleted and made anew under the same name is not served by the old folder's server (it would write into the deleted one): that server ends")
    void recreatedFolder() throws IOException {
        Path lab = Files.createDirectories(dir.resolve("lab"));
        Files.copy(dir.resolve("rubric.yml"), lab.resolve("rubric.yml"));
        checkIn(lab);
        String old = awaitServer(1);

        deleteTree(lab);
        Files.createDirectories(lab);
        Files.copy(dir.resolve("rubric.yml"), lab.resolve("rubric.yml"));
        Commands.Result fresh = checkIn(lab);

        assertThat(fresh.exitCode()).as(fresh.all()).isZero();
        assertThat(lab.resolve("ev")).as("the evidence, in the new folder").isDirectory();
        assertThat(lab.resolve("report/results.json")).exists();
        assertThat(served(old)).isZero();
        assertThat(awaitTrue(Duration.ofSeconds(5), () -> !running().contains(old))).as("the old server ended").isTrue();
    }

    @Test
    @DisplayName("a killed server (its socket left behind): the next check runs in its own JVM with the right report and starts a new server")
    void killedServer() throws IOException, InterruptedException {
        check();
        String key = awaitServer(1);
        ProcessHandle server = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains("io.labgrader.cli.CheckServer " + key))
                .findFirst().orElseThrow();
        server.destroyForcibly();
        server.onExit().join();
        assertThat(servers.resolve(key + ".sock")).as("left behind by the killed server").exists();

        Commands.Result after = check();

        assertThat(after.exitCode()).as(after.all()).isZero();
        assertThat(after.stdout()).contains("Docker Engine");
        assertThat(after.stderr()).isEmpty();
        awaitServer(1);
        check();
        assertThat(served(key)).as("the new server's log").isEqualTo(1);
    }

    @Test
    @DisplayName("a server ends after LABGRADER_SERVER_IDLE seconds without a check, and removes its socket")
    void idleServerEnds() {
        env.put("LABGRADER_SERVER_IDLE", "2");
        check();
        String key = awaitServer(1);

        assertThat(awaitTrue(Duration.ofSeconds(15), () -> running().isEmpty())).as("ended within 15 s").isTrue();
        assertThat(servers.resolve(key + ".sock")).doesNotExist();
    }

    @Test
    @DisplayName("no server in a CI job (CI set) or with LABGRADER_SERVER=off")
    void noServerInCiOrWhenOff() throws InterruptedException {
        env.put("CI", "true");
        assertThat(check().exitCode()).isZero();
        env.put("CI", null);
        env.put("LABGRADER_SERVER", "off");
        assertThat(check().exitCode()).isZero();
        Thread.sleep(3000); // a server would have started by now
        assertThat(running()).isEmpty();
    }

    @Test
    @DisplayName("at most three servers, however many environments a student's terminals have")
    void atMostThreeServers() {
        for (int terminal = 1; terminal <= 4; terminal++) {
            env.put("TERMINAL_WINDOW", String.valueOf(terminal));
            check();
            if (terminal < 4) {
                awaitServer(terminal);
            }
        }
        assertThat(awaitTrue(Duration.ofSeconds(5), () -> running().size() > 3)).as("a fourth server started").isFalse();
        assertThat(running()).hasSize(3);
    }
}
