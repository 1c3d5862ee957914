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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.labgrader.probe.vm.JsonFields.list;
import static io.labgrader.probe.vm.JsonFields.text;

/**
 * Hyper-V, on Windows only: one PowerShell run of Get-VM, Get-VMSwitch, Get-VHD and the KVP data the guest reports
 * (GuestIntrinsicExchangeItems, filled on Linux by hv_kvp_daemon), as JSON. Enums are turned into words in the
 * script, since ConvertTo-Json writes them as numbers; numbers are understood too.
 */
public final class HyperVProbe implements VmProbe {

    static final String SCRIPT = String.join("\n",
            "$ErrorActionPreference = 'Stop'",
            "[Console]::OutputEncoding = [System.Text.Encoding]::UTF8",
            "$vmms = Join-Path $env:SystemRoot 'System32\\vmms.exe'",
            "$version = $null; if (Test-Path $vmms) { $version = (Get-Item $vmms).VersionInfo.ProductVersion }",
            "$switches = @(Get-VMSwitch | ForEach-Object { [pscustomobject]@{ Name = $_.Name; SwitchType = \"$($_.SwitchType)\" } })",
            "$kvp = @{}",
            "try { Get-CimInstance -Namespace root\\virtualization\\v2 -ClassName Msvm_KvpExchangeComponent | ForEach-Object {"
                    + " $kvp[\"$($_.SystemName)\".ToLower()] = @($_.GuestIntrinsicExchangeItems) } } catch { }",
            "$vms = @(Get-VM | ForEach-Object { $vm = $_; [pscustomobject]@{",
            "  Name = $vm.Name; Id = \"$($vm.Id)\"; State = \"$($vm.State)\"; Generation = $vm.Generation; Version = $vm.Version;",
            "  ProcessorCount = $vm.ProcessorCount; MemoryStartup = $vm.MemoryStartup; MemoryAssigned = $vm.MemoryAssigned;",
            "  DynamicMemoryEnabled = $vm.DynamicMemoryEnabled; Uptime = \"$($vm.Uptime)\";",
            "  NetworkAdapters = @($vm.NetworkAdapters | ForEach-Object { [pscustomobject]@{ Name = $_.Name; SwitchName = $_.SwitchName;"
                    + " MacAddress = $_.MacAddress; Connected = $_.Connected } });",
            "  HardDrives = @($vm.HardDrives | ForEach-Object { $d = $_; $v = $null; try { $v = Get-VHD -Path $d.Path } catch { };"
                    + " [pscustomobject]@{ Path = $d.Path; ControllerType = \"$($d.ControllerType)\";"
                    + " VhdFormat = $(if ($v) { \"$($v.VhdFormat)\" } else { $null }); Size = $(if ($v) { $v.Size } else { $null });"
                    + " FileSize = $(if ($v) { $v.FileSize } else { $null }) } });",
            "  Kvp = $kvp[\"$($vm.Id)\".ToLower()] } })",
            "[pscustomobject]@{ HostVersion = $version; Switches = $switches; VMs = $vms } | ConvertTo-Json -Depth 5");

    @Override
    public String hypervisor() {
        return HypervisorIds.HYPERV;
    }

    static String systemRoot(HostEnvironment host) {
        String root = host.getenv("SystemRoot");
        return root != null ? root : "C:\\Windows";
    }

