package io.labgrader.dist;

import io.labgrader.testing.Commands;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The download's POSIX launcher (src/dist/labgrader), run by dash (Debian's /bin/sh, stricter than bash) in a folder
 * laid out like the unpacked download, on a PATH that holds only the basic tools, stand-ins for java (which prints a
 * version and writes the arguments it was given, one per line) and stand-ins for mvn, git, curl and wget that leave
 * a mark if anything calls them.
 */
class PosixLauncherTest {

    private static final List<String> TOOLS = List.of("dirname", "ls", "cksum", "cut", "find", "sed", "head", "mkdir", "rm", "mv");

    @TempDir
    Path dir;
    Path download;
    Path bin;
    Path args;
    Path marks;
    Path creates;
    Map<String, String> env = new HashMap<>();

    @BeforeEach
    void layOut() throws IOException {
        download = Files.createDirectories(dir.resolve("labgrader 0.1.0")); // a folder name with a space
        Files.copy(Path.of("src/dist/labgrader"), download.resolve("labgrader"));
        Files.writeString(download.resolve("labgrader.jar"), "stand-in jar");
        bin = Files.createDirectories(dir.resolve("bin"));
        for (String tool : TOOLS) {
            Path real = Files.exists(Path.of("/usr/bin", tool)) ? Path.of("/usr/bin", tool) : Path.of("/bin", tool);
            Files.copy(real, bin.resolve(tool), StandardCopyOption.COPY_ATTRIBUTES); // a copy: links out of a temp dir make JUnit warn
        }
        args = dir.resolve("java-args");
        marks = dir.resolve("marks");
        creates = dir.resolve("java-creates");
        for (String forbidden : List.of("mvn", "git", "curl", "wget")) {
            script(bin.resolve(forbidden), "#!/bin/sh\necho " + forbidden + " >> '" + marks + "'\n");
        }
        env.put("PATH", bin.toString());
        env.put("HOME", dir.resolve("home").toString());
        env.put("LANG", "C.UTF-8");
        env.put("JAVA_HOME", "");
        env.put("XDG_CACHE_HOME", "");
        env.put("LABGRADER_SERVER", null); // as on a student's machine: not the build's "off", not a CI job
        env.put("CI", null);
    }

    private void standInJava(String version) throws IOException {
        script(bin.resolve("java"), "#!/bin/sh\n"
                + "if [ \"$1\" = -version ]; then echo 'openjdk version \"" + version + "\" 2025-04-15' >&2; exit 0; fi\n"
                + "for a in \"$@\"; do printf '%s\\n' \"$a\"; done > '" + args + "'\n");
    }

    /**
     * A stand-in Java 25 that also plays JEP 483's create step ({@code -XX:AOTMode=create}): it notes each call in
     * {@code creates} and, if it {@code assembles}, writes the AOT cache named by -XX:AOTCache, else fails.
     */
    private void standInJava25(boolean assembles) throws IOException {
        script(bin.resolve("java"), "#!/bin/sh\n"
                + "if [ \"$1\" = -version ]; then echo 'openjdk version \"25.0.3\" 2026-04-21 LTS' >&2; exit 0; fi\n"
                + "if [ \"$1\" = -XX:AOTMode=create ]; then\n"
                + "  for a in \"$@\"; do printf '%s\\n' \"$a\"; done >> '" + creates + "'\n"
                + (assembles ? "  for a in \"$@\"; do case \"$a\" in -XX:AOTCache=*) echo cache > \"${a#-XX:AOTCache=}\" ;; esac; done\n"
                             + "  echo 'AOTCache creation is complete'; exit 0\n"
                             : "  echo 'Error: the AOT cache could not be created' >&2; exit 1\n")
                + "fi\n"
                + "for a in \"$@\"; do printf '%s\\n' \"$a\"; done > '" + args + "'\n");
    }

