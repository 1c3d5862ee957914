package io.labgrader.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.labgrader.grading.CriterionResult;
import io.labgrader.grading.GradeResult;
import io.labgrader.grading.Outcome;
import io.labgrader.rubric.LocalizedText.Language;
import io.labgrader.rubric.Messages;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * results.json for Gradescope's autograder, as gradescope/autograder_samples docs/specs.md ("Output format") defines
 * it: a top-level score and output, and one test per criterion with score, max_score, status ("passed" or "failed"),
 * name, number, output, tags and visibility. Every text is plain text (output_format "text"): names and messages carry
 * strings from students' machines, which the default "simple_format" would render as HTML.
 *
 * <p>Gradescope knows only passed and failed. A BLOCKED or NOT_GRADABLE criterion is "failed", and marked as what it
 * is in its name, its output and a tag, so a student sees "not attempted" or "could not be graded" instead of a plain
 * 0. A submission of which nothing could be graded says so, and why, at the top. No timestamps or durations
 * (execution_time is optional): a rerun writes the same bytes.
 */
public final class GradescopeReport implements ReportFormat {

    public static final String FILE_NAME = "results.json";
    /** The tags that mark a criterion that was not judged; the first tag of every test is its rubric section. */
    public static final String TAG_BLOCKED = "blocked";
    public static final String TAG_NOT_GRADABLE = "not-gradable";

    /** Gradescope's rendering of plain text (specs.md, "Output String Formatting"). */
    private static final String TEXT = "text";
    private static final String VISIBLE = "visible";
    /** stdout is labgrader's console report, for the instructor; the student's view is in output and tests. */
    private static final String HIDDEN = "hidden";

    private static final ObjectWriter WRITER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .build()
            .writerFor(Results.class);

    @Override
    public String fileName() {
        return FILE_NAME;
    }

    @Override
    public void write(GradeResult result, Language language, OutputStream out) throws IOException {
        WRITER.writeValue(out, toResults(result, language));
        out.write('\n');
    }

    /** The results as a JSON string. */
    public String render(GradeResult result, Language language) {
        try {
            return WRITER.writeValueAsString(toResults(result, language)) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise results", e);  // records of strings and numbers
        }
    }

    private static Results toResults(GradeResult result, Language language) {
        List<Test> tests = new ArrayList<>();
        Map<String, Integer> sections = new LinkedHashMap<>();
        Map<String, Integer> inSection = new LinkedHashMap<>();
        for (CriterionResult c : result.criteria()) {
            String section = SafeText.oneLine(c.section());
            int sectionNumber = sections.computeIfAbsent(section, s -> sections.size() + 1);
            int number = inSection.merge(section, 1, Integer::sum);
            String label = label(c.outcome(), language);
            String name = SafeText.oneLine(c.id()) + " · " + SafeText.oneLine(ReportText.text(c.title(), language));
            List<String> tags = new ArrayList<>(List.of(section));
            if (c.outcome() == Outcome.BLOCKED) {
                tags.add(TAG_BLOCKED);
            } else if (c.outcome() == Outcome.NOT_GRADABLE) {
                tags.add(TAG_NOT_GRADABLE);
            }
            tests.add(new Test(c.points(), c.maxPoints(), c.outcome() == Outcome.PASSED ? "passed" : "failed",
                    label.isEmpty() ? name : label + " " + name, TEXT, sectionNumber + "." + number,
                    label.isEmpty() ? output(c, language) : label + " " + output(c, language), TEXT, List.copyOf(tags),
                    VISIBLE, testData(c)));
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("rubric", SafeText.oneLine(result.rubricId()));
        extra.put("rubric_sha256", SafeText.oneLine(result.rubricSha256()));
        extra.put("max_score", result.maxScore());
        extra.put("percent", ReportText.percent(result));
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Outcome o : Outcome.values()) {
            counts.put(o.name(), result.count(o));
        }
        extra.put("counts", counts);
        extra.put("gradable", !result.nothingGradable());
        return new Results(result.score(), summary(result, language), TEXT, TEXT, TEXT, VISIBLE, HIDDEN, extra, tests);
    }

    /** The criterion's id and outcome, for whoever reads results.json by machine. */
    private static Map<String, String> testData(CriterionResult c) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("id", SafeText.oneLine(c.id()));
        data.put("outcome", c.outcome().name());
        return data;
    }

    /** "[BLOCKED]" and "[NOT GRADABLE]" (see {@link ReportText#outcomeLabel}); nothing for judged criteria. */
    static String label(Outcome outcome, Language language) {
        return outcome == Outcome.BLOCKED || outcome == Outcome.NOT_GRADABLE ? ReportText.outcomeLabel(outcome, language) : "";
    }

    /**
     * The text at the top: the score line, and what was not judged. When nothing could be graded, that comes first,
     * with the reason (the rejection of the submission, or why its evidence could not be read).
     */
    static String summary(GradeResult result, Language language) {
        String score = ReportText.text(result.rubricTitle(), language) + ": " + ReportText.scoreLine(result, language);
        if (result.nothingGradable()) {
            String reason = result.criteria().stream().map(c -> ReportText.text(c.message(), language))
                    .filter(m -> !m.isEmpty()).findFirst()
                    .orElse(Messages.CORE.get(language, "report.noCriteria"));
            return Messages.CORE.get(language, "report.notGradableSubmission", reason, score);
        }
        StringBuilder out = new StringBuilder(score);
        long blocked = result.count(Outcome.BLOCKED);
        long notGradable = result.count(Outcome.NOT_GRADABLE);
        if (blocked > 0) {
            out.append('\n').append(Messages.CORE.get(language, "report.notAttemptedCount", label(Outcome.BLOCKED, language), blocked));
        }
        if (notGradable > 0) {
            out.append('\n').append(Messages.CORE.get(language, "report.notGradableCount", label(Outcome.NOT_GRADABLE, language), notGradable));
        }
        return out.toString();
    }

    /** What the student reads under the test: the message, and for a failure the rubric's hint. */
    static String output(CriterionResult c, Language language) {
        String message = ReportText.text(c.message(), language);
        if (c.outcome() != Outcome.FAILED) {
            return message;
        }
        String hint = ReportText.text(c.hint(), language);
        if (hint.isEmpty()) {
            return message;
        }
        String label = Messages.CORE.get(language, "report.hint");
        return message.isEmpty() ? label + hint : message + "\n\n" + label + hint;
    }

    /** The top level of results.json; every field is optional in the spec, score or tests must be there. */
    @JsonPropertyOrder({"score", "output", "output_format", "test_output_format", "test_name_format", "visibility",
            "stdout_visibility", "extra_data", "tests"})
    record Results(int score, String output, @JsonProperty("output_format") String outputFormat,
                   @JsonProperty("test_output_format") String testOutputFormat,
                   @JsonProperty("test_name_format") String testNameFormat, String visibility,
                   @JsonProperty("stdout_visibility") String stdoutVisibility,
                   @JsonProperty("extra_data") Map<String, Object> extraData, List<Test> tests) {
    }

    @JsonPropertyOrder({"score", "max_score", "status", "name", "name_format", "number", "output", "output_format", "tags",
            "visibility", "extra_data"})
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Test(int score, @JsonProperty("max_score") int maxScore, String status, String name,
                @JsonProperty("name_format") String nameFormat, String number, String output,
                @JsonProperty("output_format") String outputFormat, List<String> tags, String visibility,
                @JsonProperty("extra_data") Map<String, String> extraData) {
    }
}
