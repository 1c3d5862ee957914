package io.labgrader.probe.vm;

import io.labgrader.evidence.vm.BootSign;
import io.labgrader.evidence.vm.GuestReport;
import io.labgrader.evidence.vm.HypervisorIds;
import io.labgrader.evidence.vm.VmDisk;
import io.labgrader.evidence.vm.VmProbeFailed.Problem;
import io.labgrader.evidence.vm.VmProbeFailed.Step;
import io.labgrader.evidence.vm.VmState;
import io.labgrader.probe.process.CommandResult;
import io.labgrader.probe.vm.VBoxManageParser.MediumInfo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * VirtualBox: {@code VBoxManage list vms}, {@code showvminfo --machinereadable}, {@code guestproperty enumerate} and
 * {@code showmediuminfo} where VBoxManage is found (on PATH or where the installer puts it); and, with or without
 * it, the registry VirtualBox.xml and each VM's .vbox file. Both views of a VM are merged by its UUID.
 */
public final class VirtualBoxProbe implements VmProbe {

    static final String PRODUCT = "Oracle VirtualBox";
    @Override
    public String hypervisor() {
        return HypervisorIds.VIRTUALBOX;
    }

    /** Where VirtualBox's installers put VBoxManage. */
    public static List<String> usualLocations(HostEnvironment host) {
        List<String> c = new ArrayList<>();
        switch (host.os()) {
            case WINDOWS -> {
                for (String v : new String[]{"VBOX_MSI_INSTALL_PATH", "VBOX_INSTALL_PATH"}) {
                    String dir = host.getenv(v);
                    if (dir != null) {
                        c.add(host.join(dir, "VBoxManage.exe"));
                    }
                }
                c.add(host.join(Executables.windowsDir(host, "ProgramFiles", "C:\\Program Files"), "Oracle", "VirtualBox", "VBoxManage.exe"));
                c.add("C:\\Program Files\\Oracle\\VirtualBox\\VBoxManage.exe");
            }
            case MACOS -> {
                c.add("/Applications/VirtualBox.app/Contents/MacOS/VBoxManage");
                c.add("/usr/local/bin/VBoxManage");
            }
            case LINUX -> {
                c.add("/usr/bin/VBoxManage");
                c.add("/usr/bin/vboxmanage");
                c.add("/usr/local/bin/VBoxManage");
                c.add("/usr/lib/virtualbox/VBoxManage");
                c.add("/opt/VirtualBox/VBoxManage");
            }
        }
        return c;
    }

    /** Where VirtualBox keeps its registry VirtualBox.xml (VBOX_USER_HOME first). */
    public static List<String> settingsLocations(HostEnvironment host) {
        List<String> c = new ArrayList<>();
        String userHome = host.getenv("VBOX_USER_HOME");
        if (userHome != null) {
            c.add(host.join(userHome, "VirtualBox.xml"));
        }
        String home = host.home().toString();
        switch (host.os()) {
            case WINDOWS -> c.add(host.join(home, ".VirtualBox", "VirtualBox.xml"));
            case MACOS -> {
                c.add(host.join(home, "Library", "VirtualBox", "VirtualBox.xml"));
                c.add(host.join(home, ".VirtualBox", "VirtualBox.xml"));
            }
            case LINUX -> {
                c.add(host.join(home, ".config", "VirtualBox", "VirtualBox.xml"));
                c.add(host.join(home, ".VirtualBox", "VirtualBox.xml"));
            }
        }
        return c;
    }

