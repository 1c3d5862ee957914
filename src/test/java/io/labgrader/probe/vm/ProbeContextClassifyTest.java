package io.labgrader.probe.vm;

import io.labgrader.evidence.vm.VmProbeFailed.Problem;
import io.labgrader.probe.process.CommandResult;
import io.labgrader.probe.process.ProcessCommandRunner;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A failed tool call is classified by what the tool said")
class ProbeContextClassifyTest {

    @Test
    @DisplayName("VBoxManage that cannot create the VirtualBox object: the service is not running")
    void serviceNotRunning(@TempDir Path dir) {
        Path fail = VmTestKit.script(dir, "fail", "echo 'VBoxManage: error: Failed to create the VirtualBox object!' >&2\nexit 1");
        CommandResult r = new ProcessCommandRunner(Map.of("LC_ALL", "C.UTF-8")).run(List.of(fail.toString()), Duration.ofSeconds(5));
        assertThat(ProbeContext.classify(r)).isEqualTo(Problem.NOT_RUNNING);
    }
}
