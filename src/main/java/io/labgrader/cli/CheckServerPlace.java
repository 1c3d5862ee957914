package io.labgrader.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/**
 * Where the {@link CheckServer} for this run would listen: a Unix-domain socket in the user's cache folder, named
 * after everything a check's verdict can depend on outside its arguments, so that a client only ever reaches a
 * server that would grade exactly as the client itself would:
 * <ul>
 *   <li>the class path's jars (path, size, time of each) and this Java (home, version): a rebuilt jar or another Java
 *       gets a new server;</li>
 *   <li>the working folder: relative paths (the evidence, --out, rubric.yml) mean the same;</li>
 *   <li>the environment: DOCKER_HOST, DOCKER_CONTEXT, HOME, PATH (the hypervisors' CLIs), LANG, NO_COLOR and all the
 *       rest, except the shell's bookkeeping ({@link #SHELL_BOOKKEEPING}), which nothing in labgrader reads.</li>
 * </ul>
 * The server is the client's twin: spawned by a check with that same environment and working folder.
 */
record CheckServerPlace(Path socket, Path lock, Path log, String key, String identity) {

    /**
     * Variables that change from one command to the next in the same shell and that nothing labgrader runs reads:
     * the shell's bookkeeping (the last command, the previous folder, the nesting depth), and the padding hyperfine
     * varies in every run to vary the environment's size. And PWD: the working folder, which the identity holds
     * itself (its path and file key), and which every POSIX shell sets to the folder it starts in, the one that starts
     * the server too (a PWD inherited from elsewhere, as under Maven, would otherwise make the server another).
     */
    static final Set<String> SHELL_BOOKKEEPING = Set.of("_", "OLDPWD", "PWD", "SHLVL", "HYPERFINE_RANDOMIZED_ENVIRONMENT_OFFSET");

    /** sun_path holds 108 bytes on Linux, 104 on macOS. */
    private static final int MAX_SOCKET_PATH = 100;

    /**
     * The place for this JVM's run, or empty where no server is used: switched off (LABGRADER_SERVER=off), a CI
     * job (CI is set: each job runs once and must leave nothing behind), Windows (its AF_UNIX sockets are
     * untested), labgrader not running from jars alone (tests and IDEs run from class folders), or no private cache folder to put the socket in.
     */
    static Optional<CheckServerPlace> forThisRun() {
        Map<String, String> env = System.getenv();
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if ("off".equalsIgnoreCase(env.get("LABGRADER_SERVER")) || env.containsKey("CI") || os.contains("win")) {
            return Optional.empty();
        }
        try {
            Optional<String> thisJvm = identityOfThisJvm();
            if (thisJvm.isEmpty()) {
                return Optional.empty();
            }
            String identity = thisJvm.get();
            String key = key(identity);
            Optional<Path> folder = privateFolder(cacheFolder(env));
            if (folder.isEmpty()) {
                return Optional.empty();
            }
            Path socket = folder.get().resolve(key + ".sock");
            if (socket.toString().getBytes(StandardCharsets.UTF_8).length > MAX_SOCKET_PATH) {
                return Optional.empty();
            }
            return Optional.of(new CheckServerPlace(socket, folder.get().resolve(key + ".lock"),
                    folder.get().resolve(key + ".log"), key, identity));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // no server: the check runs in this JVM, as it always can
        }
    }

    /** The place for a run with these arguments: only a check is ever served. */
    static Optional<CheckServerPlace> forCheck(List<String> args) {
        return isCheck(args) ? forThisRun() : Optional.empty();
    }

    static boolean isCheck(List<String> args) {
        return !args.isEmpty() && args.get(0).equals("check");
    }

    /**
     * This JVM's {@link #identity}: its class path's jars, its working folder, its environment; empty where it runs
     * from class folders ({@link #classPath}). The client names its server by it, the server checks it still holds.
     */
    static Optional<String> identityOfThisJvm() throws IOException {
        Optional<List<Path>> jars = classPath();
        return jars.isEmpty() ? Optional.empty()
                : Optional.of(identity(jars.get(), Path.of(System.getProperty("user.dir")).toAbsolutePath(), System.getenv()));
    }

