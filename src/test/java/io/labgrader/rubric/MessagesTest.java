package io.labgrader.rubric;

import io.labgrader.rubric.LocalizedText.Language;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bundles, their MessageFormat quoting, the fallback to English and a language that ships only in test resources. */
class MessagesTest {

    /** Every bundle labgrader ships: the engine's, the first lab's and the second lab's (Docker networks and volumes). */
    static final List<String> BUNDLES = List.of("io/labgrader/messages", "io/labgrader/lab/messages", "io/labgrader/labs/networks/messages");

    @Test
    void aSingleQuoteIsWrittenTwiceInAPatternAndOnceInTheText() {
        // MessageFormat's rule: '' is a quote, a lone ' starts a quoted section that swallows {0}
        assertThat(new MessageFormat("Gefunden: ''{0}''", Locale.GERMAN).format(new Object[]{"web"})).isEqualTo("Gefunden: 'web'");
        assertThat(new MessageFormat("Gefunden: '{0}'", Locale.GERMAN).format(new Object[]{"web"})).isEqualTo("Gefunden: {0}");
        assertThat(Messages.CORE.get(Language.EN, "grading.requiresNotGraded", "docker.a", "Title"))
                .isEqualTo("Not attempted: requires docker.a (Title), which was not graded.");
    }

    @Test
    void numbersArriveFormattedSoNoLanguageGroupsTheirDigits() {
        assertThat(Messages.CORE.get(Language.DE, "grading.noCriterion", "rubric.yml", 12345))
                .isEqualTo("Die Bewertungsvorgabe rubric.yml enthält kein Kriterium 12345.");
        assertThat(Messages.CORE.get(Language.EN, "grading.noCriterion", "rubric.yml", 12345))
                .isEqualTo("The rubric rubric.yml has no criterion 12345.");
    }

    @Test
    void everyPatternOfEveryBundleParsesAndQuotesItsQuotes() throws IOException {
        List<String> bad = new ArrayList<>();
        for (String bundle : BUNDLES) {
            for (String suffix : List.of("", "_de")) {
                Properties p = load(bundle + suffix + ".properties");
                for (String key : new TreeSet<>(p.stringPropertyNames())) {
                    String pattern = p.getProperty(key);
                    try {
                        new MessageFormat(pattern, Locale.ROOT);
                    } catch (IllegalArgumentException e) {
                        bad.add(bundle + suffix + ": " + key + " does not parse: " + e.getMessage());
                    }
                    if (pattern.replace("''", "").contains("'")) {
                        bad.add(bundle + suffix + ": " + key + " has a lone ' (write '' for a quote): " + pattern);
                    }
                }
            }
        }
        assertThat(bad).as("patterns that MessageFormat would misread").isEmpty();
    }

    @Test
    void germanHasEveryKeyEnglishHasAndNoOther() throws IOException {
        for (String bundle : BUNDLES) {
            assertThat(new TreeSet<>(load(bundle + "_de.properties").stringPropertyNames()))
                    .as("keys of %s_de.properties against %s.properties", bundle, bundle)
                    .isEqualTo(new TreeSet<>(load(bundle + ".properties").stringPropertyNames()));
        }
    }

    @Test
    void aThirdLanguageIsAFileAndFallsBackToEnglishForWhatItLacks() {
        Language fr = Language.parseOrDefault("fr");
        assertThat(Messages.CORE.get(fr, "grading.noMethod")).isEqualTo("Aucune méthode d'évaluation n'a été exécutée pour ce critère.");
        // not in messages_fr.properties: English, never the JVM's default locale
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(Messages.CORE.get(fr, "grading.misconfigured", "docker.a", "points")).isEqualTo(
                    "The rubric is misconfigured (docker.a: points). Please tell your instructor.");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void aMissingKeySaysWhichAndWhere() {
        assertThatThrownBy(() -> Messages.CORE.get(Language.EN, "no.such.key"))
                .hasMessage("expected the key 'no.such.key' in io.labgrader.messages*.properties, but found none; add it to messages.properties");
    }

    @Test
    void anyLanguageTagIsALanguageAndGermanStaysTheGermanDefault() {
        assertThat(Language.parseOrDefault("DE")).isSameAs(Language.DE);
        assertThat(Language.parseOrDefault("english")).isSameAs(Language.EN);
        assertThat(Language.parseOrDefault("pt_BR").tag()).isEqualTo("pt-BR");
        assertThat(Language.fromLocale(Locale.GERMANY)).isSameAs(Language.DE);
        assertThat(Language.fromLocale(Locale.FRANCE)).isSameAs(Language.EN);
        assertThatThrownBy(() -> Language.parseOrDefault("123"))
                .hasMessage("unknown language '123' (use a language tag such as de, en or fr)");
    }

    @Test
    void aTextSurvivesTheTripThroughJsonAndIsStillResolvedPerLanguage() {
        LocalizedText text = Messages.CORE.text("grading.requiresNotPassed", "docker.a",
                LocalizedText.literal(java.util.Map.of("de", "Titel", "en", "Title", "fr", "Titre"))).append(LocalizedText.same("!"), "");
        LocalizedText back = LocalizedTextJson.read(LocalizedTextJson.write(text));
        assertThat(back).isEqualTo(text);
        assertThat(back.in(Language.DE)).isEqualTo("Nicht bewertet: setzt docker.a (Titel) voraus, das nicht erfüllt ist.!");
        assertThat(back.in(Language.parseOrDefault("fr"))).isEqualTo("Not attempted: requires docker.a (Titre), which did not pass.!");
    }

    @Test
    void theGermanLeakCheckFindsEnglishOfTheBundlesAndWhatWasGluedInByHand() {
        assertThat(io.labgrader.testing.GermanLeaks.fragmentCount()).isGreaterThan(100);
        assertThat(io.labgrader.testing.GermanLeaks.in("Gefunden: 'lab-hello' (d2e947705df9), exit code 1."))
                .containsExactly("exit code");
        assertThat(io.labgrader.testing.GermanLeaks.in("Erwartet: x. Gefunden: y, started in the foreground (without -d)."))
                .containsExactly(", started in the foreground (without -d).");
        assertThat(io.labgrader.testing.GermanLeaks.in(Messages.CORE.get(Language.DE, "grading.crashed", "IOException: disk full"))).isEmpty();
    }

    static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as("bundle file %s on the classpath", resource).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
