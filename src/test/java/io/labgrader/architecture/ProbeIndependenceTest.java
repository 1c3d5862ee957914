package io.labgrader.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.labgrader.probe.http.HttpPageProbe;
import io.labgrader.probe.vm.VmProbe;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The probes stand side by side: one hypervisor's probe never borrows from another's (shared helpers live in neutral
 * classes such as JsonFields and HostFiles), and the Docker, HTTP and VM probes don't reach into each other, with one
 * exception (see {@link #probePackagesStandApart()}).
 */
class ProbeIndependenceTest {

    private static final String VM = "io.labgrader.probe.vm";

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = MainClasses.get();
    }

    @Test
    @DisplayName("no hypervisor probe (or its nested classes) uses another hypervisor's probe")
    void hypervisorProbesStandAlone() {
        classes().that().resideInAPackage(VM).should(useNoOtherHypervisorProbe()).check(classes);
    }

    @Test
    @DisplayName("probe.docker, probe.http and probe.vm don't depend on each other, except Docker on the HTTP probe")
    void probePackagesStandApart() {
        noClasses().that().resideInAPackage("io.labgrader.probe.http..")
                .should().dependOnClassesThat().resideInAnyPackage("io.labgrader.probe.docker..", "io.labgrader.probe.vm..")
                .check(classes);
        noClasses().that().resideInAPackage("io.labgrader.probe.vm..")
                .should().dependOnClassesThat().resideInAnyPackage("io.labgrader.probe.docker..", "io.labgrader.probe.http..")
                .check(classes);
        noClasses().that().resideInAPackage("io.labgrader.probe.docker..")
                .should().dependOnClassesThat().resideInAnyPackage("io.labgrader.probe.vm..")
                .check(classes);
        // The one allowed arrow: the Docker snapshot GETs each published port with the HTTP probe, so that the
        // evidence of "nginx answers on 8080" is gathered the same way as a plain HTTP check. Only HttpPageProbe
        // (and its nested Answer) may be used, nothing else in probe.http.
        noClasses().that().resideInAPackage("io.labgrader.probe.docker..")
                .should().dependOnClassesThat(resideInAPackage("io.labgrader.probe.http..")
                        .and(DescribedPredicate.describe("not HttpPageProbe or its nested classes",
                                (JavaClass c) -> !topLevel(c).isEquivalentTo(HttpPageProbe.class))))
                .check(classes);
    }

    /** A class implementing {@link VmProbe} (the interface itself is neutral), or a class named *Probe in probe.vm. */
    private static boolean isHypervisorProbe(JavaClass c) {
        return c.getPackageName().equals(VM) && !c.isInterface()
                && (c.isAssignableTo(VmProbe.class) || c.getSimpleName().endsWith("Probe"));
    }

    private static JavaClass topLevel(JavaClass c) {
        JavaClass top = c;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        return top;
    }

    private static ArchCondition<JavaClass> useNoOtherHypervisorProbe() {
        return new ArchCondition<>("use no other hypervisor's probe") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                JavaClass from = topLevel(origin);
                if (!isHypervisorProbe(from)) {
                    return;
                }
                for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                    JavaClass to = topLevel(d.getTargetClass());
                    if (isHypervisorProbe(to) && !to.equals(from)) {
                        events.add(SimpleConditionEvent.violated(d, "expected " + from.getSimpleName()
                                + " to use only neutral helpers but found: " + d.getDescription()));
                    }
                }
            }
        };
    }
}
