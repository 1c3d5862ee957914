package io.labgrader.architecture;

import io.labgrader.report.SafeText;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

/**
 * Students' text (container names, page titles, folder names, messages) is made safe in one place,
 * {@link SafeText}: escape sequences, control characters and bidirectional overrides removed, one line, and CSV cells
 * kept from becoming formulas. The report writers, the class reports and the command all call it, so a rule fixed
 * there is fixed everywhere.
 *
 * <p>Limits: ArchUnit sees names and dependencies, not what a method does. This pins the names the project's text
 * sanitisers have had (clean, oneLine, noFormula, sanitize/sanitise), taking one String (ConsistencyReport's boolean
 * {@code clean()} is not one); a sanitiser written under another name, or inline in a writer, would pass. The behaviour itself is pinned by SafeTextTest and the reports' hostile-text tests.
 * File-name safety (SubmissionFinder.safeName, the bundle's file names) is a different rule and not covered here.
 */
class OneTextSafetyHelperTest {

    @Test
    @DisplayName("only SafeText declares the text-safety functions (clean, oneLine, noFormula, sanitize of a String)")
    void onlySafeTextDeclaresTextSafetyFunctions() {
        methods().that().haveNameMatching("clean|oneLine|noFormula|saniti[sz]e\\w*").and().haveRawParameterTypes(String.class)
                .should().beDeclaredIn(SafeText.class)
                .because("students' text is made safe by one helper, so that every report applies the same rules")
                .check(MainClasses.get());
    }
}
