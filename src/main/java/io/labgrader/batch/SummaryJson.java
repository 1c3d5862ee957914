package io.labgrader.batch;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.labgrader.grading.Outcome;
import io.labgrader.report.SafeText;
import io.labgrader.rubric.Criterion;
import io.labgrader.rubric.LocalizedText.Language;
import io.labgrader.rubric.Rubric;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * summary.json: the class in machine-readable form, the same numbers as the overview. Written as a stream, one
 * student after another, in batch order.
 */
final class SummaryJson {

    static final String FILE_NAME = "summary.json";
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private SummaryJson() {
    }

    static void write(Rubric rubric, Spool.Source students, ClassStats stats, Instant gradedAt, Language language,
                      List<String> ignored, MoodleGrades moodle, OutputStream out) throws IOException {
        try (JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("rubric", rubric.id());
            json.writeStringField("rubricTitle", SafeText.oneLine(rubric.title().in(language)));
            json.writeStringField("rubricSha256", rubric.sha256());
            json.writeStringField("gradedAt", gradedAt.toString());
            json.writeStringField("language", language.name().toLowerCase(Locale.ROOT));
            json.writeNumberField("maxScore", rubric.maxScore());

            json.writeObjectFieldStart("counts");
            json.writeNumberField("students", stats.students);
            json.writeNumberField("graded", stats.graded);
            json.writeNumberField("notGradable", stats.notGradable);
            json.writeNumberField("flagged", stats.flagged);
            json.writeEndObject();

            json.writeObjectFieldStart("score");
            json.writeNumberField("mean", stats.mean());
            json.writeNumberField("median", stats.median());
            json.writeEndObject();

            MoodleJson.writeClass(json, moodle);

            json.writeArrayFieldStart("histogram");
            for (ClassStats.Bin bin : stats.histogram) {
                json.writeStartObject();
                json.writeNumberField("fromPercent", bin.fromPercent());
                json.writeNumberField("toPercent", bin.toPercent());
                json.writeNumberField("students", bin.students());
                json.writeEndObject();
            }
            json.writeEndArray();

            json.writeArrayFieldStart("criteria");
            for (ClassStats.CriterionStats c : stats.criteria) {
                json.writeStartObject();
                json.writeStringField("id", c.criterion().id());
                json.writeStringField("title", SafeText.oneLine(c.criterion().title().in(language)));
                json.writeNumberField("maxPoints", c.criterion().points());
                json.writeNumberField("graded", c.graded());
                for (Outcome o : Outcome.values()) {
                    json.writeNumberField(o.name(), c.counts().get(o));
                }
                json.writeNumberField("passRate", c.passRate());
                json.writeEndObject();
            }
            json.writeEndArray();

            List<Criterion> criteria = rubric.criteria();
            json.writeArrayFieldStart("students");
            students.forEach(s -> {
                Submission who = s.submission();
                json.writeStartObject();
                json.writeStringField("key", who.key());
                json.writeStringField("name", SafeText.oneLine(who.name()));
                if (who.fromMoodle()) {
                    json.writeStringField("participantId", who.participantId());
                }
                json.writeStringField("identifier", SafeText.oneLine(who.identifier()));
                json.writeArrayFieldStart("sources");
                for (String source : who.sources()) {
                    json.writeString(SafeText.oneLine(source));
                }
                json.writeEndArray();
                json.writeStringField("evidence", SafeText.oneLine(s.evidence()));
                json.writeStringField("reports", s.folder());
                json.writeStringField("status", s.gradable() ? "graded" : "not-gradable");
                if (s.gradable()) {
                    json.writeNumberField("score", s.score());
                    json.writeNumberField("maxScore", s.maxScore());
                    json.writeNumberField("percent", s.percent());
                    json.writeObjectFieldStart("outcomes");
                    for (int i = 0; i < criteria.size() && i < s.outcomes().size(); i++) {
                        json.writeStringField(criteria.get(i).id(), s.outcomes().get(i).name());
                    }
                    json.writeEndObject();
                } else {
                    json.writeStringField("reason", s.reason());
                }
                MoodleJson.writeStudent(json, moodle.status(s));
                json.writeArrayFieldStart("flags");
                for (Flag f : s.flags()) {
                    json.writeStartObject();
                    json.writeStringField("kind", f.kind().id());
                    json.writeStringField("detail", SafeText.oneLine(f.detail().in(language)));
                    if (!f.others().isEmpty()) {
                        json.writeArrayFieldStart("others");
                        for (String other : f.others()) {
                            json.writeString(other);
                        }
                        json.writeEndArray();
                    }
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            });
            json.writeEndArray();

            json.writeArrayFieldStart("ignored");
            for (String i : ignored) {
                json.writeString(SafeText.oneLine(i));
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        out.write('\n');
    }
}
