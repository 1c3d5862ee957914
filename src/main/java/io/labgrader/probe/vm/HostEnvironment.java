package io.labgrader.probe.vm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The machine the VM probes look at: its operating system, environment variables and home folder. Tests build
 * one with a PATH of stand-in executables and a home folder of fixture files.
 *
 * @param usualLocations     whether to look for hypervisors in their usual install folders besides PATH (tests that
 *                           must not find this machine's real tools turn it off)
 * @param insideContainer    labgrader runs inside a container, where the host's hypervisors are invisible
 * @param hostVirtualization the firmware's vendor and product when they name a hypervisor, else null
 */
public record HostEnvironment(Os os, Map<String, String> env, Path home, boolean usualLocations,
                              boolean insideContainer, String hostVirtualization) {

    public enum Os {
        LINUX, MACOS, WINDOWS;

        public String id() {
            return switch (this) {
                case LINUX -> "linux";
                case MACOS -> "macos";
                case WINDOWS -> "windows";
            };
        }
    }

    public HostEnvironment {
        env = Map.copyOf(env);
    }

    /** This machine. */
    public static HostEnvironment current() {
        return new HostEnvironment(osOf(System.getProperty("os.name", "")), System.getenv(),
                Path.of(System.getProperty("user.home", ".")), true, detectContainer(), detectVirtualization());
    }

    /** A host for tests and tools: only PATH is searched, no container, not a VM. */
    public static HostEnvironment of(Os os, Map<String, String> env, Path home) {
        return new HostEnvironment(os, env, home, false, false, null);
    }

    static Os osOf(String osName) {
        String n = osName.toLowerCase(Locale.ROOT);
        if (n.startsWith("windows")) {
            return Os.WINDOWS;
        }
        if (n.startsWith("mac") || n.contains("darwin")) {
            return Os.MACOS;
        }
        return Os.LINUX;
    }

    /** An environment variable, case-insensitive on Windows; null if unset or empty. */
    public String getenv(String name) {
        String v = env.get(name);
        if (v == null && os == Os.WINDOWS) {
            for (Map.Entry<String, String> e : env.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    v = e.getValue();
                    break;
                }
            }
        }
        return v == null || v.isBlank() ? null : v;
    }

    /** The folders of PATH, in order. */
    public List<String> pathDirs() {
        String path = getenv("PATH");
        List<String> dirs = new ArrayList<>();
        if (path != null) {
            for (String d : path.split(os == Os.WINDOWS ? ";" : ":")) {
                if (!d.isBlank()) {
                    dirs.add(d.trim());
                }
            }
        }
        return dirs;
    }

    /** Joins path parts with this OS's separator, whatever the machine running the probe uses. */
    public String join(String first, String... more) {
        String sep = os == Os.WINDOWS ? "\\" : "/";
        StringBuilder s = new StringBuilder(stripTrailing(first, sep));
        for (String m : more) {
            s.append(sep).append(m);
        }
        return s.toString();
    }

    private static String stripTrailing(String s, String sep) {
        String r = s;
        while (r.length() > 1 && (r.endsWith(sep) || r.endsWith("/"))) {
            r = r.substring(0, r.length() - 1);
        }
        return r;
    }

    /** Whether labgrader runs inside a container (Docker, Podman, Kubernetes), where hypervisors are not visible. */
    static boolean detectContainer() {
        if (Files.exists(Path.of("/.dockerenv")) || Files.exists(Path.of("/run/.containerenv"))) {
            return true;
        }
        try {
            String cgroup = Files.readString(Path.of("/proc/1/cgroup"), StandardCharsets.UTF_8);
            return cgroup.contains("docker") || cgroup.contains("kubepods") || cgroup.contains("containerd")
                    || cgroup.contains("libpod");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The firmware's vendor and product when they name a hypervisor (Linux: /sys/class/dmi/id), i.e. labgrader
     * itself runs in a VM; null otherwise.
     */
    static String detectVirtualization() {
        try {
            Path dmi = Path.of("/sys/class/dmi/id");
            String vendor = read(dmi.resolve("sys_vendor"));
            String product = read(dmi.resolve("product_name"));
            String both = (vendor + " " + product).trim();
            String lower = both.toLowerCase(Locale.ROOT);
            for (String marker : new String[]{"virtualbox", "innotek", "vmware", "qemu", "kvm", "microsoft corporation virtual",
                    "virtual machine", "parallels", "xen", "bochs"}) {
                if (lower.contains(marker)) {
                    return both;
                }
            }
            return null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String read(Path file) {
        try {
            return Files.isReadable(file) ? Files.readString(file, StandardCharsets.UTF_8).strip() : "";
        } catch (IOException e) {
            return "";
        }
    }
}
