package io.labgrader.labs.networks;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The lab keeps the design's split: its grading suites judge evidence and never read a live system (no probe, no
 * docker-java); its records know nothing of how they were read; and the engine's core packages know nothing of it.
 */
class NetworksLabArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.labgrader");

    @Test
    @DisplayName("the lab's grading suites use no probe and no docker-java")
    void gradersReadNoLiveSystem() {
        noClasses().that().resideInAPackage("io.labgrader.labs.networks.grading..")
                .should().dependOnClassesThat().resideInAnyPackage("io.labgrader.probe..", "io.labgrader.labs.networks.probe..",
                        "com.github.dockerjava..", "org.jsoup..")
                .check(CLASSES);
    }

    @Test
    @DisplayName("the lab's evidence records depend on neither its probe nor its suites")
    void recordsStandAlone() {
        noClasses().that().resideInAPackage("io.labgrader.labs.networks.evidence..")
                .should().dependOnClassesThat().resideInAnyPackage("io.labgrader.labs.networks.probe..",
                        "io.labgrader.labs.networks.grading..", "io.labgrader.probe..", "io.labgrader.grading..")
                .check(CLASSES);
    }

    @Test
    @DisplayName("no core package names a type of this lab")
    void coreKnowsNothingOfThisLab() {
        noClasses().that().resideInAnyPackage("io.labgrader.rubric..", "io.labgrader.evidence..", "io.labgrader.grading..",
                        "io.labgrader.report..", "io.labgrader.batch..", "io.labgrader.cli..", "io.labgrader.module..")
                .should().dependOnClassesThat().resideInAPackage("io.labgrader.labs..")
                .check(CLASSES);
    }
}
