package io.labgrader.probe.vm;

import io.labgrader.evidence.vm.BootSign;
import io.labgrader.evidence.vm.GuestReport;
import io.labgrader.evidence.vm.HypervisorIds;
import io.labgrader.evidence.vm.NicMode;
import io.labgrader.evidence.vm.VmDisk;
import io.labgrader.evidence.vm.VmNic;
import io.labgrader.evidence.vm.VmProbeFailed.Problem;
import io.labgrader.evidence.vm.VmProbeFailed.Step;
import io.labgrader.evidence.vm.VmState;
import io.labgrader.probe.process.CommandResult;
import io.labgrader.probe.vm.SafeXml.XmlException;
import io.labgrader.probe.vm.VirshParser.Domain;
import io.labgrader.probe.vm.VirshParser.Network;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * libvirt/KVM/QEMU through virsh, on qemu:///system (where virt-manager's VMs live) and qemu:///session (a
 * user's own): every domain's XML (with its libosinfo OS), state, disks, each interface's network and whether that
 * network does NAT or is isolated, and, for running domains with a guest agent channel, the guest's own OS report.
 * As root both URIs show the same domains; a domain is recorded once, by UUID.
 */
public final class LibvirtProbe implements VmProbe {

    public static final List<String> URIS = List.of("qemu:///system", "qemu:///session");
    private static final Set<String> STARTED_REASONS = Set.of("shutdown", "destroyed", "crashed", "saved", "migrated",
            "from snapshot", "failed", "daemon");

    @Override
    public String hypervisor() {
        return HypervisorIds.LIBVIRT;
    }

    public static List<String> usualLocations(HostEnvironment host) {
        return switch (host.os()) {
            case LINUX -> List.of("/usr/bin/virsh", "/usr/local/bin/virsh");
            case MACOS -> List.of("/opt/homebrew/bin/virsh", "/usr/local/bin/virsh");
            case WINDOWS -> List.of();
        };
    }

    @Override
    public void probe(ProbeContext ctx) {
        Executables.Lookup lookup = Executables.find(ctx.host(), List.of("virsh"), usualLocations(ctx.host()));
        if (lookup.found().isEmpty()) {
            ctx.notFound(lookup.looked());
            return;
        }
        String virsh = lookup.found().get();
        Map<String, VmBuilder> vms = new LinkedHashMap<>();
        boolean recorded = false;
        int count = 0;
        for (String uri : URIS) {
            if (ctx.abandoned()) {
                break;
            }
            String tag = uri.substring(uri.lastIndexOf('/') + 1);
            CommandResult version = ctx.run(Step.DETECT, null, "version-" + tag + ".txt", List.of(virsh, "-c", uri, "version"));
            if (!recorded) {
                ctx.found("libvirt", version.ok() ? VirshParser.version(version.stdout()) : null, virsh, "virsh -c " + uri + " version");
                recorded = true;
            }
            if (!version.ok()) {
                continue;
            }
            String hvVersion = VirshParser.version(version.stdout());
            CommandResult list = ctx.run(Step.LIST, null, "list-" + tag + ".txt", List.of(virsh, "-c", uri, "list", "--all", "--name"));
            if (!list.ok()) {
                continue;
            }
            Networks networks = new Networks(ctx, virsh, uri);
            for (String name : VirshParser.names(list.stdout())) {
                if (ctx.abandoned() || count >= ctx.maxVms()) {
                    break;
                }
                VmBuilder vm = domain(ctx, virsh, uri, name, networks);
                if (vm == null || (vm.uuid != null && vms.containsKey(vm.uuid))) {
                    continue; // as root, the session URI shows the system's domains again
                }
                count++;
                vm.hypervisorVersion = hvVersion;
                vms.put(vm.uuid != null ? vm.uuid : uri + "/" + name, vm);
            }
        }
        for (VmBuilder vm : vms.values()) {
            ctx.record(vm.build(ctx.at(), ctx.source()));
        }
    }

