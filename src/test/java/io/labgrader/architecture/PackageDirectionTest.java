package io.labgrader.architecture;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package direction of the design: rubric and evidence at the bottom, then the live-source service interface
 * (live), the probes and grading, the lab service interface (module), then reports, batch grading, and the command
 * on top. Arrows point down and never back up. A lab (io.labgrader.lab.., the first one's home in graders/, and
 * io.labgrader.labs.., the others) is used by no package: the engine finds its module with ServiceLoader. Its grading
 * suites stand on grading, rubric and evidence only; its module wiring (e.g. io.labgrader.lab.module) also hands the
 * engine its probes. module uses no probe, and no probe uses module: the one live system the commands read whatever
 * the lab, the Docker Engine, stands behind the LiveSource service interface in live, which knows only evidence;
 * probe.docker implements it and ServiceLoader finds it (as the labs implement LabModule).
 */
class PackageDirectionTest {

    @Test
    @DisplayName("every package uses only the packages below it")
    void layers() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("rubric").definedBy("io.labgrader.rubric..")
                .layer("evidence").definedBy("io.labgrader.evidence..")
                .layer("live").definedBy("io.labgrader.live..")
                .layer("probe").definedBy("io.labgrader.probe..")
                .layer("grading").definedBy("io.labgrader.grading..")
                .layer("module").definedBy("io.labgrader.module..")
                .layer("lab").definedBy("io.labgrader.lab..", "io.labgrader.labs..")
                .layer("report").definedBy("io.labgrader.report..")
                .layer("batch").definedBy("io.labgrader.batch..")
                .layer("cli").definedBy("io.labgrader.cli..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("batch").mayOnlyBeAccessedByLayers("cli")
                // lab: a lab's report sections (e.g. the first lab's VM inventory) render with report's text helpers,
                // SafeText and MarkdownReport.escape, so that every report escapes a student's text the same way
                .whereLayer("report").mayOnlyBeAccessedByLayers("lab", "batch", "cli")
                .whereLayer("lab").mayNotBeAccessedByAnyLayer()
                .whereLayer("module").mayOnlyBeAccessedByLayers("lab", "report", "batch", "cli")
                // probe: a live source (the Docker Engine, probe.docker) implements live's LiveSource; module: a probe
                // run carries the open connections; lab: a lab's probe names the source that follows it in watch
                .whereLayer("live").mayOnlyBeAccessedByLayers("probe", "module", "lab", "cli")
                // cli: replay runs the student's script with the one process runner (probe.process)
                .whereLayer("probe").mayOnlyBeAccessedByLayers("lab", "cli")
                .whereLayer("grading").mayOnlyBeAccessedByLayers("lab", "module", "report", "batch", "cli")
                .whereLayer("evidence").mayOnlyBeAccessedByLayers("live", "probe", "grading", "module", "lab", "report", "batch", "cli")
                .whereLayer("rubric").mayOnlyBeAccessedByLayers("grading", "module", "lab", "report", "batch", "cli")
                .check(MainClasses.get());
    }

    @Test
    @DisplayName("grading and the first lab's suites judge evidence and never read a live system")
    void gradingReadsNoLiveSystem() {
        // "io.labgrader.lab" without "..": the suites' package only. Its subpackage module is the lab's wiring to the
        // engine, which hands the engine the lab's probes (it runs none itself); the suites must not reach them.
        noClasses().that().resideInAnyPackage("io.labgrader.grading..", "io.labgrader.lab")
                .should().dependOnClassesThat().resideInAnyPackage("io.labgrader.probe..", "com.github.dockerjava..")
                .check(MainClasses.get());
    }

    @Test
    @DisplayName("no package cycles: no two packages (each package its own slice, subpackages too) use each other")
    void noPackageCycles() {
        // one slice per package, not per top-level package: the cycle between evidence and its lab records
        // (Observation listing them in @JsonSubTypes, each of them implementing Observation) was inside "evidence.."
        slices().matching("io.labgrader.(**)").should().beFreeOfCycles().check(MainClasses.get());
    }

    @Test
    @DisplayName("only the process runner starts other programs")
    void oneProcessRunner() {
        // one runner keeps every started program bounded: stdin closed, output capped, a hard timeout, its whole
        // process tree ended; a second ProcessBuilder elsewhere would be a runner without those guarantees
        noClasses().that().resideOutsideOfPackage("io.labgrader.probe.process")
                .should().dependOnClassesThat().areAssignableTo(ProcessBuilder.class)
                .orShould().callMethod(Runtime.class, "exec", String.class)
                .orShould().callMethod(Runtime.class, "exec", String[].class)
                .because("io.labgrader.probe.process.ProcessCommandRunner is the one process runner")
                .check(MainClasses.get());
    }
}
