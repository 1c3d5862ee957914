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

/** Parallels Desktop (macOS): {@code prlctl --version} and {@code prlctl list -a -i -j}. */
public final class ParallelsProbe implements VmProbe {

    private static final Pattern VERSION = Pattern.compile("version (\\S+)");
    private static final Pattern SIZE = Pattern.compile("^(\\d+)\\s*([KMGT]?)b?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern NET = Pattern.compile("^net(\\d+)$");
    private static final Pattern HDD = Pattern.compile("^hdd(\\d+)$");

    @Override
    public String hypervisor() {
        return HypervisorIds.PARALLELS;
    }

    public static List<String> usualLocations(HostEnvironment host) {
        return host.os() == HostEnvironment.Os.MACOS
                ? List.of("/usr/local/bin/prlctl", "/Applications/Parallels Desktop.app/Contents/MacOS/prlctl")
                : List.of();
    }

    @Override
    public void probe(ProbeContext ctx) {
        Executables.Lookup lookup = Executables.find(ctx.host(), List.of("prlctl"), usualLocations(ctx.host()));
        if (lookup.found().isEmpty()) {
            ctx.notFound(lookup.looked());
            return;
        }
        String exe = lookup.found().get();
        CommandResult v = ctx.run(Step.DETECT, null, "version.txt", List.of(exe, "--version"));
        Matcher m = VERSION.matcher(v.stdout());
        String version = m.find() ? m.group(1) : null;
        ctx.found("Parallels Desktop", version, exe, "prlctl --version");
        if (ctx.abandoned()) {
            return;
        }
        CommandResult list = ctx.run(Step.LIST, null, "list.json", List.of(exe, "list", "-a", "-i", "-j"));
        if (!list.ok()) {
            return;
        }
        String raw = ctx.lastRaw();
        List<VmBuilder> vms;
        try {
            vms = parse(list.stdout());
        } catch (Exception e) {
            ctx.failed(Step.LIST, null, "prlctl list -a -i -j", Problem.UNREADABLE, 0, "not the expected JSON: " + e.getMessage(), list.millis(), raw);
            return;
        }
        for (VmBuilder vm : vms) {
            vm.hypervisorVersion = version;
            vm.raw(raw);
            ctx.record(vm.build(ctx.at(), ctx.source()));
        }
    }

    /** {@code prlctl list -a -i -j}: a JSON array with one object per VM. */
    public static List<VmBuilder> parse(String json) throws Exception {
        List<VmBuilder> vms = new ArrayList<>();
        for (JsonNode v : JsonFields.list(Json.mapper().readTree(json))) {
            VmBuilder vm = new VmBuilder(HypervisorIds.PARALLELS);
            vm.via.add("prlctl list -a -i -j");
            vm.name = JsonFields.text(v.get("Name"));
            String id = JsonFields.text(v.get("ID"));
            vm.uuid = id == null ? null : VBoxSettingsParser.uuid(id);
            vm.location = JsonFields.text(v.get("Home")) != null ? JsonFields.text(v.get("Home")) : JsonFields.text(v.get("Home path"));
            vm.declaredOs = JsonFields.text(v.get("OS"));
            String state = JsonFields.text(v.get("State"));
            vm.rawState = state;
            vm.state = state == null ? VmState.UNKNOWN : switch (state.toLowerCase(Locale.ROOT)) {
                case "running" -> VmState.RUNNING;
                case "paused" -> VmState.PAUSED;
                case "suspended" -> VmState.SAVED;
                case "stopped" -> VmState.OFF;
                case "starting", "resuming" -> VmState.STARTING;
                case "stopping", "suspending" -> VmState.STOPPING;
                default -> VmState.UNKNOWN;
            };
            if (vm.state.isUp()) {
                vm.sign(BootSign.Kind.RUNNING, "state " + state, null);
            } else if (vm.state == VmState.SAVED) {
                vm.sign(BootSign.Kind.STARTED, "suspended state", null);
            }
            JsonNode hw = v.get("Hardware");
            if (hw != null && hw.isObject()) {
                JsonNode cpu = hw.get("cpu");
                if (cpu != null && cpu.get("cpus") != null && cpu.get("cpus").canConvertToInt()) {
                    vm.cpus = cpu.get("cpus").asInt();
                }
                JsonNode mem = hw.get("memory");
                Long memBytes = mem == null ? null : size(JsonFields.text(mem.get("size")));
                vm.memoryMb = memBytes == null ? null : memBytes / (1024 * 1024);
                List<VmNic> nics = new ArrayList<>();
                List<VmDisk> disks = new ArrayList<>();
                Iterator<Map.Entry<String, JsonNode>> it = hw.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    JsonNode d = e.getValue();
                    if (d == null || !d.isObject() || (d.has("enabled") && !d.get("enabled").asBoolean(true))) {
                        continue;
                    }
                    Matcher net = NET.matcher(e.getKey());
                    if (net.matches()) {
                        String type = JsonFields.text(d.get("type"));
                        NicMode mode = type == null ? NicMode.OTHER : switch (type.toLowerCase(Locale.ROOT)) {
                            case "shared" -> NicMode.NAT;
                            case "bridged" -> NicMode.BRIDGED;
                            case "host-only", "host" -> NicMode.HOST_ONLY;
                            default -> NicMode.OTHER;
                        };
                        nics.add(new VmNic(Integer.parseInt(net.group(1)), mode, type, JsonFields.text(d.get("iface")),
                                JsonFields.text(d.get("mac")), null));
                    }
                    if (HDD.matcher(e.getKey()).matches()) {
                        disks.add(new VmDisk(e.getKey(), "HDD (" + (JsonFields.text(d.get("type")) == null ? "?" : JsonFields.text(d.get("type"))) + ")",
                                size(JsonFields.text(d.get("size"))), null, JsonFields.text(d.get("image"))));
                    }
                }
                vm.nics = nics;
                vm.disks = disks;
            }
            JsonNode tools = v.get("GuestTools");
            if (tools != null && tools.isObject() && "installed".equalsIgnoreCase(JsonFields.text(tools.get("state")))) {
                Map<String, String> props = new LinkedHashMap<>();
                tools.fields().forEachRemaining(f -> props.put("GuestTools." + f.getKey(), f.getValue().asText()));
                String toolsVersion = JsonFields.text(tools.get("version"));
                vm.guest = new GuestReport("Parallels Tools" + (toolsVersion == null ? "" : " " + toolsVersion), null, null,
                        null, null, null, null, toolsVersion, null, props);
            }
            vms.add(vm);
        }
        return vms;
    }

    /** "4096Mb", "65536Mb", "2Gb" as bytes */
    static Long size(String s) {
        if (s == null) {
            return null;
        }
        Matcher m = SIZE.matcher(s.strip());
        if (!m.matches()) {
            return null;
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2).toUpperCase(Locale.ROOT)) {
            case "K" -> n * 1024;
            case "M" -> n * 1024 * 1024;
            case "G" -> n * 1024 * 1024 * 1024;
            case "T" -> n * 1024L * 1024 * 1024 * 1024;
            default -> n;
        };
    }
}
