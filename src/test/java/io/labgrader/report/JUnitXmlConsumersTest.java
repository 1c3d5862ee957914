package io.labgrader.report;

import io.labgrader.grading.CriterionResult;
import io.labgrader.grading.GradeResult;
import io.labgrader.grading.Outcome;
import io.labgrader.rubric.LocalizedText;
import io.labgrader.rubric.LocalizedText.Language;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import java.io.StringReader;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * TEST-labgrader.xml as its consumers read it: Jenkins' xunit schema (junit-10.xsd, a copy in src/test/resources with
 * its source and commit), and GitLab's JUnit parser, whose rules {@link GitlabJunitReading} ports from GitLab's and
 * ActiveSupport's source (GitLab itself cannot run here).
 */
class JUnitXmlConsumersTest {

    private static final Schema JUNIT_10 = schema();

    private final JUnitXmlReport report = new JUnitXmlReport();

    static java.util.stream.Stream<Language> languages() {
        return java.util.stream.Stream.of(Language.DE, Language.EN);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("languages")
    @DisplayName("valid under jenkinsci/xunit-plugin junit-10.xsd: every outcome, hostile texts, empty messages")
    void validUnderJenkinsXunitSchema(Language language) throws Exception {
        for (GradeResult result : List.of(Fixtures.fourOutcomes(), Fixtures.result(List.of(Fixtures.passed(), Fixtures.hostile())),
                Fixtures.result(List.of(empty(Outcome.FAILED), empty(Outcome.BLOCKED), empty(Outcome.NOT_GRADABLE))),
                Fixtures.result(List.of()))) {
            validate(report.render(result, language));
        }
    }

    @Test
    @DisplayName("the schema check can fail: a skipped count on <testsuites>, as labgrader wrote it before, is rejected")
    void schemaRejectsSkippedOnTestsuites() {
        String old = report.render(Fixtures.fourOutcomes(), Language.EN)
                .replaceFirst("<testsuites name=\"docker-vs-vm\"", "<testsuites name=\"docker-vs-vm\" skipped=\"1\"");
        assertThatThrownBy(() -> validate(old)).isInstanceOf(SAXException.class).hasMessageContaining("skipped");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("languages")
    @DisplayName("GitLab's parser (junit.rb through ActiveSupport's XMLConverter) reads every case's output as text")
    void gitlabReadsEveryOutputAsText(Language language) throws Exception {
        for (GradeResult result : List.of(Fixtures.fourOutcomes(), Fixtures.result(List.of(Fixtures.passed(), Fixtures.hostile())),
                Fixtures.result(List.of(empty(Outcome.FAILED), empty(Outcome.BLOCKED), empty(Outcome.NOT_GRADABLE))))) {
            List<GitlabJunitReading.Case> cases = GitlabJunitReading.read(
                    JUnitXmlReportTest.parse(report.render(result, language)).getDocumentElement());
            assertThat(cases).hasSameSizeAs(result.criteria());
            for (int i = 0; i < cases.size(); i++) {
                GitlabJunitReading.Case c = cases.get(i);
                if (result.criteria().get(i).outcome() == Outcome.PASSED) {
                    assertThat(c.output()).as(c.name()).isNull();
                } else {
                    assertThat(c.output()).as("output of " + c.name()).isInstanceOf(String.class);
                    assertThat((String) c.output()).as(c.name()).isNotBlank();
                }
            }
        }
    }

    @Test
    @DisplayName("the GitLab port can fail: <skipped message=…/> (labgrader's former BLOCKED) becomes a hash, not text")
    void gitlabPortSeesTheHash() throws Exception {
        String old = "<testsuites><testsuite name=\"docker\" tests=\"1\"><testcase name=\"a\" classname=\"docker\">"
                + "<skipped message=\"Not attempted\"/></testcase></testsuite></testsuites>";
        GitlabJunitReading.Case c = GitlabJunitReading.read(JUnitXmlReportTest.parse(old).getDocumentElement()).get(0);
        assertThat(c.status()).isEqualTo("skipped");
        assertThat(c.output()).isInstanceOf(java.util.Map.class);
    }

    @Test
    @DisplayName("in GitLab's test report a BLOCKED criterion is a failure with \"[BLOCKED] …\" text, never a pass or skip")
    void blockedIsAFailureInGitlab() throws Exception {
        List<GitlabJunitReading.Case> cases = GitlabJunitReading.read(
                JUnitXmlReportTest.parse(report.render(Fixtures.fourOutcomes(), Language.EN)).getDocumentElement());

        assertThat(cases).extracting(GitlabJunitReading.Case::status).containsExactly("success", "failed", "failed", "error");
        assertThat(cases).extracting(GitlabJunitReading.Case::suite).containsExactly("docker", "docker", "docker", "vm");
        assertThat(cases.get(2).name()).startsWith("docker.nginx-port ");
        assertThat(cases.get(2).output()).isEqualTo("[BLOCKED] Not attempted: docker.nginx-detached did not pass.");
        assertThat(GitlabJunitReading.read(JUnitXmlReportTest.parse(report.render(Fixtures.fourOutcomes(), Language.DE))
                .getDocumentElement()).get(2).output())
                .isEqualTo("[BLOCKIERT] Nicht versucht: docker.nginx-detached ist nicht bestanden.");
    }

    private static CriterionResult empty(Outcome outcome) {
        return new CriterionResult("docker." + outcome.name().toLowerCase(java.util.Locale.ROOT), "docker",
                LocalizedText.same("Empty " + outcome), outcome, 0, 5, LocalizedText.same(" "), LocalizedText.same(""), 0);
    }

    private static void validate(String xml) throws Exception {
        JUNIT_10.newValidator().validate(new StreamSource(new StringReader(xml)));
    }

    private static Schema schema() {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            return factory.newSchema(JUnitXmlConsumersTest.class.getResource("/schemas/junit-10.xsd"));
        } catch (SAXException e) {
            throw new IllegalStateException("junit-10.xsd: " + e.getMessage(), e);
        }
    }
}
