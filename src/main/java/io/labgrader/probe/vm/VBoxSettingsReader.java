package io.labgrader.probe.vm;

import io.labgrader.evidence.vm.BootSign;
import io.labgrader.evidence.vm.HypervisorIds;
import io.labgrader.evidence.vm.VmDisk;
import io.labgrader.evidence.vm.VmProbeFailed.Problem;
import io.labgrader.evidence.vm.VmProbeFailed.Step;
import io.labgrader.evidence.vm.VmState;
import io.labgrader.probe.vm.HostEnvironment.Os;
import io.labgrader.probe.vm.SafeXml.XmlException;
import io.labgrader.probe.vm.VBoxSettingsParser.Machine;
import io.labgrader.probe.vm.VBoxSettingsParser.Medium;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * VirtualBox's own files, read with or without VBoxManage: the registry VirtualBox.xml, each VM's .vbox settings
 * file, its media registry (disk images and their snapshot chains) and its Logs folder.
 */
final class VBoxSettingsReader {

    private VBoxSettingsReader() {
    }

    /**
     * @param onlySource VBoxManage is missing: the files are all there is
     * @param listed     VBoxManage listed the VMs already: the files only add to them, and a file that cannot be read
     *                   leaves no question open
     */
    static void fromSettings(ProbeContext ctx, Path settings, boolean onlySource, boolean listed, String version,
                              Map<String, VmBuilder> vms) {
        String xml = ctx.readFile(Step.LIST, null, settings, !listed);
        if (xml == null) {
            if (onlySource) {
                ctx.found(VirtualBoxProbe.PRODUCT, null, settings.toString(), "VirtualBox.xml (VBoxManage not found)");
            }
            return;
        }
        String registryRaw = ctx.saveRaw("VirtualBox.xml", xml);
        VBoxSettingsParser.Registry registry;
        try {
            registry = VBoxSettingsParser.registry(xml);
        } catch (XmlException e) {
            if (!listed) {
                ctx.failed(Step.LIST, null, settings.toString(), Problem.UNREADABLE, null, "not valid XML: " + e.getMessage(), 0, registryRaw);
            }
            if (onlySource) {
                ctx.found(VirtualBoxProbe.PRODUCT, null, settings.toString(), "VirtualBox.xml (VBoxManage not found)");
            }
            return;
        }
        if (onlySource) {
            ctx.found(VirtualBoxProbe.PRODUCT, registry.versionHint(), settings.toString(), "VirtualBox.xml (VBoxManage not found)");
        }
        String hostVersion = version != null ? version : registry.versionHint();
        String base = settings.getParent() == null ? "." : settings.getParent().toString();
        int n = 0;
        for (VBoxSettingsParser.MachineEntry entry : registry.machines()) {
            if (n++ >= ctx.maxVms()) {
                break;
            }
            String src = resolve(ctx.host(), base, entry.src());
            VmBuilder fromFile = fromVboxFile(ctx, src, entry.uuid(), registry.media(), !listed);
            fromFile.hypervisorVersion = hostVersion;
            fromFile.raw(registryRaw);
            VmBuilder known = vms.get(entry.uuid());
            if (known != null) {
                known.fillFrom(fromFile);
            } else {
                vms.put(entry.uuid(), fromFile);
            }
        }
    }

