package io.labgrader.batch;

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
 * modified (grade) and Feedback comments, plus Full name and Maximum Grade for people reading it. Outside Moodle's
 * layout the identifier is the folder or zip name, to map in the gradebook's CSV import.
 *
 * <p>Moodle finds the columns by their English names (a Moodle shown in another language expects that language's
 * names). Only students who could be graded have a row: an empty grade would import nothing, and a zero would be
 * wrong. UTF-8 with a byte order mark (Moodle strips it; spreadsheets need it to show umlauts), RFC 4180 quoting,
 * and cells a spreadsheet would run as a formula prefixed with an apostrophe.
 */
final class GradebookCsv {

    static final String FILE_NAME = "gradebook.csv";
    static final List<String> HEADER = List.of("Identifier", "Full name", "Grade", "Maximum Grade", "Last modified (grade)",
            "Feedback comments");

    private GradebookCsv() {
    }

    static void write(Spool.Source students, Instant gradedAt, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(HEADER.toArray(String[]::new)).get();
        CSVPrinter csv = new CSVPrinter(writer, format);
        students.forEach(s -> {
            if (!s.gradable()) {
                return;
            }
            Submission who = s.submission();
            csv.printRecord(who.fromMoodle() ? who.identifier() : noFormula(Texts.oneLine(who.identifier())),
                    who.fromMoodle() ? noFormula(Texts.oneLine(who.name())) : "",
                    Integer.toString(s.score()), Integer.toString(s.maxScore()), gradedAt.toString(), s.feedback());
        });
        csv.flush();
    }

    /** A cell starting with = + - @ (or a tab or CR) is run as a formula by spreadsheets; an apostrophe prevents it. */
    static String noFormula(String cell) {
        return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }
}
