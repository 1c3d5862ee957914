package io.labgrader.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** labgrader's main classes, without the tests, imported once for all architecture rules (an import takes seconds). */
final class MainClasses {

    private static JavaClasses classes;

    private MainClasses() {
    }

    static synchronized JavaClasses get() {
        if (classes == null) {
            classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("io.labgrader");
        }
        return classes;
    }
}
