package io.labgrader.probe.process;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/** Ends a process that overran its time together with everything it started, as {@link ProcessOptions.StopPolicy} says. */
final class ProcessTrees {

    private static final Pattern SERVICES = Pattern.compile(
            "(?i).*[/\\\\](VBoxSVC|VBoxXPCOMIPCD|VBoxHeadless|VirtualBoxVM|VBoxNetDHCP|VBoxNetNAT|libvirtd|virtqemud|virtlogd|"
                    + "qemu-system-[\\w-]+|multipassd|vmware-vmx|vmnet-\\w+|prl_\\w+)(\\.exe)?$");

    private ProcessTrees() {
    }

    static void stop(Process process, ProcessOptions.StopPolicy policy) {
        switch (policy) {
            case KILL_SPARING_SERVICES -> killSparingServices(process);
            case TERM_THEN_KILL -> termThenKill(process);
        }
    }

    /**
     * Kills a hung command and every descendant, so none keeps running in the background. A hypervisor's own
     * service that the command happened to start (VBoxSVC and the VMs below it, libvirtd, multipassd…) is spared:
     * killing it could take a student's running VMs down with it.
     */
    static void killSparingServices(Process process) {
        try {
            List<ProcessHandle> descendants = process.descendants().toList();
            List<ProcessHandle> spared = descendants.stream().filter(ProcessTrees::isHypervisorService).toList();
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

    /** Ends a script and everything it started: TERM first, then KILL, then waits for the children to be gone. */
    static void termThenKill(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        // the script first: stopped children first would let it run its next line before its own signal arrives
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle d : descendants) {
            try {
                d.onExit().get(2, TimeUnit.SECONDS); // gone before the caller reports, not a moment after
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | TimeoutException e) {
                // killed; only its reaping is left to whoever adopted it
            }
        }
    }

    static boolean isHypervisorService(ProcessHandle p) {
        return p.info().command().map(ProcessTrees::isServiceCommand).orElse(false);
    }

    /** "/usr/lib/virtualbox/VBoxSVC", "C:\\Program Files\\Oracle\\VirtualBox\\VBoxSVC.exe", "/usr/bin/qemu-system-x86_64"… */
    static boolean isServiceCommand(String command) {
        return SERVICES.matcher(command).matches();
    }

    private static boolean isBelow(ProcessHandle p, ProcessHandle ancestor) {
        Optional<ProcessHandle> parent = p.parent();
        for (int i = 0; i < 64 && parent.isPresent(); i++) {
            if (parent.get().equals(ancestor)) {
                return true;
            }
            parent = parent.get().parent();
        }
        return false;
    }
}
