package io.labgrader.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labgrader.testing.Commands;
import io.labgrader.testing.Labgrader;
import io.labgrader.testing.Trees;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Moodle round trip as an instructor runs it, on the real sample submissions: download the worksheet, run
 * {@code labgrader grade submissions --moodle-worksheet FILE}, upload the filled file. Moodle does not run here; its
 * import is replayed by PHP's own fgetcsv and strtotime following Moodle's source (src/test/resources/moodle/
 * read-like-moodle.php cites the functions), and the import's stale check (locallib.php process_import_grades:
 * skipped when the grade in Moodle is newer than the row's date + 60 s) is applied to what PHP read.
 */
class MoodleRoundTripTest {

    private static final String EN_NAME = "Grades-LAB101-Docker vs. VM-42.csv";
    private static final String DE_NAME = "Bewertungen-LAB101-Docker vs. VM-42.csv";
    private static final String HOSTILE = "=cmd|' -C calc'!A0\u202eevil";

    @TempDir
    Path dir;

    /** submissions/ as shipped, with linus named by his e-mail address and margaret by her full name, and a hostile folder. */
    private void theSamples() throws Exception {
        Path root = Trees.copy(Path.of("submissions"), dir.resolve("submissions"));
        Files.move(root.resolve("linus"), root.resolve("linus@example.edu"));
        Files.move(root.resolve("margaret.zip"), root.resolve("Margaret Hamilton.zip"));
        Trees.copy(root.resolve("linus@example.edu"), root.resolve(HOSTILE));
    }

    private int score(String student) {
        return BatchKit.json(dir.resolve("grading/students").resolve(student).resolve("report.json")).path("score").asInt();
    }

    @Test
    @DisplayName("English worksheet: filled by participant id, e-mail and full name; unmatched named with reasons; Moodle's import (replayed in PHP) reads every grade back")
    void english() throws Exception {
        theSamples();
        Path worksheet = Files.copy(MoodleWorksheetTest.EN, dir.resolve(EN_NAME));
        byte[] downloaded = Files.readAllBytes(worksheet);
        Commands.Result r = new Labgrader(dir).run("grade", "submissions", "--moodle-worksheet", EN_NAME, "--lang", "en");

        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.stdout()).contains("Moodle worksheet: 4 of 7 rows filled in grading/" + EN_NAME + ", and grading/gradebook-import.csv",
                "Not in the worksheet (2):", "  ? ken-lab-repo: no worksheet row has the full name \"ken-lab-repo\"",
                "Replaces a grade Moodle already had (1):", "  ~ Grace Hopper (100002): 55.00 → " + score("Grace_Hopper_100002") + ".00");
        assertThat(r.stdout()).doesNotContain("\u202e");
        assertThat(Files.readAllBytes(worksheet)).as("the downloaded worksheet is never changed").isEqualTo(downloaded);

        Path filled = dir.resolve("grading").resolve(EN_NAME);
        JsonNode moodle = readLikeMoodle(filled, ",", MoodleLanguage.EN);
        assertThat(moodle.path("widths")).allSatisfy(w -> assertThat(w.asInt()).isEqualTo(10));
        Instant gradedAt = Instant.parse(BatchKit.json(dir.resolve("grading/summary.json")).path("gradedAt").asText());
        assertRow(moodle, 0, "100001", score("Ada_Lovelace_100001") + 0.0, gradedAt);
        assertRow(moodle, 3, "100002", score("Grace_Hopper_100002") + 0.0, gradedAt);
        assertRow(moodle, 5, "100007", score("linus_example.edu") + 0.0, gradedAt);
        assertRow(moodle, 6, "100008", score("Margaret_Hamilton") + 0.0, gradedAt);
        // rows without a graded submission stay as downloaded: Barbara (none), Edsger (not gradable), Ken (unmatched)
        List<String> was = new String(downloaded, StandardCharsets.UTF_8).lines().toList();
        List<String> now = Files.readString(filled).lines().toList();
        assertThat(List.of(now.get(0), now.get(2), now.get(3), now.get(5))).isEqualTo(List.of(was.get(0), was.get(2), was.get(3), was.get(5)));
        assertThat(moodle.path("rows").get(1).path("grade").isNull()).isTrue();

