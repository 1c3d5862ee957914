package io.labgrader.probe.vm;

import com.fasterxml.jackson.databind.JsonNode;
import io.labgrader.evidence.Json;
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

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Multipass: {@code multipass version}, {@code list --format json} and {@code info --format json}. Multipass
 * launches Ubuntu cloud images, which boot at launch; a running instance reports its release from the guest.
 */
public final class MultipassProbe implements VmProbe {

    private static final Pattern VERSION = Pattern.compile("^multipass\\s+(\\S+)", Pattern.MULTILINE);
    private static final Pattern UBUNTU_RELEASE = Pattern.compile("^\\d{2}\\.\\d{2}\\b.*");

    @Override
    public String hypervisor() {
        return HypervisorIds.MULTIPASS;
    }

    public static List<String> usualLocations(HostEnvironment host) {
        return switch (host.os()) {
            case LINUX -> List.of("/snap/bin/multipass", "/usr/local/bin/multipass", "/usr/bin/multipass");
            case MACOS -> List.of("/usr/local/bin/multipass", "/Library/Application Support/com.canonical.multipass/bin/multipass");
            case WINDOWS -> List.of(host.join(Executables.windowsDir(host, "ProgramFiles", "C:\\Program Files"), "Multipass", "bin", "multipass.exe"));
        };
    }

    @Override
    public void probe(ProbeContext ctx) {
        Executables.Lookup lookup = Executables.find(ctx.host(), List.of("multipass"), usualLocations(ctx.host()));
        if (lookup.found().isEmpty()) {
            ctx.notFound(lookup.looked());
            return;
        }
        String exe = lookup.found().get();
        CommandResult v = ctx.run(Step.DETECT, null, "version.txt", List.of(exe, "version"));
        Matcher m = VERSION.matcher(v.stdout());
        String version = m.find() ? m.group(1) : null;
        ctx.found("Canonical Multipass", version, exe, "multipass version");
        if (ctx.abandoned()) {
            return;
        }
        CommandResult list = ctx.run(Step.LIST, null, "list.json", List.of(exe, "list", "--format", "json"));
        if (!list.ok()) {
            return;
        }
        String listRaw = ctx.lastRaw();
        Map<String, VmBuilder> vms;
        try {
            vms = parseList(list.stdout());
        } catch (Exception e) {
            ctx.failed(Step.LIST, null, "multipass list --format json", Problem.UNREADABLE, 0, "not the expected JSON: " + e.getMessage(), list.millis(), listRaw);
            return;
        }
        if (!vms.isEmpty() && !ctx.abandoned()) {
            List<String> command = new ArrayList<>(List.of(exe, "info", "--format", "json"));
            vms.keySet().stream().limit(ctx.maxVms()).forEach(command::add);
            CommandResult info = ctx.run(Step.DETAILS, null, "info.json", command);
            if (info.ok()) {
                try {
                    applyInfo(info.stdout(), vms);
                    vms.values().forEach(vm -> vm.raw(ctx.lastRaw()));
                } catch (Exception e) {
                    ctx.failed(Step.DETAILS, null, "multipass info --format json", Problem.UNREADABLE, 0,
                            "not the expected JSON: " + e.getMessage(), info.millis(), ctx.lastRaw());
                }
            }
        }
        for (VmBuilder vm : vms.values()) {
            vm.hypervisorVersion = version;
            vm.raw(listRaw);
            ctx.record(vm.build(ctx.at(), ctx.source()));
        }
    }