    @Override
    public void probe(ProbeContext ctx) {
        HostEnvironment host = ctx.host();
        ctx.rawFilter(VBoxGuestProperties::redactGuestUsers);
        Executables.Lookup lookup = Executables.find(host, List.of("VBoxManage", "vboxmanage"), usualLocations(host));
        List<String> settingsCandidates = settingsLocations(host);
        Path settings = settingsCandidates.stream().map(HostFiles::path).filter(Objects::nonNull)
                .filter(Files::isRegularFile).findFirst().orElse(null);
        if (lookup.found().isEmpty() && settings == null) {
            List<String> looked = new ArrayList<>(lookup.looked());
            looked.addAll(settingsCandidates);
            ctx.notFound(looked);
            return;
        }
        Map<String, VmBuilder> vms = new LinkedHashMap<>();
        String version = null;
        boolean listed = false;
        if (lookup.found().isPresent()) {
            String exe = lookup.found().get();
            CommandResult v = ctx.run(Step.DETECT, null, "version.txt", List.of(exe, "--version"));
            version = v.ok() ? VBoxManageParser.version(v.stdout()) : null;
            ctx.found(PRODUCT, version, exe, "VBoxManage --version");
            if (!ctx.abandoned()) {
                listed = fromVBoxManage(ctx, exe, version, vms);
            }
        }
        if (settings != null) {
            VBoxSettingsReader.fromSettings(ctx, settings, lookup.found().isEmpty(), listed, version, vms);
        }
        for (VmBuilder vm : vms.values()) {
            ctx.record(vm.build(ctx.at(), ctx.source()));
        }
    }

    // ---------------------------------------------------------------- VBoxManage

    /** @return whether VBoxManage listed the VMs */
    private boolean fromVBoxManage(ProbeContext ctx, String exe, String version, Map<String, VmBuilder> vms) {
        CommandResult list = ctx.run(Step.LIST, null, "list-vms.txt", List.of(exe, "list", "vms"));
        if (!list.ok()) {
            return false;
        }
        String listRaw = ctx.lastRaw();
        List<VBoxManageParser.ListedVm> listed = VBoxManageParser.listVms(list.stdout());
        if (listed.isEmpty() && !list.stdout().isBlank()) {
            ctx.failed(Step.LIST, null, exe + " list vms", Problem.UNREADABLE, 0, "no VM line in: " + first(list.stdout()), 0, listRaw);
        }
        int n = 0;
        for (VBoxManageParser.ListedVm l : listed) {
            VmBuilder vm = new VmBuilder(HypervisorIds.VIRTUALBOX);
            vm.name = l.name();
            vm.uuid = l.uuid();
            vm.hypervisorVersion = version;
            vm.via.add("VBoxManage list vms");
            vm.raw(listRaw);
            vms.put(l.uuid(), vm);
            if (l.name().equals("<inaccessible>")) {
                vm.state = VmState.UNKNOWN;
                vm.rawState = "inaccessible"; // its settings file is gone or unreadable: VBoxManage can tell no more
                continue;
            }
            if (n++ >= ctx.maxVms() || ctx.abandoned()) {
                continue;
            }
            CommandResult info = ctx.run(Step.DETAILS, l.name(), "showvminfo-" + l.uuid() + ".txt",
                    List.of(exe, "showvminfo", l.uuid(), "--machinereadable"));
            if (info.ok()) {
                vm.raw(ctx.lastRaw());
                vm.via.add("VBoxManage showvminfo --machinereadable");
                applyShowVmInfo(vm, VBoxManageParser.machineReadable(info.stdout()));
                disks(ctx, exe, vm, VBoxManageParser.machineReadable(info.stdout()));
            }
            if (ctx.abandoned()) {
                continue;
            }
            CommandResult props = ctx.run(Step.GUEST, l.name(), "guestproperty-" + l.uuid() + ".txt",
                    List.of(exe, "guestproperty", "enumerate", l.uuid()));
            if (props.ok()) {
                vm.raw(ctx.lastRaw());
                vm.via.add("VBoxManage guestproperty enumerate");
                VBoxGuestProperties.apply(vm, VBoxManageParser.guestProperties(props.stdout()));
            }
        }
        return true;
    }

