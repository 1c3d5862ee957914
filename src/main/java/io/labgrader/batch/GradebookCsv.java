package io.labgrader.batch;

import io.labgrader.report.SafeText;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * gradebook.csv in the layout of Moodle's offline grading worksheet, which an assignment's "Upload grading worksheet"
 * imports: Identifier ("Participant 123456", matching the folder names of "Download all submissions"), Grade, Last
 * modified (grade) and Feedback comments, plus Full name and Maximum Grade for people reading it.
 *
 * <p>Only rows Moodle can match are written: a submission outside Moodle's download layout has no participant id, and
 * Moodle's importer would skip its row without a word (importgradeslib.php, ::next); summary.json, the overview and
 * the console name those students instead. Only students who could be graded have a row: an empty grade would import
 * nothing, and a zero would be wrong. Grades are scaled to --max-grade (else the rubric's maximum), since the importer
 * skips a grade above the assignment's maximum. The English column names fit a Moodle shown in English; for any other
 * language, fill Moodle's own worksheet with --moodle-worksheet. UTF-8 with a byte order mark (Moodle strips it;
 * spreadsheets need it to show umlauts), RFC 4180 quoting, and cells a spreadsheet would run as a formula prefixed
 * with an apostrophe.
 */
final class GradebookCsv {

    static final String FILE_NAME = "gradebook.csv";
    static final List<String> HEADER = List.of("Identifier", "Full name", "Grade", "Maximum Grade", "Last modified (grade)",
            "Feedback comments");

    private GradebookCsv() {
    }

    static void write(Spool.Source students, Instant gradedAt, MoodleGrades moodle, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(HEADER.toArray(String[]::new)).get();
        CSVPrinter csv = new CSVPrinter(writer, format);
        String max = moodle.maxGrade().stripTrailingZeros().toPlainString();
        students.forEach(s -> {
            if (!s.gradable() || !s.submission().fromMoodle()) {
                return;
            }
            Submission who = s.submission();
            csv.printRecord(who.identifier(), SafeText.noFormula(SafeText.oneLine(who.name())), moodle.gradebookGrade(s), max,
                    gradedAt.toString(), s.feedback().replace("\\", "&#92;"));
        });
        csv.flush();
    }
}
