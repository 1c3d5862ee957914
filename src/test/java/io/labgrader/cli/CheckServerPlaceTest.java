package io.labgrader.cli;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What decides which check server may answer a check: the identity, its key, the private folder. */
class CheckServerPlaceTest {

    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>(Map.of("HOME", "/home/anna", "PATH", "/usr/bin",
            "DOCKER_HOST", "unix:///var/run/docker.sock", "LANG", "de_DE.UTF-8"));

    private String identity(Path jar, Path folder, Map<String, String> variables) throws IOException {
        return CheckServerPlace.identity(List.of(jar), folder, variables);
    }

    private Path jar() throws IOException {
        Path jar = dir.resolve("labgrader.jar");
        if (!Files.exists(jar)) {
            Files.writeString(jar, "jar bytes");
            Files.setLastModifiedTime(jar, FileTime.fromMillis(1_700_000_000_000L));
        }
        return jar;
    }

    @Test
    @DisplayName("every variable a check could read makes another identity: the Docker endpoint, the language, PATH, one more variable")
    void environmentDecides() throws IOException {
        String base = identity(jar(), dir, env);
        for (String[] change : new String[][] {{"DOCKER_HOST", "unix:///run/user/1000/docker.sock"}, {"DOCKER_CONTEXT", "colima"},
                {"LANG", "en_US.UTF-8"}, {"PATH", "/usr/bin:/opt/VirtualBox"}, {"NO_COLOR", "1"}}) {
            Map<String, String> other = new HashMap<>(env);
            other.put(change[0], change[1]);
            assertThat(identity(jar(), dir, other)).as("with %s=%s", change[0], change[1]).isNotEqualTo(base);
            assertThat(CheckServerPlace.key(identity(jar(), dir, other))).isNotEqualTo(CheckServerPlace.key(base));
        }
        Map<String, String> without = new HashMap<>(env);
        without.remove("DOCKER_HOST");
        assertThat(identity(jar(), dir, without)).isNotEqualTo(base);
    }

    @Test
    @DisplayName("the shell's bookkeeping ($_, OLDPWD, PWD, SHLVL) and hyperfine's padding change nothing")
    void shellBookkeepingIgnored() throws IOException {
        String base = identity(jar(), dir, env);
        Map<String, String> shell = new HashMap<>(env);
        shell.putAll(Map.of("_", "/usr/bin/labgrader", "OLDPWD", "/home/anna/lab", "SHLVL", "3", "PWD", "/home/anna",
                "HYPERFINE_RANDOMIZED_ENVIRONMENT_OFFSET", "XXXXXXXX"));
        assertThat(identity(jar(), dir, shell)).isEqualTo(base);
    }

    @Test
    @DisplayName("another working folder, a rebuilt jar (new size or time) or a jar elsewhere makes another identity")
    void folderAndJarDecide() throws IOException {
        String base = identity(jar(), dir, env);
        assertThat(identity(jar(), Files.createDirectories(dir.resolve("other")), env)).isNotEqualTo(base);

        Files.setLastModifiedTime(jar(), FileTime.fromMillis(1_700_000_001_000L));
        String touched = identity(jar(), dir, env);
        assertThat(touched).isNotEqualTo(base);
        Files.writeString(jar(), "rebuilt jar bytes");
        Files.setLastModifiedTime(jar(), FileTime.fromMillis(1_700_000_001_000L));
        assertThat(identity(jar(), dir, env)).isNotEqualTo(touched);

        Path copy = Files.copy(jar(), dir.resolve("copy.jar"));
        Files.setLastModifiedTime(copy, Files.getLastModifiedTime(jar()));
        assertThat(identity(copy, dir, env)).isNotEqualTo(identity(jar(), dir, env));
    }

    @Test
    @DisplayName("the key is a 16-digit hex name, the same for the same identity")
    void keyIsAShortName() throws IOException {
        String identity = identity(jar(), dir, env);
        assertThat(CheckServerPlace.key(identity)).matches("[0-9a-f]{16}").isEqualTo(CheckServerPlace.key(identity));
    }

    @Test
    @DisplayName("the servers' folder is made readable by its owner alone (0700), whatever the umask")
    void privateFolderMade() throws IOException {
        Path folder = CheckServerPlace.privateFolder(dir.resolve("cache")).orElseThrow();
        assertThat(folder).isEqualTo(dir.resolve("cache").resolve("servers"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
        assertThat(CheckServerPlace.privateFolder(dir.resolve("cache"))).contains(folder);
    }

    @Test
    @DisplayName("a servers' folder others may enter is not used: whoever reaches the socket has checks run as this user")
    void openFolderRefused() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("cache").resolve("servers"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(CheckServerPlace.privateFolder(dir.resolve("cache"))).isEmpty();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).as("left as it was")
                .isEqualTo("rwxr-xr-x");
    }

    @Test
    @DisplayName("the cache folder is the launcher's: LABGRADER_CACHE, else $XDG_CACHE_HOME/labgrader, else ~/.cache/labgrader")
    void cacheFolderAsTheLauncher() {
        assertThat(CheckServerPlace.cacheFolder(Map.of("LABGRADER_CACHE", "/repo/target", "XDG_CACHE_HOME", "/x")))
                .isEqualTo(Path.of("/repo/target"));
        assertThat(CheckServerPlace.cacheFolder(Map.of("XDG_CACHE_HOME", "/x"))).isEqualTo(Path.of("/x/labgrader"));
        assertThat(CheckServerPlace.cacheFolder(Map.of()))
                .isEqualTo(Path.of(System.getProperty("user.home"), ".cache", "labgrader"));
    }

    @Test
    @DisplayName("tests run from class folders: no server for them (a folder can change under a running server)")
    void classFoldersGetNoServer() {
        assertThat(System.getProperty("java.class.path")).contains("target/classes");
        assertThat(CheckServerPlace.classPath()).isEmpty();
        assertThat(CheckServerPlace.forThisRun()).isEmpty();
    }

    @Test
    @DisplayName("the server keeps the check's JVM options (C1 alone, its cache) but recording an archive or cache, the batch's thresholds and agents")
    void serverOptions() {
        assertThat(List.of("-XX:AOTCache=/d/labgrader.aot", "-Xmx512m", "-XX:+UseSerialGC", "-XX:SharedArchiveFile=/c/x.jsa",
                "-Xshare:auto", "-XX:+UnlockDiagnosticVMOptions", "-XX:-AOTReplayTraining", "-XX:TieredStopAtLevel=1",
                "-Djdk.reflect.useNativeAccessorOnly=true"))
                .allMatch(CheckServer::keptForTheServer);
        assertThat(List.of("-XX:ArchiveClassesAtExit=/c/x.jsa", "-XX:AOTMode=record", "-XX:AOTConfiguration=/c/x.aotconf",
                "-XX:AOTCacheOutput=/c/y.aot", "-XX:CompileThresholdScaling=0.1",
                "-agentpath:/p/libasyncProfiler.so=start", "-XX:-DisplayVMOutput"))
                .noneMatch(CheckServer::keptForTheServer);
    }
}
