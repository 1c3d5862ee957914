package io.labgrader.probe.vm;

import io.labgrader.evidence.vm.BootSign;
import io.labgrader.evidence.vm.GuestReport;
import io.labgrader.evidence.vm.HypervisorIds;
import io.labgrader.evidence.vm.VmDisk;
import io.labgrader.evidence.vm.VmProbeFailed.Step;
import io.labgrader.evidence.vm.VmState;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * VMware Workstation, Player and Fusion: the VM inventory and preferences (recently opened VMs), the default VM
 * folders, each .vmx file (guestOS, memsize, numvcpus, ethernetN, disks, guestInfo.detailed.data from VMware
 * Tools), the files a started VM leaves (vmware.log, .nvram, .vmss), and {@code vmrun list} for what runs now.
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
                    running.add(normalize(path));
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
            if (!seen.add(normalize(vmx)) || n++ >= ctx.maxVms()) {
                continue;
            }
            VmBuilder vm = fromVmx(ctx, vmx, running);
            vm.hypervisorVersion = version;
            if (!sources.isEmpty()) {
                vm.via.add(String.join(", ", sources));
            }
            ctx.record(vm.build(ctx.at(), ctx.source()));
        }
    }

    static VmBuilder fromVmx(ProbeContext ctx, String vmxPath, Set<String> running) {
        VmBuilder vm = new VmBuilder(HypervisorIds.VMWARE);
        vm.location = vmxPath;
        String fileName = vmxPath.replace('\\', '/').replaceAll(".*/", "");
        vm.name = fileName.toLowerCase(Locale.ROOT).endsWith(".vmx") ? fileName.substring(0, fileName.length() - 4) : fileName;
        vm.uuid = vmxPath;
        Path file = HostFiles.path(vmxPath);
        if (file == null || !Files.isRegularFile(file)) {
            vm.state = VmState.UNKNOWN;
            vm.rawState = "inaccessible: .vmx not found";
            return vm;
        }
        String text = ctx.readFile(Step.DETAILS, vm.name, file);
        if (text == null) {
            return vm;
        }
        vm.raw(ctx.saveRaw(fileName, text));
        vm.via.add(".vmx file");
        apply(vm, VmxParser.parse(text), file.getParent());
        boolean isRunning = running != null && running.contains(normalize(vmxPath));
        applyFiles(vm, file, running, isRunning);
        return vm;
    }

    /** The settings of a parsed .vmx; {@code folder} resolves disk file names (null: sizes are not read). */
    static void apply(VmBuilder vm, Map<String, String> vmx, Path folder) {
        if (vmx.get("displayname") != null && !vmx.get("displayname").isBlank()) {
            vm.name = vmx.get("displayname");
        }
        String uuid = VmxParser.uuid(vmx.get("uuid.bios"));
        if (uuid != null) {
            vm.uuid = uuid;
        }
        vm.declaredOs = vmx.get("guestos");
        vm.memoryMb = longOrNull(vmx.get("memsize"));
        Long cpus = longOrNull(vmx.get("numvcpus"));
        vm.cpus = cpus == null ? 1 : cpus.intValue(); // VMware writes numvcpus only when it is not 1
        vm.nics = new ArrayList<>(VmxParser.nics(vmx));
        List<VmDisk> disks = new ArrayList<>();
        for (Map.Entry<String, String> d : VmxParser.disks(vmx).entrySet()) {
            String name = d.getValue();
            if (folder == null) {
                disks.add(new VmDisk(d.getKey(), DiskImages.formatFromName(name), null, null, name));
                continue;
            }
            Path image = isAbsolute(name) ? HostFiles.path(name) : folder.resolve(name);
            DiskImages.ImageInfo info = image == null ? new DiskImages.ImageInfo("VMDK", null, null) : DiskImages.inspect(image);
            disks.add(new VmDisk(d.getKey(), info.format() == null ? "VMDK" : info.format(), info.capacityBytes(),
                    info.allocatedBytes(), image == null ? name : image.toString()));
        }
        vm.disks = disks;
        String detailed = vmx.get("guestinfo.detailed.data") != null ? vmx.get("guestinfo.detailed.data") : vmx.get("guestos.detailed.data");
        if (detailed != null && !detailed.isBlank()) {
            Map<String, String> d = VmxParser.detailedData(detailed);
            vm.guest = new GuestReport("VMware Tools (guestInfo.detailed.data)", null, d.get("distroName"),
                    d.get("distroVersion"), d.get("prettyName"), d.get("kernelVersion"), null, null, null, d);
        }
        if (vmx.get("checkpoint.vmstate") != null && !vmx.get("checkpoint.vmstate").isBlank()) {
            vm.state = VmState.SAVED;
            vm.rawState = "suspended";
        }
    }

    /** Files a started VM leaves next to its .vmx, and the state. */
    private static void applyFiles(VmBuilder vm, Path vmx, Set<String> running, boolean isRunning) {
        Path folder = vmx.getParent();
        if (folder == null) {
            return;
        }
        Path log = folder.resolve("vmware.log");
        if (Files.isRegularFile(log)) {
            vm.sign(BootSign.Kind.STARTED, "vmware.log", HostFiles.modified(log));
        }
        boolean suspended = false;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.limit(500).toList()) {
                String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
                if (n.endsWith(".nvram")) {
                    vm.sign(BootSign.Kind.STARTED, "NVRAM written at first power-on (" + f.getFileName() + ")", HostFiles.modified(f));
                } else if (n.endsWith(".vmss")) {
                    suspended = true;
                    vm.sign(BootSign.Kind.STARTED, "suspended state (" + f.getFileName() + ")", HostFiles.modified(f));
                } else if (n.matches("vmware-\\d+\\.log")) {
                    vm.sign(BootSign.Kind.STARTED, "vmware log of an earlier run", HostFiles.modified(f));
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // a folder that cannot be listed just gives no traces
        }
        if (isRunning) {
            vm.state = VmState.RUNNING;
            vm.rawState = "running (vmrun list)";
            vm.sign(BootSign.Kind.RUNNING, "listed by vmrun list", null);
        } else if (suspended) {
            vm.state = VmState.SAVED;
            vm.rawState = "suspended";
        } else if (running != null) {
            vm.state = VmState.OFF;
            vm.rawState = "not running (vmrun list)";
        } else if (vm.state == null) {
            vm.state = VmState.UNKNOWN;
            vm.rawState = "unknown (vmrun not available)";
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

    static String normalize(String path) {
        String p = path.strip().replace('\\', '/').replaceAll("/+", "/");
        return p.toLowerCase(Locale.ROOT);
    }

    private static boolean isAbsolute(String p) {
        return p.startsWith("/") || p.startsWith("\\\\") || p.matches("^[A-Za-z]:[\\\\/].*");
    }

    private static boolean exists(String p) {
        Path path = HostFiles.path(p);
        return path != null && Files.exists(path);
    }

    private static Long longOrNull(String s) {
        try {
            return s == null ? null : Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