    private static VmBuilder domain(ProbeContext ctx, String virsh, String uri, String name, Networks networks) {
        VmBuilder vm = new VmBuilder(HypervisorIds.LIBVIRT);
        vm.name = name;
        vm.location = uri;
        vm.via.add("virsh -c " + uri);
        CommandResult xml = ctx.run(Step.DETAILS, name, "dumpxml-" + name + ".xml", List.of(virsh, "-c", uri, "dumpxml", name));
        if (!xml.ok()) {
            return vm;
        }
        vm.raw(ctx.lastRaw());
        Domain d;
        try {
            d = VirshParser.domain(xml.stdout());
        } catch (XmlException e) {
            ctx.failed(Step.DETAILS, name, "virsh -c " + uri + " dumpxml " + name, Problem.UNREADABLE, 0,
                    "not valid XML: " + e.getMessage(), xml.millis(), ctx.lastRaw());
            return vm;
        }
        vm.uuid = d.uuid();
        vm.declaredOsId = d.osinfo();
        vm.declaredOs = osinfoName(d.osinfo());
        vm.memoryMb = d.memoryKib() == null ? null : d.memoryKib() / 1024;
        vm.cpus = d.vcpus();
        CommandResult state = ctx.run(Step.DETAILS, name, "domstate-" + name + ".txt", List.of(virsh, "-c", uri, "domstate", name, "--reason"));
        if (state.ok()) {
            vm.raw(ctx.lastRaw());
            VirshParser.DomState s = VirshParser.domstate(state.stdout());
            vm.state = VirshParser.state(s.state());
            vm.rawState = s.reason() == null ? s.state() : s.state() + " (" + s.reason() + ")";
            if (vm.state.isUp()) {
                vm.sign(BootSign.Kind.RUNNING, "state " + s.state(), null);
            } else if (s.reason() != null && STARTED_REASONS.contains(s.reason())) {
                vm.sign(BootSign.Kind.STARTED, "state " + vm.rawState, null);
            }
        }
        List<VmNic> nics = new ArrayList<>();
        int index = 0;
        for (VirshParser.Interface i : d.interfaces()) {
            nics.add(nic(index++, i, networks));
        }
        vm.nics = nics;
        List<VmDisk> disks = new ArrayList<>();
        for (VirshParser.Disk disk : d.disks()) {
            if (disk.target() == null || ctx.abandoned() || disks.size() >= 4) {
                continue;
            }
            CommandResult info = ctx.run(Step.DETAILS, name, "domblkinfo-" + name + "-" + disk.target() + ".txt",
                    List.of(virsh, "-c", uri, "domblkinfo", name, disk.target()), null, false);
            Map<String, Long> blk = info.ok() ? VirshParser.blkinfo(info.stdout()) : Map.of();
            if (info.ok()) {
                vm.raw(ctx.lastRaw());
            }
            disks.add(new VmDisk(disk.target(), disk.format(), blk.get("Capacity"), blk.get("Allocation"), disk.file()));
        }
        vm.disks = disks;
        Path log = uri.endsWith("/system") ? Path.of("/var/log/libvirt/qemu", name + ".log")
                : ctx.host().home().resolve(".cache/libvirt/qemu/log").resolve(name + ".log");
        if (Files.isRegularFile(log)) {
            vm.sign(BootSign.Kind.STARTED, "QEMU log " + log.getFileName(), HostFiles.modified(log));
        }
        if (vm.state == VmState.RUNNING && d.guestAgentChannel() && !ctx.abandoned()) {
            CommandResult guest = ctx.askGuest(name, "guestinfo-" + name + ".txt", List.of(virsh, "-c", uri, "guestinfo", name, "--os"));
            Map<String, String> os = guest.ok() ? VirshParser.guestinfo(guest.stdout()) : Map.of();
            if (!os.isEmpty()) {
                vm.raw(ctx.lastRaw());
                vm.via.add("virsh guestinfo --os (QEMU guest agent)");
                vm.guest = new GuestReport("QEMU guest agent", os.get("os.id"), os.get("os.name"), os.get("os.version-id"),
                        os.get("os.pretty-name"), os.get("os.kernel-release"), os.get("os.kernel-version"), null,
                        ctx.at(), os);
            }
        }
        return vm;
    }