    /** {@code multipass list --format json}: {@code {"list":[{"name":…,"state":"Running","release":"22.04 LTS","ipv4":[…]}]}} */
    public static Map<String, VmBuilder> parseList(String json) throws Exception {
        Map<String, VmBuilder> vms = new LinkedHashMap<>();
        JsonNode root = Json.mapper().readTree(json);
        for (JsonNode i : JsonFields.list(root.get("list"))) {
            VmBuilder vm = new VmBuilder(HypervisorIds.MULTIPASS);
            vm.name = JsonFields.text(i.get("name"));
            if (vm.name == null) {
                continue;
            }
            vm.uuid = vm.name; // Multipass instances have no other id
            vm.via.add("multipass list --format json");
            applyState(vm, JsonFields.text(i.get("state")));
            declared(vm, JsonFields.text(i.get("release")));
            vm.sign(BootSign.Kind.STARTED, "multipass launch boots every instance it creates", null);
            vm.nics = new ArrayList<>(List.of(defaultNic()));
            vms.put(vm.name, vm);
        }
        return vms;
    }

    /** {@code multipass info --format json}: {@code {"errors":[],"info":{NAME:{…}}}}; sizes are strings, memory numbers. */
    public static void applyInfo(String json, Map<String, VmBuilder> vms) throws Exception {
        JsonNode info = Json.mapper().readTree(json).get("info");
        if (info == null || !info.isObject()) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> it = info.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            VmBuilder vm = vms.get(e.getKey());
            if (vm == null) {
                continue;
            }
            JsonNode i = e.getValue();
            vm.via.add("multipass info --format json");
            applyState(vm, JsonFields.text(i.get("state")));
            Long cpus = number(i.get("cpu_count"));
            vm.cpus = cpus == null ? vm.cpus : Integer.valueOf(cpus.intValue());
            JsonNode memory = i.get("memory");
            Long total = memory == null ? null : number(memory.get("total"));
            vm.memoryMb = total == null ? vm.memoryMb : Long.valueOf(total / (1024 * 1024));
            String imageRelease = JsonFields.text(i.get("image_release"));
            if (imageRelease != null && !imageRelease.isBlank()) {
                declared(vm, imageRelease);
            }
            List<VmDisk> disks = new ArrayList<>();
            JsonNode d = i.get("disks");
            if (d != null && d.isObject()) {
                Iterator<Map.Entry<String, JsonNode>> di = d.fields();
                while (di.hasNext()) {
                    Map.Entry<String, JsonNode> disk = di.next();
                    disks.add(new VmDisk(disk.getKey() + " (guest file system)", null, number(disk.getValue().get("total")),
                            number(disk.getValue().get("used")), null));
                }
            }
            if (!disks.isEmpty()) {
                vm.disks = disks;
            }
            String release = JsonFields.text(i.get("release"));
            if (release != null && !release.isBlank()) {
                Map<String, String> props = new LinkedHashMap<>();
                props.put("release", release);
                if (imageRelease != null) {
                    props.put("image_release", imageRelease);
                }
                vm.guest = new GuestReport("Multipass (multipass info)", null, release.split(" ")[0], null, release, null, null,
                        null, null, props);
            }
        }
    }

    private static void declared(VmBuilder vm, String release) {
        if (release == null || release.isBlank()) {
            return;
        }
        vm.declaredOsId = release;
        vm.declaredOs = UBUNTU_RELEASE.matcher(release).matches() ? "Ubuntu " + release : release;
    }

    private static VmNic defaultNic() {
        return new VmNic(0, NicMode.NAT, "default (Multipass gives every instance a NAT adapter)", null, null, null);
    }

    private static void applyState(VmBuilder vm, String state) {
        if (state == null) {
            return;
        }
        vm.rawState = state;
        vm.state = switch (state.toLowerCase(Locale.ROOT)) {
            case "running", "delayed shutdown" -> VmState.RUNNING;
            case "stopped" -> VmState.OFF;
            case "suspended", "suspending" -> VmState.SAVED;
            case "starting", "restarting" -> VmState.STARTING;
            case "deleted" -> VmState.DELETED;
            default -> VmState.UNKNOWN;
        };
        if (vm.state.isUp()) {
            vm.sign(BootSign.Kind.RUNNING, "state " + state, null);
        }
    }

    private static Long number(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isNumber()) {
            return n.asLong();
        }
        String t = n.asText().strip();
        return t.matches("\\d+") ? Long.parseLong(t) : null;
    }
}
