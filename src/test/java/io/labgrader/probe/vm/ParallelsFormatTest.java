package io.labgrader.probe.vm;

import io.labgrader.evidence.vm.NicMode;
import io.labgrader.evidence.vm.VmDisk;
import io.labgrader.evidence.vm.VmNic;
import io.labgrader.evidence.vm.VmState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.labgrader.probe.vm.VmTestKit.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

@DisplayName("format test: Parallels prlctl list -a -i -j")
class ParallelsFormatTest {

    @Test
    @DisplayName("format test: an Ubuntu VM with Parallels Tools (shared network) and a stopped macOS VM without")
    void list() throws Exception {
        List<VmBuilder> vms = ParallelsProbe.parse(fixture("parallels/list-a-i-j.json"));
        assertThat(vms).hasSize(2);
        VmBuilder ubuntu = vms.get(0);
        assertThat(ubuntu.name).isEqualTo("Ubuntu 24.04 ARM64");
        assertThat(ubuntu.declaredOs).isEqualTo("ubuntu");
        assertThat(ubuntu.state).isEqualTo(VmState.RUNNING);
        assertThat(ubuntu.memoryMb).isEqualTo(4096);
        assertThat(ubuntu.cpus).isEqualTo(4);
        assertThat(ubuntu.nics).extracting(VmNic::mode, VmNic::rawMode).containsExactly(tuple(NicMode.NAT, "shared"));
        assertThat(ubuntu.disks).extracting(VmDisk::capacityBytes).containsExactly(65536L * 1024 * 1024);
        assertThat(ubuntu.guest.toolsVersion()).isEqualTo("20.1.2-55742");
        VmBuilder mac = vms.get(1);
        assertThat(mac.state).isEqualTo(VmState.OFF);
        assertThat(mac.guest).isNull();
        assertThat(mac.nics).extracting(VmNic::mode).containsExactly(NicMode.BRIDGED);
        assertThat(ParallelsProbe.size("2Gb")).isEqualTo(2L * 1024 * 1024 * 1024);
    }
}
