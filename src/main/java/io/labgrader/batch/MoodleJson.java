package io.labgrader.batch;

import io.labgrader.report.SafeText;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;

/** The Moodle part of summary.json: for the class what Moodle receives, for each student what Moodle makes of the grade. */
final class MoodleJson {

    private MoodleJson() {
    }

    static void writeClass(JsonGenerator json, MoodleGrades moodle) throws IOException {
        MoodleSummary m = moodle.summary();
        json.writeObjectFieldStart("moodle");
        if (m.hasWorksheet()) {
            json.writeStringField("worksheet", SafeText.oneLine(m.worksheet()));
            json.writeStringField("language", m.language());
            json.writeNumberField("rows", m.rows());
            json.writeNumberField("filled", m.filled());
            json.writeArrayFieldStart("replaced");
            for (BatchResult.Problem r : m.replaced()) {
                json.writeStartObject();
                json.writeStringField("student", r.student());
                json.writeStringField("grade", r.reason());
                json.writeEndObject();
            }
            json.writeEndArray();
            if (m.importFile() != null) {
                json.writeStringField("gradebookImport", m.importFile());
            }
        } else {
            json.writeStringField("gradebook", GradebookCsv.FILE_NAME);
            json.writeNumberField("importable", m.importable());
        }
        json.writeNumberField("maxGrade", m.maxGrade());
        json.writeNumberField("notReceiving", m.problems().size());
        json.writeEndObject();
    }

    static void writeStudent(JsonGenerator json, MoodleGrades.Status status) throws IOException {
        json.writeObjectFieldStart("moodle");
        json.writeStringField("status", status.status());
        if (!status.identifier().isEmpty()) {
            json.writeStringField("identifier", SafeText.oneLine(status.identifier()));
        }
        if (!status.grade().isEmpty()) {
            json.writeStringField("grade", status.grade());
        }
        if (!status.reason().isEmpty()) {
            json.writeStringField("reason", SafeText.oneLine(status.reason()));
        }
        json.writeEndObject();
    }
}
