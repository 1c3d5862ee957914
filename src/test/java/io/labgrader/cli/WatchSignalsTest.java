package io.labgrader.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labgrader.testing.Await;
import io.labgrader.testing.Commands;
import io.labgrader.testing.Labgrader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * watch as its own process against the real Docker Engine, ended by real signals sent with kill: it must take its
 * last look, grade, print the report and write the evidence and reports, within a bounded time. Windows' Ctrl-C and
 * Ctrl-Break cannot be sent here; the JVM turns Ctrl-C into the same SIGINT (README, "Ending watch").
 */
class WatchSignalsTest {

    /** Generous for a loaded machine; the last look and the grading take about a second. */
    private static final Duration ENDS_WITHIN = Duration.ofSeconds(45);

    @TempDir
    Path dir;

    @Test
    @DisplayName("SIGINT ends watch even when it was started with SIGINT ignored, as a script's background job is")
    void sigintWhenStartedWithSigintIgnored() throws Exception {
        // the premise: what startWithSigintIgnored does leaves SIGINT (bit 2 of SigIgn) ignored in the program it starts
        List<String> grep = new java.util.ArrayList<>(Labgrader.SIGINT_IGNORED);
        grep.addAll(List.of("grep", "SigIgn", "/proc/self/status"));
        Commands.Result status = Commands.run(null, Map.of(), Duration.ofSeconds(10), grep);
        assertThat(Long.parseLong(status.stdout().replace("SigIgn:", "").strip(), 16) & 0x2).as(status.stdout()).isEqualTo(0x2);
        Labgrader labgrader = new Labgrader(dir, "docker");
        Process watch = labgrader.startWithSigintIgnored("watch", "--lang", "en", "--events-since", "now");
        Instant signalled = signalWhenWatching(watch, "INT");

        endsWithReportAndEvidence(watch, signalled, "Score: ");
        assertThat(Files.readString(dir.resolve("watch.err"))).contains("labgrader: stopped, grading…")
                .doesNotContain("cannot reach labgrader");
    }

    @Test
    @DisplayName("SIGTERM (kill, CI) ends watch with the report; stderr fitted to LANG=C: 'bewerte...' not 'bewerte?'")
    void sigterm() throws Exception {
        Labgrader labgrader = new Labgrader(dir, "docker").env("LC_ALL", "C");
        Process watch = labgrader.start("watch", "--lang", "de", "--events-since", "now");
        Instant signalled = signalWhenWatching(watch, "TERM");

        endsWithReportAndEvidence(watch, signalled, "Punkte: ");
        assertThat(Files.readString(dir.resolve("watch.err"))).contains("labgrader: beendet, bewerte...").doesNotContain("?");
    }

    @Test
    @DisplayName("a second Ctrl-C while watch takes its last look and grades is answered with a notice; the report stays whole")
    void secondSignalWhileGrading() throws Exception {
        Labgrader labgrader = new Labgrader(dir, "docker");
        Process watch = labgrader.start("watch", "--lang", "en", "--events-since", "now");
        Instant signalled = signalWhenWatching(watch, "INT");
        // once the first is handled (a second one sent before could merge with it in the kernel); the last look and
        // the grading take a few hundred milliseconds more, so the second one lands in them
        awaitQuickly(dir.resolve("watch.err"), "stopped, grading", Duration.ofSeconds(30));
        kill("INT", watch);

        endsWithReportAndEvidence(watch, signalled, "Score: ");
        assertThat(Files.readString(dir.resolve("watch.err"))).contains("labgrader: already grading; the report follows.");
    }

    /** The signal once watch follows the engine's events ("… Docker (unix://…)" in either language). */
    private Instant signalWhenWatching(Process watch, String signal) {
        try {
            Await.fileContains(dir.resolve("watch.err"), "Docker (", Duration.ofSeconds(60));
        } catch (AssertionError e) {
            watch.destroyForcibly();
            throw e;
        }
        Instant now = Instant.now();
        kill(signal, watch);
        return now;
    }

    /** Like Await.fileContains, polling every 10 ms: the window to hit is short. */
    private static void awaitQuickly(Path file, String fragment, Duration deadline) throws Exception {
        long end = System.nanoTime() + deadline.toNanos();
        while (!(Files.exists(file) && Files.readString(file).contains(fragment))) {
            assertThat(System.nanoTime()).as("'%s' in %s within %s", fragment, file, deadline).isLessThan(end);
            Thread.sleep(10);
        }
    }

    private static void kill(String signal, Process process) {
        Commands.Result kill = Commands.run(null, Map.of(), Duration.ofSeconds(10), List.of("kill", "-" + signal, String.valueOf(process.pid())));
        assertThat(kill.exitCode()).as("kill -%s: %s", signal, kill.stderr()).isZero();
    }

    private void endsWithReportAndEvidence(Process watch, Instant signalled, String scoreLine) throws Exception {
        try {
            assertThat(watch.waitFor(ENDS_WITHIN.toSeconds(), TimeUnit.SECONDS)).as("watch ends within %s of the signal; stderr:%n%s",
                    ENDS_WITHIN, Files.readString(dir.resolve("watch.err"))).isTrue();
        } finally {
            watch.destroyForcibly();
        }
        String err = Files.readString(dir.resolve("watch.err"));
        assertThat(watch.exitValue()).as("exit code (0: graded); stderr:%n%s", err).isZero();
        assertThat(Files.readString(dir.resolve("watch.out"))).as("the report on stdout")
                .startsWith("Docker v").contains("docker.engine", scoreLine);
        assertThat(Labgrader.report(dir.resolve("report")).path("criteria")).as("report/report.json").hasSize(7);
        assertThat(dir.resolve("evidence").resolve("manifest.json")).exists();
        assertThat(lastLookAfter(dir.resolve("evidence").resolve("journal.jsonl"), signalled))
                .as("the journal holds the containers as watch found them after the signal").isTrue();
    }

    /** Whether a docker.containers observation was taken after the signal: watch's last look. */
    private static boolean lastLookAfter(Path journal, Instant signalled) throws IOException {
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(journal)) {
            JsonNode o = json.readTree(line);
            if (o.path("type").asText().equals("docker.containers") && !Instant.parse(o.path("at").asText()).isBefore(signalled)) {
                return true;
            }
        }
        return false;
    }
}
