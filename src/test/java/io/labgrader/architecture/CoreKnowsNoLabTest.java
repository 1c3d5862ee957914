package io.labgrader.architecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine names no lab: the core packages (rubric, evidence's own package, grading, report, batch, cli, the lab
 * service interface module and the live-source interface live) depend on no lab type, so that a second lab is added
 * as a module without editing them.
 *
 * <p>Lab types are everything a lab brings: its suites and wiring (io.labgrader.lab.., where the first lab lives in
 * graders/, and io.labgrader.labs.. for the others), its journal records (evidence.docker, evidence.vm, evidence.http,
 * evidence.compare) and its probes (probe.docker, probe.http, probe.vm). The neutral helpers (probe.process) are not.
 *
 * <p>The live systems the commands read whatever the lab (the Docker Engine) stand behind the neutral service
 * interface {@code live.LiveSource}, found with ServiceLoader: check connects to them before the rubric is known,
 * the lab's probes get that connection from {@code ProbeRun.connection(type)}, and watch and replay follow their
 * events. So no exception is left; the list below stays, empty, for an exception that would have to be named here
 * with its reason, by origin class and target package, so that any other dependency fails.
 */
class CoreKnowsNoLabTest {

    private static final List<String> CORE = List.of("io.labgrader.rubric", "io.labgrader.grading", "io.labgrader.report",
            "io.labgrader.batch", "io.labgrader.cli", "io.labgrader.module", "io.labgrader.live");
    private static final List<String> LAB_TYPES = List.of("io.labgrader.lab", "io.labgrader.labs",
            "io.labgrader.evidence.docker", "io.labgrader.evidence.vm", "io.labgrader.evidence.http",
            "io.labgrader.evidence.compare", "io.labgrader.probe.docker", "io.labgrader.probe.http", "io.labgrader.probe.vm");

    /** "origin class (or package.*) -> target package (or class)", as explained in the class comment. */
    private static final Set<String> EXCEPTIONS = Set.of();

    @Test
    @DisplayName("the core packages and evidence's own package depend on no lab type, but for the named exceptions")
    void coreNamesNoLabType() {
        Set<String> violations = new TreeSet<>();
        Set<String> used = new TreeSet<>();
        for (JavaClass origin : MainClasses.get()) {
            if (!isCore(origin.getPackageName())) {
                continue;
            }
            for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                String target = d.getTargetClass().getPackageName();
                if (isLabType(target)) {
                    String exception = exception(topLevel(origin), target, topLevel(d.getTargetClass()));
                    if (exception == null) {
                        violations.add(d.getDescription());
                    } else {
                        used.add(exception);
                    }
                }
            }
        }
        assertThat(violations).as("dependencies of the core on lab types (see the exceptions in CoreKnowsNoLabTest)").isEmpty();
        // an exception no longer needed is removed, so that the list says exactly what is left
        assertThat(new TreeSet<>(EXCEPTIONS)).as("exceptions no dependency needs any more").isEqualTo(used);
    }

    private static boolean isCore(String pkg) {
        return pkg.equals("io.labgrader.evidence") || CORE.stream().anyMatch(c -> pkg.equals(c) || pkg.startsWith(c + "."));
    }

    private static boolean isLabType(String pkg) {
        return LAB_TYPES.stream().anyMatch(l -> pkg.equals(l) || pkg.startsWith(l + "."));
    }

    /** The exception that allows the dependency, or null. */
    private static String exception(String origin, String target, String targetClass) {
        String pkg = origin.substring(0, origin.lastIndexOf('.'));
        for (String candidate : List.of(origin + " -> " + target, pkg + ".* -> " + target, origin + " -> " + targetClass)) {
            if (EXCEPTIONS.contains(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** Nested and anonymous classes count as their top-level class. */
    private static String topLevel(JavaClass c) {
        JavaClass top = c;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        return top.getName();
    }
}
