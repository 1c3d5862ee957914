package io.labgrader.probe.vm;

import io.labgrader.evidence.vm.HypervisorIds;
import io.labgrader.evidence.vm.VmProbeFailed.Step;
import io.labgrader.probe.process.CommandResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * VMware Workstation, Player and Fusion: the VM inventory and preferences (recently opened VMs), the default VM
 * folders, each .vmx file and the files beside it (read by {@link VmxReader}), and {@code vmrun list} for what
 * runs now.
 */
public final class VmwareProbe implements VmProbe {

    private static final Pattern PLIST_VERSION = Pattern.compile("<key>CFBundleShortVersionString</key>\\s*<string>([^<]+)</string>");
    private static final Pattern VMRUN_VERSION = Pattern.compile("vmrun version (\\S+)");

    @Override
    public String hypervisor() {
        return HypervisorIds.VMWARE;
    }

    /** Where VMware's installers put vmrun. */
    public static List<String> vmrunLocations(HostEnvironment host) {
        List<String> c = new ArrayList<>();
        switch (host.os()) {
            case WINDOWS -> {
                for (String pf : programFiles(host)) {
                    c.add(host.join(pf, "VMware", "VMware Workstation", "vmrun.exe"));
                    c.add(host.join(pf, "VMware", "VMware Player", "vmrun.exe"));
                    c.add(host.join(pf, "VMware", "VMware VIX", "vmrun.exe"));
                }
            }
            case MACOS -> {
                c.add("/Applications/VMware Fusion.app/Contents/Library/vmrun");
                c.add("/Applications/VMware Fusion.app/Contents/Public/vmrun");
            }
            case LINUX -> {
                c.add("/usr/bin/vmrun");
                c.add("/usr/local/bin/vmrun");
            }
        }
        return c;
    }

    /** Files that show VMware is installed even where vmrun is missing (Player without VIX). */
    public static List<String> installMarkers(HostEnvironment host) {
        List<String> c = new ArrayList<>();
        switch (host.os()) {
            case WINDOWS -> {
                for (String pf : programFiles(host)) {
                    c.add(host.join(pf, "VMware", "VMware Workstation", "vmware.exe"));
                    c.add(host.join(pf, "VMware", "VMware Player", "vmplayer.exe"));
                    c.add(host.join(pf, "VMware", "VMware Workstation", "vmplayer.exe"));
                }
            }
            case MACOS -> c.add("/Applications/VMware Fusion.app/Contents/Info.plist");
            case LINUX -> {
                c.add("/etc/vmware/config");
                c.add("/usr/bin/vmware");
                c.add("/usr/bin/vmplayer");
            }
        }
        return c;
    }

    /** VMware's inventory of VMs and its preferences (recently opened VMs). */
    public static List<String> inventoryLocations(HostEnvironment host) {
        String home = host.home().toString();
        List<String> c = new ArrayList<>();
        switch (host.os()) {
            case WINDOWS -> {
                String appData = host.getenv("APPDATA") != null ? host.getenv("APPDATA") : host.join(home, "AppData", "Roaming");
                c.add(host.join(appData, "VMware", "inventory.vmls"));
                c.add(host.join(appData, "VMware", "preferences.ini"));
            }
            case MACOS -> {
                c.add(host.join(home, "Library", "Application Support", "VMware Fusion", "vmInventory"));
                c.add(host.join(home, "Library", "Preferences", "VMware Fusion", "preferences"));
            }
            case LINUX -> {
                c.add(host.join(home, ".vmware", "inventory.vmls"));
                c.add(host.join(home, ".vmware", "preferences"));
            }
        }
        return c;
    }

    /** The folders VMware proposes for new VMs. */
    public static List<String> defaultVmFolders(HostEnvironment host) {
        String home = host.home().toString();
        return switch (host.os()) {
            case WINDOWS -> List.of(host.join(home, "Documents", "Virtual Machines"));
            case MACOS -> List.of(host.join(home, "Virtual Machines.localized"), host.join(home, "Virtual Machines"),
                    host.join(home, "Documents", "Virtual Machines.localized"), host.join(home, "Documents", "Virtual Machines"));
            case LINUX -> List.of(host.join(home, "vmware"));
        };
    }

    private static List<String> programFiles(HostEnvironment host) {
        List<String> dirs = new ArrayList<>();
        dirs.add(Executables.windowsDir(host, "ProgramFiles(x86)", "C:\\Program Files (x86)"));
        dirs.add(Executables.windowsDir(host, "ProgramFiles", "C:\\Program Files"));
        return dirs.stream().distinct().toList();
    }

