package io.labgrader.probe.vm;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Finds a hypervisor's command: on PATH first, then in the folders its installer uses. */
public final class Executables {

    private Executables() {
    }

    /**
     * What a search found and everywhere it looked.
     *
     * @param found  the executable, if found
     * @param looked "PATH (VBoxManage)" and every usual location checked, for messages
     */
    public record Lookup(Optional<String> found, List<String> looked) {
    }

    /**
     * @param names  command names as typed on the command line ("VBoxManage", "vboxmanage"); ".exe" is added on
     *               Windows
     * @param usual  full paths where installers put the command, checked only if the host allows it
     */
    public static Lookup find(HostEnvironment host, List<String> names, List<String> usual) {
        List<String> looked = new ArrayList<>();
        List<String> fileNames = new ArrayList<>();
        for (String n : names) {
            fileNames.add(host.os() == HostEnvironment.Os.WINDOWS && !n.toLowerCase(Locale.ROOT).endsWith(".exe") ? n + ".exe" : n);
        }
        looked.add("PATH (" + String.join(", ", fileNames) + ")");
        for (String dir : host.pathDirs()) {
            for (String file : fileNames) {
                String candidate = host.join(dir, file);
                if (isExecutable(host, candidate)) {
                    return new Lookup(Optional.of(candidate), looked);
                }
            }
        }
        if (host.usualLocations()) {
            Set<String> unique = new LinkedHashSet<>(usual);
            for (String candidate : unique) {
                looked.add(candidate);
                if (isExecutable(host, candidate)) {
                    return new Lookup(Optional.of(candidate), looked);
                }
            }
        }
        return new Lookup(Optional.empty(), looked);
    }

    static boolean isExecutable(HostEnvironment host, String candidate) {
        try {
            Path p = Path.of(candidate);
            return Files.isRegularFile(p) && (host.os() == HostEnvironment.Os.WINDOWS || Files.isExecutable(p));
        } catch (InvalidPathException | SecurityException e) {
            return false;
        }
    }

    /** A Windows folder from an environment variable, else the given default ("C:\Program Files"). */
    static String windowsDir(HostEnvironment host, String variable, String fallback) {
        String v = host.getenv(variable);
        return v != null ? v : fallback;
    }
}