    /** "http://ubuntu.com/ubuntu/24.04" as "ubuntu 24.04", the way virt-manager's OS list reads; null stays null. */
    static String osinfoName(String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        String path = id.replaceFirst("^[a-z]+://[^/]+/?", "");
        String name = path.replace('/', ' ').strip();
        return name.isEmpty() ? id : name;
    }

    static VmNic nic(int index, VirshParser.Interface i, Networks networks) {
        String type = i.type() == null ? "?" : i.type();
        NicMode mode;
        String raw;
        String attachment = i.source();
        switch (type) {
            case "network" -> {
                Network n = networks.byName(i.source());
                mode = n == null ? NicMode.OTHER : n.mode();
                raw = "network/" + i.source() + (n == null ? " (network not found)" : " (forward " + n.forward() + ")");
            }
            case "bridge" -> {
                Network n = networks.byBridge(i.source());
                mode = n == null ? NicMode.BRIDGED : n.mode();
                raw = "bridge/" + i.source() + (n == null ? "" : " (bridge of network " + n.name() + ", forward " + n.forward() + ")");
            }
            case "user" -> {
                mode = NicMode.NAT;
                raw = "user (QEMU user networking, NAT)";
            }
            case "direct" -> {
                mode = NicMode.BRIDGED;
                raw = "direct/" + i.source() + " (macvtap)";
            }
            default -> {
                mode = NicMode.OTHER;
                raw = type;
            }
        }
        return new VmNic(index, mode, raw, attachment, i.mac(), i.linkState() == null ? null : !i.linkState().equals("down"));
    }

    /** The networks of one connection, read once each (net-dumpxml), by name and by bridge. */
    static final class Networks {
        private final ProbeContext ctx;
        private final String virsh;
        private final String uri;
        private final Map<String, Network> byName = new HashMap<>();
        private Map<String, Network> byBridge;

        Networks(ProbeContext ctx, String virsh, String uri) {
            this.ctx = ctx;
            this.virsh = virsh;
            this.uri = uri;
        }

        Network byName(String name) {
            if (name == null || ctx.abandoned()) {
                return null;
            }
            if (byName.containsKey(name)) {
                return byName.get(name);
            }
            CommandResult r = ctx.run(Step.DETAILS, null, "net-dumpxml-" + name + ".xml", List.of(virsh, "-c", uri, "net-dumpxml", name));
            Network n = null;
            if (r.ok()) {
                try {
                    n = VirshParser.network(r.stdout());
                } catch (XmlException e) {
                    ctx.failed(Step.DETAILS, null, "virsh -c " + uri + " net-dumpxml " + name, Problem.UNREADABLE, 0,
                            "not valid XML: " + e.getMessage(), r.millis(), ctx.lastRaw());
                }
            }
            byName.put(name, n);
            return n;
        }

        Network byBridge(String bridge) {
            if (bridge == null) {
                return null;
            }
            if (byBridge == null) {
                byBridge = new HashMap<>();
                CommandResult r = ctx.abandoned() ? null
                        : ctx.run(Step.DETAILS, null, "net-list.txt", List.of(virsh, "-c", uri, "net-list", "--all", "--name"), null, false);
                if (r != null && r.ok()) {
                    for (String name : VirshParser.names(r.stdout())) {
                        Network n = byName(name);
                        if (n != null && n.bridge() != null) {
                            byBridge.put(n.bridge(), n);
                        }
                    }
                }
            }
            return byBridge.get(bridge);
        }
    }
}