    private static void script(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Commands.Result launch(String... arguments) {
        List<String> command = new ArrayList<>(List.of("/bin/dash", download.resolve("labgrader").toString()));
        command.addAll(List.of(arguments));
        return Commands.run(dir, env, Duration.ofSeconds(30), command);
    }

    private List<String> javaArgs() throws IOException {
        return Files.readAllLines(args);
    }

    @Test
    @DisplayName("every argument reaches labgrader unchanged, also with spaces, quotes, globs and $; nothing calls mvn, git, curl or wget")
    void argumentsPassUnchanged() throws IOException {
        standInJava("17.0.15");
        List<String> given = List.of("check", "--evidence", "my evidence", "", "*", "$HOME", "a \"quoted\" 'word'");

        Commands.Result run = launch(given.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.all()).isZero();
        List<String> received = javaArgs();
        int jar = received.indexOf("-jar");
        assertThat(received.get(jar + 1)).isEqualTo(download.resolve("labgrader.jar").toRealPath().toString());
        assertThat(received.subList(jar + 2, received.size())).isEqualTo(given);
        assertThat(marks).as("a build or download tool was called").doesNotExist();
    }

    @Test
    @DisplayName("the class-data archive is recorded by check into ~/.cache/labgrader, named after jar and java; --version records none")
    void archiveRecordedByCheckOnly() throws IOException {
        standInJava("17.0.15");

        assertThat(launch("--version").exitCode()).isZero();
        assertThat(javaArgs()).noneMatch(a -> a.contains("SharedArchiveFile") || a.contains("ArchiveClassesAtExit"));

        assertThat(launch("check").exitCode()).isZero();
        Path cache = dir.resolve("home/.cache/labgrader");
        assertThat(javaArgs()).anySatisfy(a -> assertThat(a).matches("-XX:ArchiveClassesAtExit=" + cache + "/labgrader-\\d+\\.jsa"));
        assertThat(javaArgs()).contains("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    }

    @Test
    @DisplayName("the heap is capped at 512 MiB for a student's laptop, and LABGRADER_JAVA_OPTS can raise it (its -Xmx comes later)")
    void heapCapped() throws IOException {
        standInJava("17.0.15");
        env.put("LABGRADER_JAVA_OPTS", "-Xmx2g");

        assertThat(launch("grade", "submissions").exitCode()).isZero();

        List<String> args = javaArgs();
        assertThat(args).contains("-Xmx512m", "-Xmx2g");
        assertThat(args.indexOf("-Xmx2g")).as("the user's option after the default, so the JVM takes it").isGreaterThan(args.indexOf("-Xmx512m"));
    }

    @Test
    @DisplayName("an archive for this jar and java is used; a jar newer than the archive gets a new recording, not the stale archive")
    void archiveUsedUnlessTheJarIsNewer() throws IOException {
        standInJava("17.0.15");
        // times within one minute, so that `ls -l` (minute precision, part of the archive's name) cannot tell them
        // apart: only the launcher's newer-than check can
        Instant jarTime = Instant.parse("2026-01-01T10:00:30Z");
        Files.setLastModifiedTime(download.resolve("labgrader.jar"), FileTime.from(jarTime));
        launch("check");
        Path recorded = Path.of(javaArgs().stream().filter(a -> a.startsWith("-XX:ArchiveClassesAtExit=")).findFirst()
                .orElseThrow().substring("-XX:ArchiveClassesAtExit=".length()));
        Files.writeString(recorded, "archive"); // what the JVM writes at exit
        Files.setLastModifiedTime(recorded, FileTime.from(jarTime.plusSeconds(10)));

        launch("check");
        assertThat(javaArgs()).contains("-XX:SharedArchiveFile=" + recorded, "-Xshare:auto");

        // the jar replaced after the archive was recorded (same size, same minute)
        Files.setLastModifiedTime(recorded, FileTime.from(jarTime.minusSeconds(20)));
        launch("check");
        assertThat(javaArgs()).noneMatch(a -> a.startsWith("-XX:SharedArchiveFile="))
                .contains("-XX:ArchiveClassesAtExit=" + recorded);
    }

    @Test
    @DisplayName("a cache folder that cannot be created: labgrader runs without an archive, silently")
    void unwritableCacheRunsWithoutArchive() throws IOException {
        standInJava("17.0.15");
        Path file = Files.writeString(dir.resolve("not-a-folder"), "");
        env.put("XDG_CACHE_HOME", file.toString());

        Commands.Result run = launch("check");

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stderr()).isEmpty();
        assertThat(javaArgs()).noneMatch(a -> a.contains("Archive"));
    }

    @Test
    @DisplayName("Java older than 17: a clear message (in German under a German locale) and exit 2, labgrader is not started")
    void oldJava() throws IOException {
        standInJava("11.0.2");

        Commands.Result english = launch("check");
        env.put("LANG", "de_DE.UTF-8");
        Commands.Result german = launch("check");

        assertThat(english.exitCode()).isEqualTo(2);
        assertThat(english.stderr()).contains("labgrader needs Java 17 or newer, found: " + bin.resolve("java"), "(version 11)",
                "JAVA_HOME");
        assertThat(german.exitCode()).isEqualTo(2);
        assertThat(german.stderr()).contains("labgrader braucht Java 17 oder neuer", "(Version 11)");
        assertThat(args).as("java was started with labgrader").doesNotExist();
    }

    @Test
    @DisplayName("no Java at all: a clear message naming what to install, exit 2")
    void noJava() {
        Commands.Result run = launch("check");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("No Java found", "Java 17 or newer", "JAVA_HOME");
    }

    @Test
    @DisplayName("JAVA_HOME wins over PATH; the runtime image's own java (runtime/bin/java) wins over both, with its AOT cache")
    void javaChoice() throws IOException {
        standInJava("17.0.15");
        Path home = Files.createDirectories(dir.resolve("jdk/bin"));
        Files.copy(bin.resolve("java"), home.resolve("java"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.delete(bin.resolve("java"));
        env.put("JAVA_HOME", dir.resolve("jdk").toString());
        assertThat(launch("--version").exitCode()).isZero();
        assertThat(args).exists();

        Files.delete(args);
        Path runtime = Files.createDirectories(download.resolve("runtime/bin"));
        Files.copy(home.resolve("java"), runtime.resolve("java"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.writeString(download.resolve("labgrader.aot"), "cache");
        Files.delete(home.resolve("java"));
        Commands.Result image = launch("check");
        assertThat(image.exitCode()).as(image.all()).isZero();
        assertThat(javaArgs()).contains("-XX:AOTCache=" + download.toRealPath().resolve("labgrader.aot"))
                .noneMatch(a -> a.contains("Archive"));
    }

    @Test
    @DisplayName("Java 25 (stand-in): the first check records an AOT configuration with the VM's messages off, the next assembles the AOT cache once, in silence, and every later run starts with it")
    void aotCacheOnJava25() throws IOException {
        standInJava25(true);
        Path cache = dir.resolve("home/.cache/labgrader");

        Commands.Result first = launch("check");
        assertThat(first.exitCode()).as(first.all()).isZero();
        String conf = javaArgs().stream().filter(a -> a.startsWith("-XX:AOTConfiguration=")).findFirst().orElseThrow()
                .substring("-XX:AOTConfiguration=".length());
        assertThat(conf).matches(cache + "/labgrader-\\d+\\.aotconf");
        assertThat(javaArgs()).contains("-XX:AOTMode=record", "-XX:+UnlockDiagnosticVMOptions", "-XX:-AOTRecordTraining", "-XX:-DisplayVMOutput")
                .noneMatch(a -> a.contains("Archive") || a.startsWith("-XX:AOTCache"));
        assertThat(javaArgs().indexOf("-XX:+UnlockDiagnosticVMOptions")).isLessThan(javaArgs().indexOf("-XX:-DisplayVMOutput"));
        Files.writeString(Path.of(conf), "configuration"); // what the JVM writes at exit

        Commands.Result second = launch("check");
        String aot = conf.replace(".aotconf", ".aot");
        assertThat(second.exitCode()).as(second.all()).isZero();
        assertThat(second.stdout() + second.stderr()).as("the create step's own output").doesNotContain("AOTCache");
        assertThat(Files.readAllLines(creates)).contains("-XX:AOTConfiguration=" + conf, "-cp",
                download.resolve("labgrader.jar").toRealPath().toString())
                .as("written under a name of its own, then moved into place").anyMatch(a -> a.matches("-XX:AOTCache=" + aot + "\\.\\d+\\.tmp"));
        assertThat(Path.of(aot)).hasContent("cache");
        assertThat(Path.of(aot).getParent()).isDirectoryNotContaining("glob:**.tmp");
        assertThat(javaArgs()).contains("-XX:AOTCache=" + aot, "-XX:-AOTReplayTraining").noneMatch(a -> a.startsWith("-XX:AOTMode"));
        assertThat(Path.of(conf)).as("emptied: the cache was tried").isEmptyFile();

        launch("check");
        assertThat(Files.readAllLines(creates)).as("assembled once").filteredOn("-XX:AOTMode=create"::equals).hasSize(1);
        assertThat(javaArgs()).contains("-XX:AOTCache=" + aot);
    }

    @Test
    @DisplayName("Java 25 (stand-in) that cannot assemble the AOT cache: the next run records the class-data archive instead, and the cache is not tried again")
    void aotCacheThatCannotBeAssembled() throws IOException {
        standInJava25(false);
        launch("check");
        String conf = javaArgs().stream().filter(a -> a.startsWith("-XX:AOTConfiguration=")).findFirst().orElseThrow()
                .substring("-XX:AOTConfiguration=".length());
        Files.writeString(Path.of(conf), "configuration");

        Commands.Result second = launch("check");
        assertThat(second.exitCode()).as(second.all()).isZero();
        assertThat(second.stderr()).as("the failed create step's own output").isEmpty();
        String jsa = conf.replace(".aotconf", ".jsa");
        assertThat(javaArgs()).contains("-XX:ArchiveClassesAtExit=" + jsa).noneMatch(a -> a.startsWith("-XX:AOT"));
        Files.writeString(Path.of(jsa), "archive");

        launch("check");
        assertThat(javaArgs()).contains("-XX:SharedArchiveFile=" + jsa);
        assertThat(Files.readAllLines(creates)).filteredOn("-XX:AOTMode=create"::equals).hasSize(1);
    }

    /**
     * A stand-in Java 17 that also plays the check server's client ({@code io.labgrader.cli.CheckServerClient}): it
     * notes the call in {@code clientCalls} with its arguments and exits with the code in the file {@code served}
     * (100: no server ran the check).
     */
    private Path standInJavaWithClient() throws IOException {
        Path clientCalls = dir.resolve("client-calls");
        Path served = dir.resolve("served");
        Files.writeString(served, "100");
        script(bin.resolve("java"), "#!/bin/sh\n"
                + "if [ \"$1\" = -version ]; then echo 'openjdk version \"17.0.15\" 2025-04-15' >&2; exit 0; fi\n"
                + "for a in \"$@\"; do if [ \"$a\" = io.labgrader.cli.CheckServerClient ]; then\n"
                + "  for b in \"$@\"; do printf '%s\\n' \"$b\"; done >> '" + clientCalls + "'; echo '--' >> '" + clientCalls + "'\n"
                + "  read -r code < '" + served + "'; exit \"$code\"\n"
                + "fi; done\n"
                + "for a in \"$@\"; do printf '%s\\n' \"$a\"; done > '" + args + "'\n");
        return clientCalls;
    }

    /** The first check, then what its JVM leaves: the class-data archive and the servers' folder. */
    private void afterAFirstCheck() throws IOException {
        assertThat(launch("check").exitCode()).isZero();
        String jsa = javaArgs().stream().filter(a -> a.startsWith("-XX:ArchiveClassesAtExit=")).findFirst().orElseThrow()
                .substring("-XX:ArchiveClassesAtExit=".length());
        Files.writeString(Path.of(jsa), "archive");
        Files.createDirectories(dir.resolve("home/.cache/labgrader/servers"));
        Files.delete(args);
    }

    @Test
    @DisplayName("check server: a check first asks it through a small JVM (the Java's own archive, arguments unchanged); its exit code is the check's, and no second JVM starts")
    void servedCheck() throws IOException {
        Path clientCalls = standInJavaWithClient();
        afterAFirstCheck();
        Files.writeString(dir.resolve("served"), "1"); // the served check's own exit code (below --fail-under)

        Commands.Result run = launch("check", "--evidence", "my evidence", "--fail-under", "90");

        assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
        List<String> client = Files.readAllLines(clientCalls);
        assertThat(client).contains("-Xshare:auto", "-cp", download.resolve("labgrader.jar").toRealPath().toString())
                .noneMatch(a -> a.startsWith("-XX:SharedArchiveFile") || a.startsWith("-XX:AOTCache") || a.startsWith("-XX:ArchiveClassesAtExit"));
        assertThat(client.subList(client.indexOf("io.labgrader.cli.CheckServerClient") + 1, client.size()))
                .containsExactly("check", "--evidence", "my evidence", "--fail-under", "90", "--");
        assertThat(args).as("the full JVM did not start").doesNotExist();
    }

    @Test
    @DisplayName("check server: when none ran the check (exit 100), it runs in the full JVM as before, told that the server was asked")
    void notServedRunsHere() throws IOException {
        Path clientCalls = standInJavaWithClient();
        afterAFirstCheck();

        Commands.Result run = launch("check", "--evidence", "ev");

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(Files.readAllLines(clientCalls)).filteredOn("--"::equals).hasSize(1);
        List<String> received = javaArgs();
        assertThat(received).contains("-Dlabgrader.server.asked=true")
                .anySatisfy(a -> assertThat(a).startsWith("-XX:SharedArchiveFile="));
        assertThat(received.subList(received.indexOf("-jar") + 2, received.size())).containsExactly("check", "--evidence", "ev");
    }

    @Test
    @DisplayName("check server: not asked for other commands, with LABGRADER_SERVER=off, in a CI job (CI set, even empty), without a servers' folder, or by a Java that never ran this jar")
    void notAsked() throws IOException {
        Path clientCalls = standInJavaWithClient();
        assertThat(launch("check").exitCode()).as("the first check, by a Java not yet known to be new enough").isZero();
        assertThat(clientCalls).doesNotExist();
        afterAFirstCheck();

        launch("grade", "submissions");
        launch("watch");
        env.put("LABGRADER_SERVER", "off");
        launch("check");
        env.put("LABGRADER_SERVER", null);
        env.put("CI", "");
        launch("check");
        env.put("CI", null);
        assertThat(clientCalls).doesNotExist();
        assertThat(javaArgs()).doesNotContain("-Dlabgrader.server.asked=true");

        Files.delete(dir.resolve("home/.cache/labgrader/servers"));
        launch("check");
        assertThat(clientCalls).doesNotExist();

        Files.createDirectories(dir.resolve("home/.cache/labgrader/servers"));
        launch("check");
        assertThat(clientCalls).as("the same setting, with the folder back").exists();
    }

    @Test
    @DisplayName("check server, runtime image: the client runs on the image's own java without the AOT cache; not served, the check gets the cache")
    void imageAsksFirst() throws IOException {
        Path clientCalls = standInJavaWithClient();
        Path runtime = Files.createDirectories(download.resolve("runtime/bin"));
        Files.move(bin.resolve("java"), runtime.resolve("java"));
        Files.writeString(download.resolve("labgrader.aot"), "cache");
        Files.createDirectories(dir.resolve("home/.cache/labgrader/servers"));

        Commands.Result run = launch("check");

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(Files.readAllLines(clientCalls)).noneMatch(a -> a.startsWith("-XX:AOTCache"));
        assertThat(javaArgs()).contains("-XX:AOTCache=" + download.toRealPath().resolve("labgrader.aot"), "-Dlabgrader.server.asked=true");
    }
}
