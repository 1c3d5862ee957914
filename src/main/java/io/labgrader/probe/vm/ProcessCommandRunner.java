package io.labgrader.probe.vm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs commands with {@link ProcessBuilder}: stdin closed, stdout and stderr captured up to a bound (the rest is
 * read and dropped, so a chatty tool cannot block), and a hard timeout after which the process and all its
 * descendants are killed. Output is decoded as UTF-8.
 */
public final class ProcessCommandRunner implements CommandRunner {

    /** What is kept of stdout: the largest output read here (dumpxml, showvminfo) is tens of kilobytes. */
    public static final int MAX_STDOUT = 4 * 1024 * 1024;
    public static final int MAX_STDERR = 64 * 1024;
    /** How long to wait for the output readers after the process ended (a background child may hold the pipes). */
    private static final long DRAIN_MILLIS = 2000;

    private final Map<String, String> extraEnv;

    /** @param extraEnv variables set for every command, e.g. LC_ALL so that tools answer in English */
    public ProcessCommandRunner(Map<String, String> extraEnv) {
        this.extraEnv = Map.copyOf(extraEnv);
    }

    /** English, UTF-8 output on Linux and macOS; Windows tools are left as they are. */
    public static ProcessCommandRunner forHost(HostEnvironment host) {
        return switch (host.os()) {
            case LINUX -> new ProcessCommandRunner(Map.of("LC_ALL", "C.UTF-8", "LANG", "C.UTF-8"));
            case MACOS -> new ProcessCommandRunner(Map.of("LC_ALL", "en_US.UTF-8", "LANG", "en_US.UTF-8"));
            case WINDOWS -> new ProcessCommandRunner(Map.of());
        };
    }

    @Override
    public CommandResult run(List<String> command, Duration timeout) {
        long start = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(extraEnv);
        builder.redirectInput(ProcessBuilder.Redirect.PIPE);
        Process process;
        try {
            process = builder.start();
        } catch (IOException | RuntimeException e) {
            return new CommandResult(command, -1, "", "", false, String.valueOf(e.getMessage()), false, millisSince(start));
        }
        try {
            process.getOutputStream().close(); // a tool waiting for input gets EOF at once
        } catch (IOException ignored) {
            // nothing to close
        }
        Capture out = new Capture(process.getInputStream(), MAX_STDOUT, "vm-probe-stdout");
        Capture err = new Capture(process.getErrorStream(), MAX_STDERR, "vm-probe-stderr");
        boolean finished;
        try {
            finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finished = false;
        }
        if (!finished) {
            killTree(process);
        }
        out.await(DRAIN_MILLIS);
        err.await(DRAIN_MILLIS);
        if (!finished) {
            out.abandon();
            err.abandon();
            return new CommandResult(command, -1, out.text(), err.text(), true, null, out.truncated(), millisSince(start));
        }
        if (out.running() || err.running()) {
            // the command ended but left something holding its output open (a service it started, say): keep what
            // was read and stop waiting; what the command started by design is left alone
            out.abandon();
            err.abandon();
        }
        return new CommandResult(command, process.exitValue(), out.text(), err.text(), false, null,
                out.truncated() || err.truncated(), millisSince(start));
    }

    /**
     * Kills a hung command and every descendant, so none keeps running in the background. A hypervisor's own
     * service that the command happened to start (VBoxSVC and the VMs below it, libvirtd, multipassd…) is spared:
     * killing it could take a student's running VMs down with it.
     */
    static void killTree(Process process) {
        try {
            List<ProcessHandle> descendants = process.descendants().toList();
            List<ProcessHandle> spared = descendants.stream().filter(ProcessCommandRunner::isHypervisorService).toList();
            for (ProcessHandle d : descendants) {
                boolean belowSpared = spared.stream().anyMatch(s -> d.equals(s) || isBelow(d, s));
                if (!belowSpared) {
                    d.destroyForcibly();
                }
            }
        } catch (RuntimeException ignored) {
            // descendants are best effort (not supported everywhere)
        }
        process.destroyForcibly();
        try {
            process.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final java.util.regex.Pattern SERVICES = java.util.regex.Pattern.compile(
            "(?i).*[/\\\\](VBoxSVC|VBoxXPCOMIPCD|VBoxHeadless|VirtualBoxVM|VBoxNetDHCP|VBoxNetNAT|libvirtd|virtqemud|virtlogd|"
                    + "qemu-system-[\\w-]+|multipassd|vmware-vmx|vmnet-\\w+|prl_\\w+)(\\.exe)?$");

    static boolean isHypervisorService(ProcessHandle p) {
        return p.info().command().map(ProcessCommandRunner::isServiceCommand).orElse(false);
    }

    /** "/usr/lib/virtualbox/VBoxSVC", "C:\\Program Files\\Oracle\\VirtualBox\\VBoxSVC.exe", "/usr/bin/qemu-system-x86_64"… */
    static boolean isServiceCommand(String command) {
        return SERVICES.matcher(command).matches();
    }

    private static boolean isBelow(ProcessHandle p, ProcessHandle ancestor) {
        java.util.Optional<ProcessHandle> parent = p.parent();
        for (int i = 0; i < 64 && parent.isPresent(); i++) {
            if (parent.get().equals(ancestor)) {
                return true;
            }
            parent = parent.get().parent();
        }
        return false;
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** Reads one stream on its own thread, keeping at most {@code max} bytes. */
    private static final class Capture implements Runnable {

        private final InputStream in;
        private final int max;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final AtomicBoolean truncated = new AtomicBoolean();
        private final Thread thread;

        Capture(InputStream in, int max, String name) {
            this.in = in;
            this.max = max;
            this.thread = new Thread(this, name);
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void run() {
            byte[] buffer = new byte[8192];
            try {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    synchronized (kept) {
                        int room = max - kept.size();
                        if (room > 0) {
                            kept.write(buffer, 0, Math.min(room, n));
                        }
                        if (n > room) {
                            truncated.set(true);
                        }
                    }
                }
            } catch (IOException ignored) {
                // stream closed: keep what was read
            }
        }

        void await(long millis) {
            try {
                thread.join(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        boolean running() {
            return thread.isAlive();
        }

        /** Stops waiting for this stream; closing happens on the side, since close may block while a read is pending. */
        void abandon() {
            Thread closer = new Thread(() -> {
                try {
                    in.close();
                } catch (IOException ignored) {
                    // the reader thread is a daemon and ends with the stream
                }
            }, "vm-probe-close");
            closer.setDaemon(true);
            closer.start();
        }

        boolean truncated() {
            return truncated.get();
        }

        String text() {
            synchronized (kept) {
                return kept.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
