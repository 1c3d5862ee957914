package io.labgrader.architecture;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.security.MessageDigest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * SHA-256 is computed in one place, io.labgrader.hashing.Hashes: manifests, rubric fingerprints, unpacked zip entries
 * and Docker context names all hash the same way (lower-case hex of the same digest). The helper sits in a package of
 * its own, outside the layers, because rubric and evidence are both at the bottom and may not use each other.
 */
class OneSha256HelperTest {

    @Test
    @DisplayName("only io.labgrader.hashing.Hashes creates a MessageDigest")
    void onlyHashesCreatesADigest() {
        noClasses().that().doNotHaveFullyQualifiedName("io.labgrader.hashing.Hashes")
                .should().callMethod(MessageDigest.class, "getInstance", String.class)
                .because("SHA-256 has one helper, io.labgrader.hashing.Hashes, so every hash is made the same way")
                .check(MainClasses.get());
    }
}