    private static VmBuilder fromVboxFile(ProbeContext ctx, String src, String uuid, Map<String, Medium> globalMedia,
                                          boolean recordFailures) {
        VmBuilder vm = new VmBuilder(HypervisorIds.VIRTUALBOX);
        vm.uuid = uuid;
        vm.location = src;
        Path file = HostFiles.path(src);
        String fileName = src == null ? "?" : src.replace('\\', '/').replaceAll(".*/", "");
        vm.name = fileName.endsWith(".vbox") ? fileName.substring(0, fileName.length() - 5) : fileName;
        vm.via.add("VirtualBox.xml");
        if (file == null || !Files.exists(file)) {
            vm.state = VmState.UNKNOWN;
            vm.rawState = "inaccessible: settings file not found";
            return vm;
        }
        String xml = ctx.readFile(Step.DETAILS, vm.name, file, recordFailures);
        if (xml == null) {
            return vm;
        }
        String raw = ctx.saveRaw(fileName, xml);
        vm.raw(raw);
        Machine m;
        try {
            m = VBoxSettingsParser.machine(xml);
        } catch (XmlException e) {
            if (recordFailures) {
                ctx.failed(Step.DETAILS, vm.name, file.toString(), Problem.UNREADABLE, null, "not valid XML: " + e.getMessage(), 0, raw);
            }
            return vm;
        }
        vm.via.add(".vbox settings file");
        vm.name = m.name() != null ? m.name() : vm.name;
        vm.uuid = m.uuid() != null ? m.uuid() : uuid;
        vm.declaredOsId = m.osType();
        vm.memoryMb = m.memoryMb();
        vm.cpus = m.cpus();
        vm.nics = new ArrayList<>(m.nics());
        if (m.stateFile() != null && !m.stateFile().isBlank()) {
            vm.state = VmState.SAVED;
            vm.rawState = "saved (state file " + m.stateFile() + ")";
            vm.sign(BootSign.Kind.STARTED, "saved state", m.lastStateChange());
        } else if (m.aborted()) {
            vm.state = VmState.ABORTED;
            vm.rawState = "aborted";
            vm.sign(BootSign.Kind.STARTED, "state aborted", m.lastStateChange());
        }
        Path folder = file.getParent();
        if (folder != null) {
            logSign(vm, folder.resolve("Logs"));
        }
        Map<String, Medium> media = new LinkedHashMap<>(globalMedia);
        media.putAll(m.media());
        List<VmDisk> disks = new ArrayList<>();
        for (VBoxSettingsParser.AttachedDisk d : m.disks()) {
            disks.add(diskFromRegistry(ctx.host(), folder, d, media));
            if (disks.size() >= 4) {
                break;
            }
        }
        vm.disks = disks;
        VBoxGuestProperties.apply(vm, m.guestProperties());
        return vm;
    }

    /** A disk from the media registry: format as registered, capacity from the image header, allocation summed over the chain. */
    private static VmDisk diskFromRegistry(HostEnvironment host, Path folder, VBoxSettingsParser.AttachedDisk d,
                                           Map<String, Medium> media) {
        Medium top = media.get(d.uuid());
        if (top == null) {
            return new VmDisk(d.slot(), null, null, null, null);
        }
        Long allocated = null;
        Long capacity = null;
        String format = top.format();
        Medium m = top;
        int depth = 0;
        while (m != null && depth++ < 8) {
            Path p = HostFiles.path(resolve(host, folder == null ? "." : folder.toString(), m.location()));
            if (p != null) {
                DiskImages.ImageInfo info = DiskImages.inspect(p);
                if (info.allocatedBytes() != null) {
                    allocated = (allocated == null ? 0 : allocated) + info.allocatedBytes();
                }
                capacity = capacity != null ? capacity : info.capacityBytes();
            }
            format = m.format() != null ? m.format() : format;
            m = m.parentUuid() == null ? null : media.get(m.parentUuid());
        }
        return new VmDisk(d.slot(), format, capacity, allocated, resolve(host, folder == null ? "." : folder.toString(), top.location()));
    }

    static void logSign(VmBuilder vm, Path logFolder) {
        if (logFolder == null) {
            return;
        }
        Path log = logFolder.resolve("VBox.log");
        if (Files.isRegularFile(log)) {
            vm.sign(BootSign.Kind.STARTED, "Logs/VBox.log", HostFiles.modified(log));
        }
    }

    /** Resolves a path from a settings file against the file's folder; absolute paths (also Windows ones) stay. */
    static String resolve(HostEnvironment host, String base, String p) {
        if (p == null) {
            return null;
        }
        boolean absolute = p.startsWith("/") || p.startsWith("\\\\") || p.matches("^[A-Za-z]:[\\\\/].*");
        if (absolute) {
            return p;
        }
        return host.join(base, p.replace(host.os() == Os.WINDOWS ? '/' : '\\', host.os() == Os.WINDOWS ? '\\' : '/'));
    }
}
