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

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * results.json in the format of Gradescope's autograder: the score, and one test per criterion with its name, score,
 * max_score, status ("passed" or "failed") and output. Gradescope has no BLOCKED or NOT_GRADABLE, so those are
 * "failed" with the reason as output. No timestamps or durations: a rerun writes the same bytes.
 */
public final class GradescopeReport implements ReportFormat {

    public static final String FILE_NAME = "results.json";

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
        int number = 0;
        for (CriterionResult c : result.criteria()) {
            number++;
            tests.add(new Test(ReportText.oneLine(c.id()) + " · " + ReportText.oneLine(ReportText.text(c.title(), language)),
                    Integer.toString(number), c.points(), c.maxPoints(),
                    c.outcome() == Outcome.PASSED ? "passed" : "failed", output(c, language), "text",
                    List.of(ReportText.oneLine(c.section())), "visible"));
        }
        String summary = ReportText.text(result.rubricTitle(), language) + ": " + ReportText.scoreLine(result, language);
        return new Results(result.score(), result.maxScore(), summary, "text", "visible", tests);
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
        String label = language == Language.DE ? "Hinweis: " : "Hint: ";
        return message.isEmpty() ? label + hint : message + "\n\n" + label + hint;
    }

    @JsonPropertyOrder({"score", "max_score", "output", "output_format", "visibility", "tests"})
    record Results(int score, @JsonProperty("max_score") int maxScore, String output,
                   @JsonProperty("output_format") String outputFormat,
                   String visibility, List<Test> tests) {
    }

    @JsonPropertyOrder({"name", "number", "score", "max_score", "status", "output", "output_format", "tags", "visibility"})
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Test(String name, String number, int score,
                @JsonProperty("max_score") int maxScore, String status, String output,
                @JsonProperty("output_format") String outputFormat, List<String> tags,
                String visibility) {
    }
}
