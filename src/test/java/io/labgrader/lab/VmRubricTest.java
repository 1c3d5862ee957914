package io.labgrader.lab;

import io.labgrader.rubric.Criterion;
import io.labgrader.rubric.Rubric;
import io.labgrader.rubric.RubricLoader;
import io.labgrader.grading.RubricBinding;
import io.labgrader.probe.vm.VmTestKit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

@DisplayName("The vm section of rubric.yml")
class VmRubricTest {

    @Test
    @DisplayName("has the issue's criteria, points and order, each bound to one grading method")
    void section() throws Exception {
        Rubric rubric = RubricLoader.load(VmTestKit.projectRubric());
        List<Criterion> vm = rubric.criteria().stream().filter(c -> c.section().equals("vm")).toList();
        assertThat(vm).extracting(Criterion::id, Criterion::points, Criterion::requires).containsExactly(
                tuple("vm.hypervisor", 5, List.of()),
                tuple("vm.exists", 5, List.of("vm.hypervisor")),
                tuple("vm.ubuntu-guest", 15, List.of("vm.exists")),
                tuple("vm.guest-installed", 5, List.of("vm.ubuntu-guest")),
                tuple("vm.network", 5, List.of("vm.ubuntu-guest")));
        assertThat(vm).allSatisfy(c -> {
            assertThat(c.params().get("hypervisors")).isEqualTo(List.of("virtualbox", "vmware"));
            assertThat(c.title().de()).isNotBlank();
            assertThat(c.title().en()).isNotBlank();
            assertThat(c.hint().de()).isNotBlank();
            assertThat(c.hint().en()).isNotBlank();
        });
        assertThat(vm.get(4).params().get("modes")).isEqualTo(List.of("nat", "nat-network", "bridged", "host-only"));
        assertThat(vm.get(3).params().get("minInstalledDiskMb")).isEqualTo(2048L);
        assertThat(rubric.sections().get(rubric.sections().size() - 1).id()).isEqualTo("vm");
        RubricBinding.check(rubric);
    }
}