    @Override
    public void probe(ProbeContext ctx) {
        HostEnvironment host = ctx.host();
        if (host.os() != HostEnvironment.Os.WINDOWS) {
            ctx.notFound(List.of("Hyper-V exists only on Windows"));
            return;
        }
        String vmms = host.join(systemRoot(host), "System32", "vmms.exe");
        Path marker = HostFiles.path(vmms);
        if (marker == null || !Files.isRegularFile(marker)) {
            ctx.notFound(List.of(vmms + " (the Hyper-V service; enable Hyper-V under Windows features)"));
            return;
        }
        Executables.Lookup ps = Executables.find(host, List.of("powershell"),
                List.of(host.join(systemRoot(host), "System32", "WindowsPowerShell", "v1.0", "powershell.exe")));
        if (ps.found().isEmpty()) {
            ctx.found("Microsoft Hyper-V", null, vmms, "vmms.exe");
            ctx.failed(Step.LIST, null, "powershell Get-VM", Problem.NOT_STARTED, null,
                    "PowerShell not found (looked: " + String.join(", ", ps.looked()) + ")", 0, null);
            return;
        }
        String encoded = Base64.getEncoder().encodeToString(SCRIPT.getBytes(StandardCharsets.UTF_16LE));
        CommandResult r = ctx.run(Step.LIST, null, "get-vm.json", List.of(ps.found().get(), "-NoProfile", "-NonInteractive",
                "-ExecutionPolicy", "Bypass", "-EncodedCommand", encoded));
        String raw = ctx.lastRaw();
        if (!r.ok()) {
            ctx.found("Microsoft Hyper-V", null, vmms, "vmms.exe");
            return;
        }
        Parsed parsed;
        try {
            parsed = parse(r.stdout());
        } catch (Exception e) {
            ctx.found("Microsoft Hyper-V", null, vmms, "vmms.exe");
            ctx.failed(Step.LIST, null, "powershell Get-VM | ConvertTo-Json", Problem.UNREADABLE, 0,
                    "not the expected JSON: " + e.getMessage(), r.millis(), raw);
            return;
        }
        ctx.found("Microsoft Hyper-V", parsed.hostVersion(), vmms, "PowerShell Get-VM");
        for (VmBuilder vm : parsed.vms()) {
            vm.raw(raw);
            vm.hypervisorVersion = parsed.hostVersion();
            ctx.record(vm.build(ctx.at(), ctx.source()));
        }
    }

    public record Parsed(String hostVersion, List<VmBuilder> vms) {
    }

    /**
     * The script's JSON ({@code {"HostVersion":…,"Switches":[…],"VMs":[…]}}), or plain {@code Get-VM | ConvertTo-Json}
     * (one object, or an array of them). PowerShell 5 writes a single element as an object, not an array.
     */
    public static Parsed parse(String json) throws Exception {
        JsonNode root = Json.mapper().readTree(json.strip().isEmpty() ? "[]" : json);
        String hostVersion = null;
        JsonNode vmsNode = root;
        Map<String, String> switchTypes = new LinkedHashMap<>();
        if (root.isObject() && (root.has("VMs") || root.has("HostVersion"))) {
            hostVersion = text(root.get("HostVersion"));
            vmsNode = root.get("VMs");
            for (JsonNode s : list(root.get("Switches"))) {
                switchTypes.put(text(s.get("Name")), switchType(s.get("SwitchType")));
            }
        }
        List<VmBuilder> vms = new ArrayList<>();
        for (JsonNode v : list(vmsNode)) {
            vms.add(vm(v, switchTypes));
        }
        return new Parsed(hostVersion, vms);
    }

