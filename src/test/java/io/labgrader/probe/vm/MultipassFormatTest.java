package io.labgrader.probe.vm;

import io.labgrader.evidence.vm.NicMode;
import io.labgrader.evidence.vm.VmDisk;
import io.labgrader.evidence.vm.VmNic;
import io.labgrader.evidence.vm.VmState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.labgrader.probe.vm.VmTestKit.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

@DisplayName("format test: Multipass --format json")
class MultipassFormatTest {

    @Test
    @DisplayName("format test: list and info of a running and a stopped instance (sizes as strings, memory as numbers)")
    void listAndInfo() throws Exception {
        Map<String, VmBuilder> vms = MultipassProbe.parseList(fixture("multipass/list.json"));
        assertThat(vms).containsOnlyKeys("flowing-hawfinch", "lab-noble");
        MultipassProbe.applyInfo(fixture("multipass/info.json"), vms);
        VmBuilder running = vms.get("flowing-hawfinch");
        assertThat(running.state).isEqualTo(VmState.RUNNING);
        assertThat(running.declaredOs).isEqualTo("Ubuntu 22.04 LTS");
        assertThat(running.cpus).isEqualTo(1);
        assertThat(running.memoryMb).isEqualTo(981);
        assertThat(running.disks).extracting(VmDisk::capacityBytes, VmDisk::allocatedBytes)
                .containsExactly(tuple(5019643904L, 1839375616L));
        assertThat(running.guest.prettyName()).isEqualTo("Ubuntu 22.04.2 LTS");
        assertThat(running.nics).extracting(VmNic::mode).containsExactly(NicMode.NAT);
        VmBuilder stopped = vms.get("lab-noble");
        assertThat(stopped.state).isEqualTo(VmState.OFF);
        assertThat(stopped.guest).isNull();
        assertThat(stopped.cpus).isNull();
        assertThat(stopped.disks).extracting(VmDisk::allocatedBytes).containsExactly((Long) null);
        assertThat(MultipassProbe.usualLocations(HostEnvironment.of(HostEnvironment.Os.LINUX, Map.of(), java.nio.file.Path.of("/h"))))
                .contains("/snap/bin/multipass");
    }
}
