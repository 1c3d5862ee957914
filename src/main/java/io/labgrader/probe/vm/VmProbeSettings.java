package io.labgrader.probe.vm;

import io.labgrader.probe.process.CommandRunner;
import io.labgrader.probe.process.ProcessCommandRunner;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How the VM probes run: on which host, with which command runner, which probes, and their time bounds.
 *
 * @param firstCall  bound of a hypervisor's first command, which may start a service (VBoxSVC, libvirtd probing
 *                   QEMU, multipassd): it can take a minute on a cold machine
 * @param call       bound of every further command
 * @param guestCall  bound of a question to a guest (guest agent), which may not answer at all
 * @param perProbe   bound of all of one hypervisor's commands together
 */
public record VmProbeSettings(HostEnvironment host, CommandRunner runner, List<VmProbe> probes,
                              Duration firstCall, Duration call, Duration guestCall, Duration perProbe,
                              int maxVms) {

    public VmProbeSettings {
        probes = List.copyOf(probes);
    }

    /** A hypervisor's first command: long enough for VBoxSVC, libvirtd or multipassd to start on a cold laptop. */
    public static final Duration FIRST_CALL = Duration.ofSeconds(20);
    /** Every further command. */
    public static final Duration CALL = Duration.ofSeconds(20);
    /** A question to a guest agent. */
    public static final Duration GUEST_CALL = Duration.ofSeconds(15);
    /** All of one hypervisor's commands together. */
    public static final Duration PER_PROBE = Duration.ofMinutes(2);

    /**
     * This machine, all probes, the default bounds. A first call that has not answered in 20 s rarely answers at all
     * (a VBoxSVC waiting on a dialog, a stuck libvirtd); the student learns it then, not after a minute and a half.
     * A hung call ends that hypervisor's probe, so a hung VBoxManage costs 20 s, not one bound per VM.
     */
    public static VmProbeSettings defaults() {
        HostEnvironment host = HostEnvironment.current();
        return new VmProbeSettings(host, runnerFor(host), VmProbes.all(),
                FIRST_CALL, CALL, GUEST_CALL, PER_PROBE, 40);
    }

    /** English, UTF-8 output on Linux and macOS; Windows tools are left as they are. */
    public static CommandRunner runnerFor(HostEnvironment host) {
        return switch (host.os()) {
            case LINUX -> new ProcessCommandRunner(Map.of("LC_ALL", "C.UTF-8", "LANG", "C.UTF-8"));
            case MACOS -> new ProcessCommandRunner(Map.of("LC_ALL", "en_US.UTF-8", "LANG", "en_US.UTF-8"));
            case WINDOWS -> new ProcessCommandRunner(Map.of());
        };
    }

    public VmProbeSettings withHost(HostEnvironment h) {
        return new VmProbeSettings(h, runner, probes, firstCall, call, guestCall, perProbe, maxVms);
    }

    public VmProbeSettings withRunner(CommandRunner r) {
        return new VmProbeSettings(host, r, probes, firstCall, call, guestCall, perProbe, maxVms);
    }

    public VmProbeSettings withProbes(List<VmProbe> p) {
        return new VmProbeSettings(host, runner, p, firstCall, call, guestCall, perProbe, maxVms);
    }

    public VmProbeSettings withTimeouts(Duration first, Duration each, Duration guest, Duration all) {
        return new VmProbeSettings(host, runner, probes, first, each, guest, all, maxVms);
    }
}
