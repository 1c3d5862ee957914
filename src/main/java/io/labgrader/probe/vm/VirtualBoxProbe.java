package io.labgrader.probe.vm;

import io.labgrader.evidence.Redactor;
import io.labgrader.evidence.vm.BootSign;
import io.labgrader.evidence.vm.GuestReport;
import io.labgrader.evidence.vm.HypervisorIds;
import io.labgrader.evidence.vm.VmDisk;
import io.labgrader.evidence.vm.VmProbeFailed.Problem;
import io.labgrader.evidence.vm.VmProbeFailed.Step;
import io.labgrader.evidence.vm.VmState;
import io.labgrader.probe.process.CommandResult;
import io.labgrader.probe.vm.HostEnvironment.Os;
import io.labgrader.probe.vm.SafeXml.XmlException;
import io.labgrader.probe.vm.VBoxManageParser.GuestProperty;
import io.labgrader.probe.vm.VBoxManageParser.MediumInfo;
import io.labgrader.probe.vm.VBoxSettingsParser.Machine;
import io.labgrader.probe.vm.VBoxSettingsParser.Medium;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * VirtualBox: {@code VBoxManage list vms}, {@code showvminfo --machinereadable}, {@code guestproperty enumerate} and
 * {@code showmediuminfo} where VBoxManage is found (on PATH or where the installer puts it); and, with or without
 * it, the registry VirtualBox.xml and each VM's .vbox file. Both views of a VM are merged by its UUID.
 */
public final class VirtualBoxProbe implements VmProbe {

    static final String PRODUCT = "Oracle VirtualBox";
    private static final Pattern USERS_OLD = Pattern.compile("(LoggedInUsersList, value: ).*?(, timestamp:)");
    private static final Pattern USERS_NEW = Pattern.compile("(LoggedInUsersList\\s*= ')[^']*(')");
    private static final Pattern USERS_XML = Pattern.compile("(LoggedInUsersList\" value=\")[^\"]*(\")");
    private static final Pattern USER_PATHS = Pattern.compile("(/VirtualBox/GuestInfo/User/)[^/\\s'\",]+");

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
        ctx.rawFilter(VirtualBoxProbe::redactGuestUsers);
        Executables.Lookup lookup = Executables.find(host, List.of("VBoxManage", "vboxmanage"), usualLocations(host));
        List<String> settingsCandidates = settingsLocations(host);
        Path settings = settingsCandidates.stream().map(VirtualBoxProbe::path).filter(Objects::nonNull)
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
            fromSettings(ctx, settings, lookup.found().isEmpty(), listed, version, vms);
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
                applyGuestProperties(vm, VBoxManageParser.guestProperties(props.stdout()));
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
        vm.state = VBoxManageParser.state(vm.rawState);
        Instant since = VBoxManageParser.iso(info.get("VMStateChangeTime"));
        if (vm.state.isUp()) {
            vm.sign(BootSign.Kind.RUNNING, "state " + vm.rawState, since);
        } else if (vm.state == VmState.SAVED || info.containsKey("VMStateFile")) {
            vm.sign(BootSign.Kind.STARTED, "saved state", since);
        } else if (vm.state == VmState.ABORTED) {
            vm.sign(BootSign.Kind.STARTED, "state " + vm.rawState, since);
        }
        vm.location = info.get("CfgFile");
        vm.nics = new ArrayList<>(VBoxManageParser.nics(info));
        String logs = info.get("LogFldr");
        if (logs != null) {
            logSign(vm, path(logs));
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

    private static void logSign(VmBuilder vm, Path logFolder) {
        if (logFolder == null) {
            return;
        }
        Path log = logFolder.resolve("VBox.log");
        if (Files.isRegularFile(log)) {
            vm.sign(BootSign.Kind.STARTED, "Logs/VBox.log", modified(log));
        }
    }

    /** Disks with format, capacity and what they take on the host, following snapshot chains to the base image. */
    private static void disks(ProbeContext ctx, String exe, VmBuilder vm, Map<String, String> info) {
        List<VmDisk> disks = new ArrayList<>();
        int count = 0;
        for (VBoxManageParser.Attached a : VBoxManageParser.attachments(info)) {
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
                Path p = path(a.path());
                DiskImages.ImageInfo image = p == null ? new DiskImages.ImageInfo(null, null, null) : DiskImages.inspect(p);
                format = image.format();
                capacity = image.capacityBytes();
                allocated = image.allocatedBytes();
            }
            disks.add(new VmDisk(a.slot(), format, capacity, allocated, a.path()));
        }
        vm.disks = disks;
    }

