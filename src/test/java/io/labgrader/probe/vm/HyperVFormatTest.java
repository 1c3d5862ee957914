package io.labgrader.probe.vm;

import io.labgrader.evidence.vm.NicMode;
import io.labgrader.evidence.vm.VmDisk;
import io.labgrader.evidence.vm.VmNic;
import io.labgrader.evidence.vm.VmState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static io.labgrader.probe.vm.VmTestKit.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

@DisplayName("format test: Hyper-V (Windows PowerShell 5.1 ConvertTo-Json)")
class HyperVFormatTest {

    @Test
    @DisplayName("format test: the probe's Get-VM JSON: switch types, VHDX, KVP items (escaped as \\u003c…)")
    void scriptJson() throws Exception {
        HyperVProbe.Parsed p = HyperVProbe.parse(fixture("hyperv/get-vm-script.json"));
        assertThat(p.hostVersion()).isEqualTo("10.0.22621.3235");
        assertThat(p.vms()).hasSize(2);
        VmBuilder ubuntu = p.vms().get(0);
        assertThat(ubuntu.name).isEqualTo("Ubuntu 24.04");
        assertThat(ubuntu.state).isEqualTo(VmState.RUNNING);
        assertThat(ubuntu.memoryMb).isEqualTo(4096);
        assertThat(ubuntu.cpus).isEqualTo(2);
        assertThat(ubuntu.declaredOs).isNull();
        assertThat(ubuntu.nics).extracting(VmNic::mode, VmNic::attachment)
                .containsExactly(tuple(NicMode.NAT, "Default Switch"));
        assertThat(ubuntu.disks).extracting(VmDisk::format, VmDisk::capacityBytes, VmDisk::allocatedBytes)
                .containsExactly(tuple("VHDX", 137438953472L, 9126805504L));
        assertThat(ubuntu.guest.osName()).isEqualTo("Ubuntu");
        assertThat(ubuntu.guest.osVersion()).isEqualTo("24.04");
        assertThat(ubuntu.guest.kernelRelease()).isEqualTo("6.8.0-48-generic");
        assertThat(ubuntu.guest.properties()).doesNotContainKey("FullyQualifiedDomainName");
        VmBuilder windows = p.vms().get(1);
        assertThat(windows.state).isEqualTo(VmState.OFF);
        assertThat(windows.nics).extracting(VmNic::mode).containsExactly(NicMode.NONE);
        assertThat(windows.guest).isNull();
    }

    @Test
    @DisplayName("format test: plain Get-VM | ConvertTo-Json of one VM: an object, State as a number, nested objects cut")
    void rawSingle() throws Exception {
        HyperVProbe.Parsed p = HyperVProbe.parse(fixture("hyperv/get-vm-raw-single.json"));
        assertThat(p.vms()).singleElement().satisfies(vm -> {
            assertThat(vm.name).isEqualTo("ubuntu-server");
            assertThat(vm.state).isEqualTo(VmState.OFF);
            assertThat(vm.rawState).isEqualTo("Off");
            assertThat(vm.memoryMb).isEqualTo(2048);
            assertThat(vm.nics).isEmpty();
        });
    }

    @Test
    @DisplayName("format test: switch types as numbers: 0 Private, 1 Internal, 2 External")
    void numericSwitchTypes() throws Exception {
        String json = "{\"Switches\":[{\"Name\":\"LAN\",\"SwitchType\":2},{\"Name\":\"Lab\",\"SwitchType\":1}],"
                + "\"VMs\":{\"Name\":\"u\",\"Id\":\"x\",\"State\":2,\"NetworkAdapters\":[{\"SwitchName\":\"LAN\"},{\"SwitchName\":\"Lab\"}]}}";
        HyperVProbe.Parsed p = HyperVProbe.parse(json);
        assertThat(p.vms().get(0).state).isEqualTo(VmState.RUNNING);
        assertThat(p.vms().get(0).nics).extracting(VmNic::mode).containsExactly(NicMode.BRIDGED, NicMode.HOST_ONLY);
    }

    @Test
    @DisplayName("format test: one KVP item as Msvm_KvpExchangeDataItem XML")
    void kvpItem() {
        Map<String, String> kvp = new LinkedHashMap<>();
        HyperVKvp.item("<INSTANCE CLASSNAME=\"Msvm_KvpExchangeDataItem\"><PROPERTY NAME=\"Data\" TYPE=\"string\"><VALUE>Ubuntu</VALUE></PROPERTY>"
                + "<PROPERTY NAME=\"Name\" TYPE=\"string\"><VALUE>OSName</VALUE></PROPERTY><PROPERTY NAME=\"Source\" TYPE=\"uint16\"><VALUE>2</VALUE></PROPERTY></INSTANCE>", kvp);
        assertThat(kvp).containsExactly(Map.entry("OSName", "Ubuntu"));
    }
}