    private static VmBuilder vm(JsonNode v, Map<String, String> switchTypes) {
        VmBuilder vm = new VmBuilder(HypervisorIds.HYPERV);
        vm.via.add("PowerShell Get-VM");
        vm.name = text(v.get("Name"));
        String id = text(v.get("Id")) != null ? text(v.get("Id")) : text(v.get("VMId"));
        vm.uuid = id == null ? null : id.toLowerCase(Locale.ROOT);
        vm.rawState = state(v.get("State"));
        vm.state = vmState(vm.rawState);
        if (vm.state.isUp()) {
            vm.sign(BootSign.Kind.RUNNING, "state " + vm.rawState, null);
        } else if (vm.state == VmState.SAVED) {
            vm.sign(BootSign.Kind.STARTED, "saved state", null);
        }
        JsonNode cpus = v.get("ProcessorCount");
        vm.cpus = cpus != null && cpus.canConvertToInt() ? cpus.asInt() : null;
        JsonNode mem = v.get("MemoryStartup");
        vm.memoryMb = mem != null && mem.isNumber() ? mem.asLong() / (1024 * 1024) : null;
        List<VmNic> nics = new ArrayList<>();
        int index = 0;
        for (JsonNode n : list(v.get("NetworkAdapters"))) {
            if (!n.isObject()) {
                continue; // plain ConvertTo-Json cuts nested objects into type names
            }
            String sw = text(n.get("SwitchName"));
            String type = sw == null ? null : switchTypes.get(sw);
            NicMode mode;
            String raw;
            if (sw == null || sw.isBlank()) {
                mode = NicMode.NONE;
                raw = "not connected to a switch";
            } else if (type == null) {
                mode = sw.equalsIgnoreCase("Default Switch") ? NicMode.NAT : NicMode.OTHER;
                raw = "switch " + sw;
            } else {
                raw = type + " switch";
                mode = switch (type) {
                    case "External" -> NicMode.BRIDGED;
                    case "Internal" -> sw.equalsIgnoreCase("Default Switch") ? NicMode.NAT : NicMode.HOST_ONLY;
                    case "Private" -> NicMode.INTERNAL;
                    default -> NicMode.OTHER;
                };
                if (sw.equalsIgnoreCase("Default Switch")) {
                    raw = "Default Switch (Internal, with NAT)";
                }
            }
            JsonNode connected = n.get("Connected");
            nics.add(new VmNic(index++, mode, raw, sw, text(n.get("MacAddress")),
                    connected != null && connected.isBoolean() ? connected.asBoolean() : null));
        }
        vm.nics = nics;
        List<VmDisk> disks = new ArrayList<>();
        for (JsonNode d : list(v.get("HardDrives"))) {
            if (!d.isObject()) {
                continue;
            }
            String path = text(d.get("Path"));
            String format = text(d.get("VhdFormat"));
            if (format == null && path != null) {
                format = DiskImages.formatFromName(path);
            }
            disks.add(new VmDisk(text(d.get("ControllerType")), format, longOrNull(d.get("Size")), longOrNull(d.get("FileSize")), path));
        }
        vm.disks = disks;
        GuestReport guest = HyperVKvp.guestReport(list(v.get("Kvp")));
        if (guest != null) {
            vm.guest = guest;
        }
        return vm;
    }

    private static String state(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isNumber()) {
            return switch (n.asInt()) {
                case 2 -> "Running";
                case 3 -> "Off";
                case 4 -> "Stopping";
                case 6 -> "Saved";
                case 9 -> "Paused";
                case 10 -> "Starting";
                case 11 -> "Reset";
                case 32773 -> "Saving";
                case 32776 -> "Pausing";
                case 32777 -> "Resuming";
                case 32779 -> "FastSaved";
                case 32780 -> "FastSaving";
                default -> "State " + n.asInt();
            };
        }
        return n.asText();
    }

    static VmState vmState(String s) {
        if (s == null) {
            return VmState.UNKNOWN;
        }
        String l = s.toLowerCase(Locale.ROOT);
        if (l.startsWith("running")) {
            return VmState.RUNNING;
        }
        return switch (l) {
            case "off" -> VmState.OFF;
            case "paused", "pausing" -> VmState.PAUSED;
            case "saved", "fastsaved", "saving", "fastsaving" -> VmState.SAVED;
            case "starting", "resuming", "reset" -> VmState.STARTING;
            case "stopping" -> VmState.STOPPING;
            default -> l.startsWith("off") ? VmState.OFF : VmState.UNKNOWN;
        };
    }

    private static String switchType(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isNumber()) {
            return switch (n.asInt()) {
                case 0 -> "Private";
                case 1 -> "Internal";
                case 2 -> "External";
                default -> "Type " + n.asInt();
            };
        }
        return n.asText();
    }

    private static Long longOrNull(JsonNode n) {
        return n != null && n.isNumber() ? n.asLong() : null;
    }
}