    /** Guest Additions' report (/VirtualBox/GuestInfo/*, /VirtualBox/GuestAdd/*) and VirtualBox's start traces. */
    static void applyGuestProperties(VmBuilder vm, List<GuestProperty> props) {
        Map<String, String> reported = new LinkedHashMap<>();
        Instant reportedAt = null;
        Instant hostInfoAt = null;
        String hostVersion = null;
        for (GuestProperty p : props) {
            String name = p.name();
            if (name.startsWith("/VirtualBox/HostInfo/")) {
                hostInfoAt = latest(hostInfoAt, p.timestamp());
                if (name.equals("/VirtualBox/HostInfo/VBoxVerExt") || name.equals("/VirtualBox/HostInfo/VBoxVer")) {
                    hostVersion = hostVersion == null ? p.value() : hostVersion;
                }
            } else if (name.startsWith("/VirtualBox/GuestInfo/OS/") || name.startsWith("/VirtualBox/GuestAdd/")) {
                if (name.contains("LoggedInUsers") || name.contains("NoLoggedInUsers")) {
                    continue; // who is logged in is nobody's business here
                }
                reported.put(name, p.value());
                if (name.startsWith("/VirtualBox/GuestInfo/OS/")) {
                    reportedAt = latest(reportedAt, p.timestamp());
                }
            }
        }
        if (hostInfoAt != null) {
            vm.sign(BootSign.Kind.STARTED, "VirtualBox host properties (/VirtualBox/HostInfo/*) set at start", hostInfoAt);
        }
        if (vm.hypervisorVersion == null && hostVersion != null) {
            vm.hypervisorVersion = hostVersion;
        }
        boolean fromGuest = reported.keySet().stream().anyMatch(k -> k.startsWith("/VirtualBox/GuestInfo/OS/"));
        if (!fromGuest && !reported.containsKey("/VirtualBox/GuestAdd/Version")) {
            return;
        }
        String additions = reported.get("/VirtualBox/GuestAdd/Version");
        Map<String, String> all = new LinkedHashMap<>(reported);
        if (vm.guest != null) {
            vm.guest.properties().forEach(all::putIfAbsent);
        }
        vm.guest = new GuestReport("VirtualBox Guest Additions" + (additions == null ? "" : " " + additions), null,
                blankToNull(reported.get("/VirtualBox/GuestInfo/OS/Product")), null, null,
                blankToNull(reported.get("/VirtualBox/GuestInfo/OS/Release")),
                blankToNull(reported.get("/VirtualBox/GuestInfo/OS/Version")), additions, reportedAt, all);
    }

    // ---------------------------------------------------------------- files

    /**
     * @param onlySource VBoxManage is missing: the files are all there is
     * @param listed     VBoxManage listed the VMs already: the files only add to them, and a file that cannot be read
     *                   leaves no question open
     */
    private void fromSettings(ProbeContext ctx, Path settings, boolean onlySource, boolean listed, String version,
                              Map<String, VmBuilder> vms) {
        String xml = ctx.readFile(Step.LIST, null, settings, !listed);
        if (xml == null) {
            if (onlySource) {
                ctx.found(PRODUCT, null, settings.toString(), "VirtualBox.xml (VBoxManage not found)");
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
                ctx.found(PRODUCT, null, settings.toString(), "VirtualBox.xml (VBoxManage not found)");
            }
            return;
        }
        if (onlySource) {
            ctx.found(PRODUCT, registry.versionHint(), settings.toString(), "VirtualBox.xml (VBoxManage not found)");
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
        Path file = path(src);
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
        applyGuestProperties(vm, m.guestProperties());
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
            Path p = path(resolve(host, folder == null ? "." : folder.toString(), m.location()));
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

    // ---------------------------------------------------------------- helpers

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

    static Path path(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Path.of(s);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    static Instant modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toInstant();
        } catch (IOException e) {
            return null;
        }
    }

    /** Guest user names in guest properties, as VBoxManage prints them and as .vbox files store them. */
    static String redactGuestUsers(String text) {
        String r = USERS_OLD.matcher(text).replaceAll("$1" + Redactor.REDACTED + "$2");
        r = USERS_NEW.matcher(r).replaceAll("$1" + Redactor.REDACTED + "$2");
        r = USERS_XML.matcher(r).replaceAll("$1" + Redactor.REDACTED + "$2");
        return USER_PATHS.matcher(r).replaceAll("$1" + Redactor.REDACTED);
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : b.isAfter(a) ? b : a;
    }

    private static Long longOrNull(String s) {
        try {
            return s == null ? null : Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String first(String s) {
        String line = s.strip().split("\\R", 2)[0];
        return line.length() > 120 ? line.substring(0, 120) + "…" : line;
    }
}