    /** The launcher's cache folder (LABGRADER_CACHE, else $XDG_CACHE_HOME/labgrader, else ~/.cache/labgrader). */
    static Path cacheFolder(Map<String, String> env) {
        String cache = env.get("LABGRADER_CACHE");
        if (cache != null && !cache.isBlank()) {
            return Path.of(cache);
        }
        String xdg = env.get("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("labgrader");
    }

    /**
     * The servers' folder inside the cache folder, readable by its owner alone (0700): whoever can connect to a
     * server makes it run a check as this user. An existing folder with other rights or another owner is not used.
     */
    static Optional<Path> privateFolder(Path cache) throws IOException {
        Path folder = cache.resolve("servers");
        Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rwx------");
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(cache);
            try {
                Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(ownerOnly));
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // another check made it at the same moment: checked below like any existing folder
            }
            Files.setPosixFilePermissions(folder, ownerOnly); // the umask may have taken rights away, never adds any
        }
        boolean ours = Files.getOwner(folder, LinkOption.NOFOLLOW_LINKS).getName().equals(System.getProperty("user.name"));
        return ours && Files.getPosixFilePermissions(folder, LinkOption.NOFOLLOW_LINKS).equals(ownerOnly)
                ? Optional.of(folder) : Optional.empty();
    }

    /**
     * Everything outside its arguments a check's verdict depends on: the jar, the Java, the working folder, this
     * process's user and groups, and the environment. A server answers only a client of exactly its own identity (the
     * request carries it whole); the socket's name is only a short digest of it.
     */
    static String identity(List<Path> jars, Path workingFolder, Map<String, String> env) throws IOException {
        StringBuilder identity = new StringBuilder();
        for (Path jar : jars) {
            identity.append(jar.toAbsolutePath()).append('\0')
                    .append(Files.size(jar)).append('\0')
                    .append(Files.getLastModifiedTime(jar).toMillis()).append('\0');
        }
        identity.append(System.getProperty("java.home")).append('\0')
                .append(System.getProperty("java.vm.version")).append('\0')
                .append(workingFolder).append('\0')
                .append(folderIdentity(workingFolder)).append('\0')
                .append(groups()).append('\0');
        for (Map.Entry<String, String> variable : new TreeMap<>(env).entrySet()) {
            if (!SHELL_BOOKKEEPING.contains(variable.getKey())) {
                identity.append(variable.getKey()).append('=').append(variable.getValue()).append('\0');
            }
        }
        return identity.toString();
    }

    /**
     * The socket's name for an identity: two independent 32-bit checksums of it. Not a cryptographic digest (whose
     * provider set-up alone cost a tenth of a served check): a collision could only make a server refuse a client,
     * since the server compares the whole identity.
     */
    static String key(String identity) {
        CRC32C crc = new CRC32C();
        crc.update(identity.getBytes(StandardCharsets.UTF_8));
        return String.format("%08x%08x", (int) crc.getValue(), identity.hashCode());
    }

    /**
     * The working folder itself, not only its name: a student who deletes the lab's folder and makes it anew works in
     * another folder under the same name, while a server started in the old one would still write there (its
     * relative paths are resolved by the system against the folder it started in, now deleted). The file key of
     * "." (device and inode) is the folder the process is in; where it differs from the named folder's, as for such a
     * server, the identities differ.
     */
    static String folderIdentity(Path workingFolder) throws IOException {
        Object in = Files.readAttributes(Path.of("."), java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        Object named = Files.readAttributes(workingFolder, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        return in + (java.util.Objects.equals(in, named) ? "" : " (not " + named + ")");
    }

    /**
     * This process's groups on Linux: a student added to the docker group reaches the engine's socket only from a
     * process started after the next login, with the same environment as before; a server started earlier must not
     * answer for such a process (it would be refused by the engine where the check itself is not).
     */
    private static String groups() {
        StringBuilder ids = new StringBuilder();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.US_ASCII)) {
                if (line.startsWith("Uid:") || line.startsWith("Gid:") || line.startsWith("Groups:")) {
                    ids.append(line).append('\n');
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux (macOS): there the engine's socket belongs to the user, and no group decides
        }
        return ids.toString();
    }

    /**
     * The jars this JVM runs from (java.class.path), if it runs from jars alone: a class folder can change under a
     * running server without a trace in its size or time.
     */
    static Optional<List<Path>> classPath() {
        try {
            List<Path> jars = new ArrayList<>();
            for (String entry : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
                Path path = Path.of(entry).toAbsolutePath();
                if (entry.isEmpty() || !Files.isRegularFile(path) || !entry.endsWith(".jar")) {
                    return Optional.empty();
                }
                jars.add(path);
            }
            return jars.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(jars));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
