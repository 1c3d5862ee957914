package io.labgrader.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labgrader.grading.Criterion;
import io.labgrader.grading.GradingConfig;
import io.labgrader.rubric.LocalizedText.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.core.LauncherFactory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

class SurefireReportListenerTest {

    @TempDir
    Path temp;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private SurefireReportListener listener(Map<String, String> properties) {
        return new SurefireReportListener(properties::get, new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void isRegisteredAsATestExecutionListener() {
        assertThat(ServiceLoader.load(TestExecutionListener.class).stream().map(ServiceLoader.Provider::type))
                .contains(SurefireReportListener.class);
    }

    @Test
    void withoutTheOutPropertyItDoesNothing() throws Exception {
        listener(Map.of(GradingConfig.LANG, "de")).onResult(Fixtures.fourOutcomes());

        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        try (var files = Files.list(temp)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void writesTheReportsInTheChosenLanguage() throws Exception {
        Path out = temp.resolve("labgrader-report");

        listener(Map.of(GradingConfig.OUT, out.toString(), GradingConfig.LANG, "de")).onResult(Fixtures.fourOutcomes());

        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(out.resolve("report.md")).exists();
        assertThat(out.resolve("TEST-labgrader.xml")).exists();
        assertThat(new ObjectMapper().readTree(out.resolve("report.json").toFile()).get("language").asText())
                .isEqualTo("de");
    }

    @Test
    void anUnwritableFolderIsOneLineOnStderrAndNoException() throws Exception {
        Path file = Files.writeString(temp.resolve("not-a-folder"), "x");

        listener(Map.of(GradingConfig.OUT, file.toString())).onResult(Fixtures.fourOutcomes());

        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("labgrader: could not write the reports to "
                + file + ": FileAlreadyExistsException: " + file + System.lineSeparator());
    }

    @Test
    void anUnknownLanguageFallsBackToTheDefaultLocale() {
        assertThat(SurefireReportListener.language("de")).isEqualTo(Language.DE);
        assertThat(SurefireReportListener.language("EN")).isEqualTo(Language.EN);
        assertThat(SurefireReportListener.language("klingon"))
                .isEqualTo(Language.fromLocale(java.util.Locale.getDefault()));
        assertThat(SurefireReportListener.language(null))
                .isEqualTo(Language.fromLocale(java.util.Locale.getDefault()));
    }

    /** The path {@code mvn -Pgrade test} takes: the Launcher runs a suite and the listener writes report.json. */
    @Test
    void aLauncherRunEndsInReportJson() throws Exception {
        Path rubric = Path.of(getClass().getResource("/report/rubric.yml").toURI());
        Path out = temp.resolve("out");
        LauncherDiscoveryRequest request = request()
                .selectors(selectClass(DemoSuite.class))
                .configurationParameter(GradingConfig.RUBRIC, rubric.toString())
                .configurationParameter(GradingConfig.EVIDENCE, "demo-evidence")
                .configurationParameter(LauncherOnly.KEY, "true")
                .build();

        LauncherFactory.create().execute(request,
                listener(Map.of(GradingConfig.OUT, out.toString(), GradingConfig.LANG, "en")));

        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertThat(json.get("rubric").asText()).isEqualTo("report-test");
        assertThat(json.get("evidence").asText()).isEqualTo("demo-evidence");
        assertThat(json.get("score").asInt()).isEqualTo(3);
        assertThat(json.get("maxScore").asInt()).isEqualTo(10);
        assertThat(json.get("criteria").findValuesAsText("outcome")).containsExactly("PASSED", "FAILED");
        assertThat(json.get("criteria").get(1).get("message").asText())
                .isEqualTo("Expecting port 8080 but found 8081");
        assertThat(json.get("criteria").get(1).get("hint").asText()).isEqualTo("Read the message.");
    }

    /** Graded only by the Launcher in the test above; when Surefire finds it, it is skipped. */
    @ExtendWith(LauncherOnly.class)
    static class DemoSuite {

        @Criterion("demo.passes")
        void passes() {
        }

        @Criterion("demo.fails")
        void fails() {
            fail("Expecting port 8080 but found 8081");
        }
    }

    static class LauncherOnly implements ExecutionCondition {

        static final String KEY = "labgrader.report.demo-suite";

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(KEY).isPresent()
                    ? ConditionEvaluationResult.enabled("run by aLauncherRunEndsInReportJson")
                    : ConditionEvaluationResult.disabled("runs only inside aLauncherRunEndsInReportJson");
        }
    }
}
