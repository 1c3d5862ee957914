package io.labgrader.architecture;

import io.labgrader.rubric.LocalizedText;
import io.labgrader.rubric.LocalizedText.Language;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

/**
 * The comparison of lab 1 (its figures in io.labgrader.evidence.compare, its writers in io.labgrader.lab.module)
 * never chooses between German and English: its texts are keys of the lab's bundle, resolved in whatever language
 * the reader asked for, so a third language is a file. Before, Figure carried labelDe/labelEn and noteDe/noteEn and
 * ComparisonText picked one with {@code language == Language.DE}; both rules below failed on that code.
 *
 * <p>Limits: ArchUnit sees names, field reads and calls, not what a method does. A choice written another way (a
 * local boolean "german", {@code locale.getLanguage().equals("de")}, a map keyed "de"/"en") passes here; the byte
 * comparison of CompareRenderingsTest and the French of CompareThirdLanguageTest pin the behaviour itself.
 */
class ComparisonChoosesNoLanguageTest {

    private static final String[] PACKAGES = {"io.labgrader.evidence.compare..", "io.labgrader.lab.module.."};
    private static final String TWO_LANGUAGE_NAME = ".*[a-z0-9](De|En)|de|en|german|english|isGerman";

    @Test
    @DisplayName("no field or method of the comparison is named for German or English (labelDe, noteEn, de(...))")
    void noMemberIsNamedForOneOfTwoLanguages() {
        noFields().that().areDeclaredInClassesThat().resideInAnyPackage(PACKAGES)
                .should().haveNameMatching(TWO_LANGUAGE_NAME)
                .because("a text in a field per language is a language chosen in code; keep a key of the lab's bundle")
                .check(MainClasses.get());
        noMethods().that().areDeclaredInClassesThat().resideInAnyPackage(PACKAGES)
                .should().haveNameMatching(TWO_LANGUAGE_NAME)
                .because("a text in a field per language is a language chosen in code; keep a key of the lab's bundle")
                .check(MainClasses.get());
    }

    @Test
    @DisplayName("the comparison reads no language constant and asks no text for its German or English")
    void noCodeComparesTheReadersLanguageWithGermanOrEnglish() {
        noClasses().that().resideInAnyPackage(PACKAGES)
                .should().accessField(Language.class, "DE").orShould().accessField(Language.class, "EN")
                .orShould().accessField(Locale.class, "GERMAN").orShould().accessField(Locale.class, "GERMANY")
                .orShould().accessField(Locale.class, "ENGLISH")
                .orShould().callMethod(LocalizedText.class, "de").orShould().callMethod(LocalizedText.class, "en")
                .orShould().callMethod(LocalizedText.class, "of", String.class, String.class)
                .because("the reader's Language goes to the bundle as it is, so a language without code gets its file or English")
                .check(MainClasses.get());
    }
}
