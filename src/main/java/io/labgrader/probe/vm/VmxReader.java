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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One VMware VM from its .vmx file (guestOS, memsize, numvcpus, ethernetN, disks, guestInfo.detailed.data from
 * VMware Tools) and the files a started VM leaves beside it (vmware.log, .nvram, .vmss).
 */
final class VmxReader {

    private VmxReader() {
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

    static String normalize(String path) {
        String p = path.strip().replace('\\', '/').replaceAll("/+", "/");
        return p.toLowerCase(Locale.ROOT);
    }

    private static boolean isAbsolute(String p) {
        return p.startsWith("/") || p.startsWith("\\\\") || p.matches("^[A-Za-z]:[\\\\/].*");
    }

    private static Long longOrNull(String s) {
        try {
            return s == null ? null : Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
