package io.labgrader.architecture;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/**
 * The package direction of the design: rubric and evidence at the bottom, then the probes and grading, then
 * reports, batch grading, and the command on top. Arrows point down and never back up; the lab's grading suites
 * (io.labgrader.lab) stand on grading, rubric and evidence only.
 */
class PackageDirectionTest {

    @Test
    @DisplayName("every package uses only the packages below it")
    void layers() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("rubric").definedBy("io.labgrader.rubric..")
                .layer("evidence").definedBy("io.labgrader.evidence..")
                .layer("probe").definedBy("io.labgrader.probe..")
                .layer("grading").definedBy("io.labgrader.grading..")
                .layer("lab").definedBy("io.labgrader.lab..")
                .layer("report").definedBy("io.labgrader.report..")
                .layer("batch").definedBy("io.labgrader.batch..")
                .layer("cli").definedBy("io.labgrader.cli..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("batch").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("report").mayOnlyBeAccessedByLayers("batch", "cli")
                .whereLayer("lab").mayNotBeAccessedByAnyLayer()
                .whereLayer("probe").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("grading").mayOnlyBeAccessedByLayers("lab", "report", "batch", "cli")
                .whereLayer("evidence").mayOnlyBeAccessedByLayers("probe", "grading", "lab", "report", "batch", "cli")
                .whereLayer("rubric").mayOnlyBeAccessedByLayers("grading", "lab", "report", "batch", "cli")
                .check(MainClasses.get());
    }

    @Test
    @DisplayName("grading judges evidence and never reads a live system")
    void gradingReadsNoLiveSystem() {
        noClasses().that().resideInAnyPackage("io.labgrader.grading..", "io.labgrader.lab..")
                .should().dependOnClassesThat().resideInAnyPackage("io.labgrader.probe..", "com.github.dockerjava..")
                .check(MainClasses.get());
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