        JsonNode summary = BatchKit.json(dir.resolve("grading/summary.json"));
        assertThat(summary.path("moodle").path("filled").asInt()).isEqualTo(4);
        assertThat(summary.path("moodle").path("replaced").get(0).path("grade").asText()).isEqualTo("55.00 → " + score("Grace_Hopper_100002") + ".00");
        assertThat(summary.path("moodle").path("language").asText()).isEqualTo("en");
        JsonNode students = summary.path("students");
        assertThat(students.findValues("moodle")).extracting(m -> m.path("status").asText())
                .containsExactly("unmatched", "filled", "not-graded", "filled", "unmatched", "filled", "filled");
        assertThat(students.get(0).path("moodle").path("reason").asText()).isEqualTo("no worksheet row has the full name \"=cmd|' -C calc'!A0evil\"");
        Document overview = Jsoup.parse(BatchKit.read(dir.resolve("grading/overview.html")));
        assertThat(overview.select("table#moodle-unmatched tbody tr")).extracting(e -> e.child(0).text())
                .containsExactly("=cmd|' -C calc'!A0evil", "ken-lab-repo");

        List<String> imports = Files.readString(dir.resolve("grading/gradebook-import.csv")).lines().toList();
        assertThat(imports.get(0)).isEqualTo("\uFEFFEmail address,Grade,Feedback comments");
        assertThat(imports.subList(1, imports.size())).extracting(l -> l.substring(0, l.indexOf(',')))
                .containsExactly("ada.lovelace@example.edu", "grace.hopper@example.edu", "linus@example.edu", "m.hamilton@example.edu");
        assertThat(imports.get(1)).startsWith("ada.lovelace@example.edu," + score("Ada_Lovelace_100001") + ".00,\"<p><strong>");
    }

    @Test
    @DisplayName("German worksheet: grades on its own maximum (10,00) with a decimal comma, read back exactly by the import replayed in PHP")
    void german() throws Exception {
        theSamples();
        Files.copy(MoodleWorksheetTest.DE, dir.resolve(DE_NAME));
        Commands.Result r = new Labgrader(dir).run("grade", "submissions", "--moodle-worksheet", DE_NAME, "--lang", "de", "--out", "noten");
        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.stdout()).contains("Moodle-Bewertungstabelle: 4 von 7 Zeilen ausgefüllt in noten/" + DE_NAME,
                "Ohne Zeile in der Bewertungstabelle (2):",
                "  ? ken-lab-repo: keine Zeile der Bewertungstabelle hat den vollständigen Namen \"ken-lab-repo\"");

        Path filled = dir.resolve("noten").resolve(DE_NAME);
        assertThat(Files.readAllBytes(filled)[0]).as("no byte order mark, as downloaded").isEqualTo((byte) 'I');
        int ada = BatchKit.json(dir.resolve("noten/students/Ada_Lovelace_100001/report.json")).path("score").asInt();
        String adaRow = Files.readString(filled).lines().skip(1).findFirst().orElseThrow();
        assertThat(adaRow).startsWith("Teilnehmer/in100001,\"Ada Lovelace\",ada.lovelace@example.edu,\"Zur Bewertung abgegeben\",\""
                + String.format("%d,%02d", ada / 10, ada % 10 * 10) + "\",\"10,00\",Ja,");
        JsonNode moodle = readLikeMoodle(filled, ",", MoodleLanguage.DE);
        Instant gradedAt = Instant.parse(BatchKit.json(dir.resolve("noten/summary.json")).path("gradedAt").asText());
        assertRow(moodle, 0, "100001", ada / 10.0, gradedAt);
    }

    @Test
    @DisplayName("a worksheet in another language, a missing file or an --out that would replace it: exit 2, the reason, nothing written")
    void refused() throws Exception {
        theSamples();
        Files.writeString(dir.resolve("Notes.csv"), "\uFEFFIdentifiant,\"Nom complet\",Note,\"Note maximale\",\"Dernière modification (note)\"\n");
        Labgrader lg = new Labgrader(dir);
        Commands.Result french = lg.run("grade", "submissions", "--moodle-worksheet", "Notes.csv");
        assertThat(french.exitCode()).isEqualTo(2);
        assertThat(french.stderr()).contains("labgrader: --moodle-worksheet Notes.csv: not a Moodle grading worksheet in English or German:"
                + " no column \"Identifier\", \"Grade\", \"Last modified (grade)\"").doesNotContain("Exception");
        Commands.Result missing = lg.run("grade", "submissions", "--moodle-worksheet", "nothing.csv");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.stderr()).contains("nothing.csv: no such file");
        Files.copy(MoodleWorksheetTest.EN, dir.resolve(EN_NAME));
        Commands.Result replace = lg.run("grade", "submissions", "--moodle-worksheet", EN_NAME, "--out", ".");
        assertThat(replace.exitCode()).isEqualTo(2);
        assertThat(replace.stderr()).contains("the filled worksheet would replace it");
        assertThat(lg.run("grade", "submissions", "--max-grade", "0").exitCode()).isEqualTo(2);
        assertThat(dir.resolve("grading")).doesNotExist();
        assertThat(dir.resolve("students")).doesNotExist();
    }

    @Test
    @DisplayName("without a worksheet: gradebook.csv scaled by --max-grade, only rows Moodle can match; the others named in the console")
    void maxGradeWithoutWorksheet() throws Exception {
        theSamples();
        Commands.Result r = new Labgrader(dir).run("grade", "submissions", "--max-grade", "10", "--lang", "en");
        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.stdout()).contains("gradebook.csv: 4 submissions Moodle cannot match (no participant id):", "  ? linus@example.edu: no Moodle participant id");
        List<String> rows = Files.readString(dir.resolve("grading/gradebook.csv")).lines().toList();
        assertThat(rows).hasSize(3);
        int ada = score("Ada_Lovelace_100001");
        assertThat(rows.get(1)).startsWith("Participant 100001,Ada Lovelace," + new java.math.BigDecimal(ada).movePointLeft(1).stripTrailingZeros().toPlainString() + ",10,");
        assertThat(BatchKit.json(dir.resolve("grading/summary.json")).path("moodle").path("importable").asInt()).isEqualTo(2);
    }

    private static void assertRow(JsonNode moodle, int row, String id, double grade, Instant gradedAt) {
        JsonNode r = moodle.path("rows").get(row);
        assertThat(r.path("id").asText()).isEqualTo(id);
        assertThat(r.path("grade").asDouble()).isEqualTo(grade);
        assertThat(r.path("modified").asLong()).as("strtotime reads the grading time, in any server time zone").isEqualTo(gradedAt.getEpochSecond());
        // not stale: a grade Moodle had when the worksheet was downloaded is older than modified + 60
        assertThat(gradedAt.minusSeconds(1).getEpochSecond() > r.path("modified").asLong() + 60).isFalse();
    }

    private JsonNode readLikeMoodle(Path worksheet, String separator, MoodleLanguage lang) throws Exception {
        Commands.Result php = Commands.run(dir, Map.of(), Duration.ofSeconds(30), List.of("php",
                Path.of("src/test/resources/moodle/read-like-moodle.php").toAbsolutePath().toString(), worksheet.toString(),
                separator, lang.recordid(), lang.grade(), lang.modified(), lang.hiddenuser(), String.valueOf(lang.decimal()),
                "Pacific/Auckland"));
        assertThat(php.exitCode()).as(php.all()).isZero();
        return new ObjectMapper().readTree(php.stdout());
    }
}
