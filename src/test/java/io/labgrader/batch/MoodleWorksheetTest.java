package io.labgrader.batch;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Moodle's grading worksheet against the rules of Moodle's own importer, as its source states them (no Moodle runs
 * here): moodle/moodle mod/assign/feedback/offline/importgradeslib.php (assignfeedback_offline_grade_importer::init,
 * ::next), mod/assign/feedback/offline/locallib.php (assign_feedback_offline::process_import_grades),
 * mod/assign/gradingtable.php (the download: col_recordid, display_grade, col_grademax, col_timemarked),
 * lib/moodlelib.php (format_float, unformat_float), lib/csvlib.class.php (csv_import_reader::load_csv_content).
 * The fixtures are laid out as Moodle's download writes them (Spout's CSV writer: byte order mark, PHP fputcsv
 * quoting, "\n"); the German one with the German language pack's strings.
 */
class MoodleWorksheetTest {

    static final Path EN = Path.of("src/test/resources/moodle/Grades-LAB101-Docker vs. VM-42.csv");
    static final Path DE = Path.of("src/test/resources/moodle/Bewertungen-LAB101-Docker vs. VM-42.csv");
    static final Instant AT = Instant.parse("2026-11-28T10:00:00Z");

    @TempDir
    Path tmp;

    @Test
    @DisplayName("importgradeslib.php ::init finds Identifier/Grade/Last modified (grade) by the user's language: English and German are read")
    void headerLookupPerLanguage() throws Exception {
        MoodleWorksheet en = MoodleWorksheet.read(EN);
        assertThat(en.language()).isEqualTo(MoodleLanguage.EN);
        assertThat(en.bom()).isTrue();
        assertThat(en.delimiter()).isEqualTo(',');
        MoodleWorksheet de = MoodleWorksheet.read(DE);
        assertThat(de.language()).isEqualTo(MoodleLanguage.DE);
        assertThat(de.bom()).isFalse();
        assertThat(de.entries()).hasSize(7);
    }