    @Override
    public void probe(ProbeContext ctx) {
        HostEnvironment host = ctx.host();
        Executables.Lookup vmrun = Executables.find(host, List.of("vmrun"), vmrunLocations(host));
        List<String> looked = new ArrayList<>(vmrun.looked());
        String marker = null;
        if (host.usualLocations()) {
            for (String m : installMarkers(host)) {
                looked.add(m);
                if (marker == null && exists(m)) {
                    marker = m;
                }
            }
        }
        Set<String> vmxFiles = new LinkedHashSet<>();
        List<String> sources = new ArrayList<>();
        for (String inv : inventoryLocations(host)) {
            looked.add(inv);
            Path p = HostFiles.path(inv);
            if (p == null || !Files.isRegularFile(p)) {
                continue;
            }
            String text = ctx.readFile(Step.LIST, null, p);
            if (text == null) {
                continue;
            }
            ctx.saveRaw(p.getFileName().toString(), text);
            List<String> found = inv.endsWith("inventory.vmls") || inv.endsWith("vmInventory")
                    ? VmxParser.inventoryPaths(text) : VmxParser.recentPaths(text);
            vmxFiles.addAll(found);
            sources.add(p.getFileName().toString());
        }
        for (String folder : defaultVmFolders(host)) {
            looked.add(folder + " (*.vmx)");
            vmxFiles.addAll(scan(HostFiles.path(folder)));
        }
        if (vmrun.found().isEmpty() && marker == null && sources.isEmpty() && vmxFiles.isEmpty()) {
            ctx.notFound(looked);
            return;
        }
        String product = product(host, marker);
        String version = version(ctx, host, marker);
        Set<String> running = null;
        if (vmrun.found().isPresent()) {
            String exe = vmrun.found().get();
            CommandResult list = ctx.run(Step.LIST, null, "vmrun-list.txt", List.of(exe, "list"));
            if (version == null && !ctx.abandoned()) {
                CommandResult banner = ctx.run(Step.DETECT, null, "vmrun.txt", List.of(exe), null, false);
                Matcher m = VMRUN_VERSION.matcher(banner.stdout() + banner.stderr());
                version = m.find() ? "vmrun " + m.group(1) : null;
            }
            ctx.found(product, version, exe, "vmrun");
            if (list.ok()) {
                running = new LinkedHashSet<>();
                for (String path : VmxParser.running(list.stdout())) {
                    running.add(VmxReader.normalize(path));
                    vmxFiles.add(path);
                }
            }
        } else {
            ctx.found(product, version, marker != null ? marker : String.join(", ", sources.isEmpty() ? List.of("VM folder") : sources),
                    marker != null ? "installation files" : "VMware's inventory or VM files (vmrun not found)");
        }
        Set<String> seen = new LinkedHashSet<>();
        int n = 0;
        for (String vmx : vmxFiles) {
            if (!seen.add(VmxReader.normalize(vmx)) || n++ >= ctx.maxVms()) {
                continue;
            }
            VmBuilder vm = VmxReader.fromVmx(ctx, vmx, running);
            vm.hypervisorVersion = version;
            if (!sources.isEmpty()) {
                vm.via.add(String.join(", ", sources));
            }
            ctx.record(vm.build(ctx.at(), ctx.source()));
        }
    }

    private static String product(HostEnvironment host, String marker) {
        if (host.os() == HostEnvironment.Os.MACOS) {
            return "VMware Fusion";
        }
        String m = marker == null ? "" : marker.toLowerCase(Locale.ROOT);
        if (m.endsWith("vmplayer.exe") || m.endsWith("vmplayer")) {
            return "VMware Workstation Player";
        }
        return "VMware Workstation";
    }

    private static String version(ProbeContext ctx, HostEnvironment host, String marker) {
        if (marker == null) {
            return null;
        }
        Path p = HostFiles.path(marker);
        if (p == null || !Files.isRegularFile(p)) {
            return null;
        }
        if (marker.endsWith("/etc/vmware/config")) {
            String text = ctx.readFile(Step.DETECT, null, p);
            return text == null ? null : VmxParser.parse(text).get("product.version");
        }
        if (marker.endsWith("Info.plist")) {
            String text = ctx.readFile(Step.DETECT, null, p);
            Matcher m = text == null ? null : PLIST_VERSION.matcher(text);
            return m != null && m.find() ? m.group(1).strip() : null;
        }
        return null;
    }

    /** .vmx files one or two levels below a VM folder ("Ubuntu 64-bit/Ubuntu 64-bit.vmx", "X.vmwarevm/X.vmx"). */
    static List<String> scan(Path folder) {
        List<String> found = new ArrayList<>();
        if (folder == null || !Files.isDirectory(folder)) {
            return found;
        }
        try (Stream<Path> walk = Files.walk(folder, 3)) {
            walk.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".vmx"))
                    .filter(Files::isRegularFile).limit(100).map(Path::toString).sorted().forEach(found::add);
        } catch (IOException | RuntimeException ignored) {
            // unreadable folders give nothing
        }
        return found;
    }

    private static boolean exists(String p) {
        Path path = HostFiles.path(p);
        return path != null && Files.exists(path);
    }
}