    /** The facts of {@code showvminfo --machinereadable}. */
    static void applyShowVmInfo(VmBuilder vm, Map<String, String> info) {
        String name = info.get("name");
        if (name != null && !name.equals("<inaccessible>")) {
            vm.name = name;
        }
        if (info.get("UUID") != null) {
            vm.uuid = info.get("UUID").toLowerCase(java.util.Locale.ROOT);
        }
        if ("<inaccessible>".equals(name)) {
            vm.state = VmState.UNKNOWN;
            vm.rawState = "inaccessible";
            return;
        }
        vm.declaredOs = info.get("ostype");
        vm.memoryMb = longOrNull(info.get("memory"));
        Long cpus = longOrNull(info.get("cpus"));
        vm.cpus = cpus == null ? null : cpus.intValue();
        vm.rawState = info.get("VMState");
        vm.state = VBoxMachineInfo.state(vm.rawState);
        Instant since = VBoxManageParser.iso(info.get("VMStateChangeTime"));
        if (vm.state.isUp()) {
            vm.sign(BootSign.Kind.RUNNING, "state " + vm.rawState, since);
        } else if (vm.state == VmState.SAVED || info.containsKey("VMStateFile")) {
            vm.sign(BootSign.Kind.STARTED, "saved state", since);
        } else if (vm.state == VmState.ABORTED) {
            vm.sign(BootSign.Kind.STARTED, "state " + vm.rawState, since);
        }
        vm.location = info.get("CfgFile");
        vm.nics = new ArrayList<>(VBoxMachineInfo.nics(info));
        String logs = info.get("LogFldr");
        if (logs != null) {
            VBoxSettingsReader.logSign(vm, HostFiles.path(logs));
        }
        Map<String, String> guestInfo = new LinkedHashMap<>();
        for (String k : new String[]{"GuestOSType", "GuestAdditionsRunLevel", "GuestAdditionsVersion"}) {
            if (info.get(k) != null) {
                guestInfo.put(k, info.get(k));
            }
        }
        String additions = info.get("GuestAdditionsVersion");
        String runLevel = info.get("GuestAdditionsRunLevel");
        if (additions != null || (runLevel != null && !runLevel.equals("0"))) {
            vm.guest = new GuestReport("VirtualBox Guest Additions" + (additions == null ? "" : " " + additions), null, null,
                    null, null, null, null, additions, null, guestInfo);
        }
    }

    /** Disks with format, capacity and what they take on the host, following snapshot chains to the base image. */
    private static void disks(ProbeContext ctx, String exe, VmBuilder vm, Map<String, String> info) {
        List<VmDisk> disks = new ArrayList<>();
        int count = 0;
        for (VBoxMachineInfo.Attached a : VBoxMachineInfo.attachments(info)) {
            if (!a.isHardDisk() || count++ >= 4) {
                continue;
            }
            String format = null;
            Long capacity = null;
            Long allocated = null;
            String uuid = a.uuid();
            int depth = 0;
            boolean viaTool = false;
            while (uuid != null && depth++ < 6 && !ctx.abandoned()) {
                CommandResult r = ctx.run(Step.DETAILS, vm.name, "showmediuminfo-" + uuid + ".txt",
                        List.of(exe, "showmediuminfo", "disk", uuid), null, false);
                if (!r.ok()) {
                    break;
                }
                vm.raw(ctx.lastRaw());
                viaTool = true;
                MediumInfo m = VBoxManageParser.mediumInfo(r.stdout());
                format = m.format() != null ? m.format() : format;
                capacity = capacity != null ? capacity : m.capacityBytes();
                if (m.sizeOnDiskBytes() != null) {
                    allocated = (allocated == null ? 0 : allocated) + m.sizeOnDiskBytes();
                }
                uuid = m.parentUuid();
            }
            if (viaTool) {
                vm.via.add("VBoxManage showmediuminfo");
            } else {
                Path p = HostFiles.path(a.path());
                DiskImages.ImageInfo image = p == null ? new DiskImages.ImageInfo(null, null, null) : DiskImages.inspect(p);
                format = image.format();
                capacity = image.capacityBytes();
                allocated = image.allocatedBytes();
            }
            disks.add(new VmDisk(a.slot(), format, capacity, allocated, a.path()));
        }
        vm.disks = disks;
    }

    private static Long longOrNull(String s) {
        try {
            return s == null ? null : Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String first(String s) {
        String line = s.strip().split("\\R", 2)[0];
        return line.length() > 120 ? line.substring(0, 120) + "…" : line;
    }
}