    @Test
    @DisplayName("a worksheet in any other language is refused, naming the missing column, before anything is written")
    void otherLanguageNamesTheMissingColumn() throws Exception {
        Path french = Files.writeString(tmp.resolve("Notes.csv"), "\uFEFFIdentifiant,\"Nom complet\",Note,\"Note maximale\","
                + "\"Dernière modification (note)\"\n\"Participant 100001\",\"Ada Lovelace\",,100.00,-\n");
        assertThatThrownBy(() -> MoodleWorksheet.read(french)).isInstanceOf(MoodleWorksheet.Unusable.class)
                .hasMessageContaining("not a Moodle grading worksheet in English or German: no column \"Identifier\", \"Grade\", \"Last modified (grade)\"")
                .hasMessageContaining("found \"Identifiant\", \"Nom complet\", \"Note\"");
        Path scale = Files.writeString(tmp.resolve("scale.csv"), "Identifier,Grade,Scale,\"Last modified (grade)\"\n\"Participant 1\",,\"a\nb\",-\n");
        assertThatThrownBy(() -> MoodleWorksheet.read(scale)).hasMessageContaining("graded with a scale");
        Path latin1 = Files.write(tmp.resolve("latin1.csv"), "ID,Bewertung,\"Zuletzt geändert (Bewertung)\"\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> MoodleWorksheet.read(latin1)).hasMessageContaining("not UTF-8");
    }

    @Test
    @DisplayName("importgradeslib.php ::next strips strlen(hiddenuser): \"Participant \" in English, \"Teilnehmer/in\" (no space) in German")
    void participantIdPrefix() throws Exception {
        assertThat(MoodleWorksheet.read(EN).entries()).extracting(MoodleWorksheet.Entry::participantId)
                .containsExactly("100001", "100004", "100006", "100002", "100009", "100007", "100008");
        assertThat(MoodleWorksheet.read(DE).entries()).extracting(MoodleWorksheet.Entry::identifier, MoodleWorksheet.Entry::participantId)
                .startsWith(tuple("Teilnehmer/in100001", "100001"));
        // Moodle would strip 12 bytes of "Participant100001" and look up "00001": never read as participant 100001
        Path noSpace = Files.writeString(tmp.resolve("x.csv"), "Identifier,Grade,\"Maximum Grade\",\"Last modified (grade)\"\n"
                + "Participant100001,,100.00,-\n\"Teilnehmer/in100002\",,100.00,-\n");
        assertThat(MoodleWorksheet.read(noSpace).entries()).extracting(MoodleWorksheet.Entry::participantId).containsOnlyNulls();
    }

    @Test
    @DisplayName("gradingtable.php col_gradecanbechanged writes get_string('no') for a locked grade, which the import skips: such a row is not filled")
    void lockedGrade() throws Exception {
        Path locked = Files.writeString(tmp.resolve("locked.csv"), Files.readString(DE).replace(
                "Teilnehmer/in100001,\"Ada Lovelace\",ada.lovelace@example.edu,\"Zur Bewertung abgegeben\",,\"10,00\",Ja",
                "Teilnehmer/in100001,\"Ada Lovelace\",ada.lovelace@example.edu,\"Zur Bewertung abgegeben\",,\"10,00\",Nein"));
        MoodleWorksheet sheet = MoodleWorksheet.read(locked);
        assertThat(sheet.entries()).extracting(MoodleWorksheet.Entry::locked).containsExactly(true, false, false, false, false, false, false);
        Submission ada = new Submission(0, "moodle:100001", "Ada Lovelace", "100001", "x", null, List.of(), "a");
        StudentResult graded = new StudentResult(ada, true, 65, 100, List.of(), List.of(), "", List.of(), "<p>x</p>", "x");
        MoodleGrades grades = MoodleGrades.prepare(new MoodleOptions(sheet, null), 100, each -> each.accept(graded),
                io.labgrader.rubric.LocalizedText.Language.EN);
        assertThat(grades.status(graded).status()).isEqualTo("locked");
        assertThat(grades.summary().filled()).isZero();
        assertThat(grades.summary().problems()).singleElement().satisfies(p -> assertThat(p.reason())
                .isEqualTo("the grade is locked in Moodle (\"Bewertung kann geändert werden: Nein\"); the row stays as it was"));
    }

    @Test
    @DisplayName("load_data.php prepare_import_grade_data: a user the import cannot find aborts the whole import, so an e-mail "
            + "address a spreadsheet would take for a formula (and labgrader would have to prefix) is left out of gradebook-import.csv")
    void importLeavesOutAnAddressItWouldHaveToChange() throws Exception {
        // useremail maps the row to the user whose e-mail is exactly the cell; "'=x@…" is nobody, and
        // "User not found, abort whole import" (usermappingerrorusernotfound) would lose every other row too
        Path hostile = Files.writeString(tmp.resolve("hostile.csv"), Files.readString(DE).replace(
                "Teilnehmer/in100002,\"Grace Hopper\",grace.hopper@example.edu,",
                "Teilnehmer/in100002,\"Grace Hopper\",=grace.hopper@example.edu,"));
        MoodleWorksheet sheet = MoodleWorksheet.read(hostile);
        Submission ada = new Submission(0, "moodle:100001", "Ada Lovelace", "100001", "x", null, List.of(), "a");
        Submission grace = new Submission(1, "moodle:100002", "Grace Hopper", "100002", "y", null, List.of(), "b");
        StudentResult adaGraded = new StudentResult(ada, true, 65, 100, List.of(), List.of(), "", List.of(), "<p>x</p>", "x");
        StudentResult graceGraded = new StudentResult(grace, true, 40, 100, List.of(), List.of(), "", List.of(), "<p>y</p>", "y");
        Spool.Source both = each -> {
            each.accept(adaGraded);
            each.accept(graceGraded);
        };
        MoodleGrades grades = MoodleGrades.prepare(new MoodleOptions(sheet, null), 100, both,
                io.labgrader.rubric.LocalizedText.Language.EN);

        grades.write(tmp, both, AT);

        assertThat(grades.status(graceGraded).status()).as("the worksheet row is still filled").isEqualTo("filled");
        List<String> imports = Files.readString(tmp.resolve(MoodleGrades.IMPORT_FILE)).lines().toList();
        assertThat(imports).hasSize(2);
        assertThat(imports.get(1)).startsWith("ada.lovelace@example.edu,");
    }

    @Test
    @DisplayName("locallib.php process_import_grades skips a grade above the maximum: grades scale to each row's maximum, never above it")
    void rangeCheckAgainstTheMaximumGrade() {
        assertThat(MoodleWorksheet.scaled(100, 100, new BigDecimal("10.00"), 2)).isEqualByComparingTo("10.00").hasToString("10.00");
        assertThat(MoodleWorksheet.scaled(65, 100, new BigDecimal("10.00"), 2)).hasToString("6.50");
        assertThat(MoodleWorksheet.scaled(73, 100, new BigDecimal("7"), 0)).hasToString("5");
        assertThat(MoodleWorksheet.scaled(2, 3, new BigDecimal("1.00"), 2)).hasToString("0.67");
        assertThat(MoodleWorksheet.scaled(0, 100, new BigDecimal("100.00"), 2)).hasToString("0.00");
        for (int score = 0; score <= 97; score++) {
            assertThat(MoodleWorksheet.scaled(score, 97, new BigDecimal("7.5"), 1)).isBetween(BigDecimal.ZERO, new BigDecimal("7.5"));
        }
    }

    @Test
    @DisplayName("format_float writes the language's decsep with the grade item's decimals; unformat_float reads it back exactly")
    void decimalFormat() throws Exception {
        MoodleWorksheet en = MoodleWorksheet.read(EN);
        MoodleWorksheet de = MoodleWorksheet.read(DE);
        assertThat(en.entries().get(0).maxGrade()).isEqualByComparingTo("100");
        assertThat(en.entries().get(0).decimals()).isEqualTo(2);
        assertThat(de.entries().get(0).maxGrade()).isEqualByComparingTo("10");
        assertThat(en.format(new BigDecimal("72.50"))).isEqualTo("72.50");
        assertThat(de.format(new BigDecimal("7.25"))).isEqualTo("7,25");
        // unformat_float: spaces removed, the language's decsep becomes '.', then (float): in German "7,25" and "7.25" are 7.25
        assertThat(MoodleWorksheet.number("7,25", MoodleLanguage.DE)).isEqualByComparingTo("7.25");
        assertThat(MoodleWorksheet.number("7.25", MoodleLanguage.DE)).isEqualByComparingTo("7.25");
        assertThat(MoodleWorksheet.number(" 1 000,5 ", MoodleLanguage.DE)).isEqualByComparingTo("1000.5");
        assertThat(MoodleWorksheet.number("-", MoodleLanguage.EN)).isNull();
    }

    @Test
    @DisplayName("English round trip: only grade, Last modified (grade) and feedback of filled rows change; every other byte stays")
    void englishRoundTrip() throws Exception {
        roundTrip(EN, "72.50", 4, 9, "Participant 100001");
    }

    @Test
    @DisplayName("German round trip: \"7,25\" quoted for the comma delimiter, no byte order mark as downloaded")
    void germanRoundTrip() throws Exception {
        roundTrip(DE, "7,25", 4, 9, "Teilnehmer/in100001");
    }

    private void roundTrip(Path file, String grade, int gradeColumn, int feedbackColumn, String identifier) throws Exception {
        byte[] before = Files.readAllBytes(file);
        MoodleWorksheet sheet = MoodleWorksheet.read(file);
        MoodleWorksheet.Entry ada = sheet.entries().get(0);
        assertThat(ada.identifier()).isEqualTo(identifier);
        sheet.fill(ada, new BigDecimal(grade.replace(',', '.')), AT, "<p>Score: 72 / 100</p><ul><li>C:\\Users\\x\"</li></ul>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sheet.write(out);
        byte[] after = out.toByteArray();
        assertThat(Files.readAllBytes(file)).as("the input is never changed").isEqualTo(before);

        String was = new String(before, StandardCharsets.UTF_8);
        String now = new String(after, StandardCharsets.UTF_8);
        assertThat(now.startsWith("\uFEFF")).isEqualTo(was.startsWith("\uFEFF"));
        List<String> wasLines = was.lines().toList();
        List<String> nowLines = now.lines().toList();
        assertThat(nowLines).hasSameSizeAs(wasLines);
        assertThat(nowLines.get(0)).isEqualTo(wasLines.get(0));
        assertThat(nowLines.subList(2, nowLines.size())).as("rows without a submission stay byte for byte").isEqualTo(wasLines.subList(2, wasLines.size()));

        List<MoodleCsv.Row> wasRows = MoodleCsv.parse(was, ',');
        List<MoodleCsv.Row> nowRows = MoodleCsv.parse(now, ',');
        MoodleCsv.Row row = nowRows.get(1);
        for (int c = 0; c < row.cells().size(); c++) {
            if (c != gradeColumn && c != gradeColumn + 4 && c != feedbackColumn) {
                assertThat(row.value(c)).as("column " + c).isEqualTo(wasRows.get(1).value(c));
            }
        }
        assertThat(row.value(gradeColumn)).isEqualTo(grade);
        assertThat(row.value(8)).isEqualTo("2026-11-28T10:00:00Z");
        // a backslash before a quote would end the cell early for PHP's fgetcsv; it is written as an HTML entity
        assertThat(row.value(feedbackColumn)).isEqualTo("<p>Score: 72 / 100</p><ul><li>C:&#92;Users&#92;x\"</li></ul>");
        assertThat(MoodleWorksheet.number(row.value(gradeColumn), sheet.language())).isEqualByComparingTo(grade.replace(',', '.'));
    }

    @Test
    @DisplayName("csv_import_reader reads with PHP's fgetcsv: a backslash keeps the next quote in the cell; fputcsv quoting for new cells")
    void phpCsvRules() {
        List<MoodleCsv.Row> rows = MoodleCsv.parse("a,\"x \\\"y\\\" z\",b\r\n\n\"multi\nline\";c\n", ',');
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).cells()).extracting(MoodleCsv.Cell::value).containsExactly("a", "x \\\"y\\\" z", "b");
        assertThat(rows.get(1).cells()).extracting(MoodleCsv.Cell::value).containsExactly("multi\nline;c");
        assertThat(MoodleCsv.parse("\"multi\nline\";c\n", ';').get(0).cells()).extracting(MoodleCsv.Cell::value)
                .containsExactly("multi\nline", "c");
        assertThat(MoodleCsv.cell("100.00", ',')).isEqualTo("100.00");
        assertThat(MoodleCsv.cell("7,25", ',')).isEqualTo("\"7,25\"");
        assertThat(MoodleCsv.cell("7,25", ';')).isEqualTo("7,25");
        assertThat(MoodleCsv.cell("Ada Lovelace", ',')).isEqualTo("\"Ada Lovelace\"");
        assertThat(MoodleCsv.cell("say \"hi\"", ',')).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(MoodleCsv.cell("a\\\"b", ',')).isEqualTo("\"a\\\"b\"");
    }

    @Test
    @DisplayName("a worksheet saved with semicolons (the upload form's \"semicolon\" separator) is read and written with semicolons")
    void semicolonDelimiter() throws Exception {
        String text = Files.readString(DE).replace("\"10,00\"", "10,00").replace("\"5,50\"", "5,50").replace(',', ';')
                .replace("10;00", "10,00").replace("5;50", "5,50");
        Path semi = Files.writeString(tmp.resolve("Bewertungen.csv"), text);
        MoodleWorksheet sheet = MoodleWorksheet.read(semi);
        assertThat(sheet.delimiter()).isEqualTo(';');
        assertThat(sheet.entries().get(3).maxGrade()).isEqualByComparingTo("10");
        sheet.fill(sheet.entries().get(0), new BigDecimal("6.50"), AT, "<p>ok</p>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sheet.write(out);
        assertThat(out.toString(StandardCharsets.UTF_8).lines().skip(1).findFirst().orElseThrow())
                .startsWith("Teilnehmer/in100001;\"Ada Lovelace\";ada.lovelace@example.edu;").contains(";6,50;10,00;Ja;")
                .endsWith(";2026-11-28T10:00:00Z;<p>ok</p>");
    }
}
