package io.labgrader.batch;

import io.labgrader.grading.Grading;
import io.labgrader.rubric.LocalizedText.Language;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Moodle's "download all submissions" zip, built here as Moodle builds it: one top-level folder per student named
 * "fullname_participantid_assignsubmission_file_" (mod/assign/feedback/file/… and mod/assign/locallib.php's
 * download_submissions: prefix = fullname . "_" . participantid . "_" , then the plugin's "assignsubmission_file_"),
 * or, without folders, one file per upload with that prefix. One student's bomb or dangerous name refuses that
 * student only; the rest of the class is graded.
 */
class ClassZipTest {

    private static final String ADA = "Ada Lovelace_100001_assignsubmission_file_";
    private static final String GRACE = "Grace Hopper_100002_assignsubmission_file_";
    private static final String BOMB = "Bob Bomb_100003_assignsubmission_file_";
    private static final String EVE = "Eve Escape_100004_assignsubmission_file_";
    private static final String ZED = "Zed Zipper_100005_assignsubmission_file_lab.zip";
    private static final String TWICE = "Tom Twice_100006_assignsubmission_file_";

    @TempDir
    Path tmp;

    /** A class zip: two good students, a bomb, a "../" inside a student's folder, a bomb as a top-level file, a name
     * given twice, and dangerous names and macOS metadata outside every student's folder. */
    private Path classZip() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(ADA + "/evidence.zip", Files.readAllBytes(BatchKit.zip(BatchKit.PERFECT, tmp.resolve("ada.zip"), "evidence/")));
        for (String f : BatchKit.files(BatchKit.WRONG_PORT)) {
            entries.put(GRACE + "/evidence/" + f, Files.readAllBytes(BatchKit.WRONG_PORT.resolve(f)));
        }
        for (String f : BatchKit.files(BatchKit.PERFECT)) {
            entries.put(BOMB + "/evidence/" + f, Files.readAllBytes(BatchKit.PERFECT.resolve(f)));
            entries.put(EVE + "/evidence/" + f, Files.readAllBytes(BatchKit.PERFECT.resolve(f)));
            entries.put(TWICE + "/evidence/" + f, Files.readAllBytes(BatchKit.PERFECT.resolve(f)));
        }
        entries.put(BOMB + "/evidence/raw/zeros.bin", new byte[30 * 1024 * 1024]);   // zeros pack about 1000:1
        entries.put(EVE + "/../../outside.txt", "owned".getBytes(StandardCharsets.UTF_8));
        entries.put(ZED, new byte[20 * 1024 * 1024]);
        entries.put(TWICE + "/EVIDENCE/journal.jsonl", "{}".getBytes(StandardCharsets.UTF_8));
        entries.put("../outside.txt", "owned".getBytes(StandardCharsets.UTF_8));
        entries.put("/tmp/labgrader-classzip-outside.txt", "owned".getBytes(StandardCharsets.UTF_8));
        entries.put("__MACOSX/" + ADA + "/._evidence.zip", new byte[10]);
        return BatchKit.zipEntries(tmp.resolve("LAB-Docker vs VM-123.zip"), entries);
    }

    private BatchResult grade(Path zip, Language language) {
        return BatchKit.grade(new BatchGrader(BatchKit.rubric(), new BatchGrader.Settings(zip, tmp.resolve("grading"), 2,
                language, Limits.DEFAULT, Clock.fixed(BatchKit.T1, ZoneOffset.UTC))), new BatchGrader.Listener() {
        });
    }

    private Map<String, String> outcomes() {
        Map<String, String> seen = new LinkedHashMap<>();
        BatchKit.students(tmp.resolve("grading")).forEach(s -> seen.put(s.name(), s.gradable() ? "GRADED " + s.score() : s.reason()));
        return seen;
    }

    private static int score(Path bundle) {
        return Grading.grade(BatchKit.rubric(), bundle, Language.EN, Clock.fixed(BatchKit.T1, ZoneOffset.UTC)).score();
    }

    @Test
    @DisplayName("a class zip with a bomb, \"../\" and a name given twice: those students not graded with their reason, "
            + "the rest graded, dangerous entries outside the students skipped and listed (English)")
    void perStudentEnglish() throws Exception {
        BatchResult result = grade(classZip(), Language.EN);

        assertThat(outcomes()).containsExactly(
                Map.entry("Ada Lovelace", "GRADED " + score(BatchKit.PERFECT)),
                Map.entry("Bob Bomb", BOMB + ": \"" + BOMB + "/evidence/raw/zeros.bin\" unpacks to more than 200 times its "
                        + "packed size (a zip bomb?)."),
                Map.entry("Eve Escape", EVE + " holds the path \"" + EVE + "/../../outside.txt\", which leads out of the "
                        + "submission's folder and is not unpacked for safety. Zip only the evidence/ folder."),
                Map.entry("Grace Hopper", "GRADED " + score(BatchKit.WRONG_PORT)),
                Map.entry("Tom Twice", TWICE + " holds \"" + TWICE + "/EVIDENCE/journal.jsonl\" twice; zip the evidence again."),
                Map.entry("Zed Zipper", ZED + ": \"" + ZED + "\" unpacks to more than 200 times its packed size (a zip bomb?)."));
        assertThat(result.graded()).isEqualTo(2);
        assertThat(result.notGradable()).isEqualTo(4);
        assertThat(result.ignored()).containsExactly(
                "\"../outside.txt\": lies outside every submission's folder (\"../\" or an absolute path); not unpacked",
                "\"/tmp/labgrader-classzip-outside.txt\": lies outside every submission's folder (\"../\" or an absolute path); not unpacked",
                "__MACOSX: macOS metadata, not a submission; not unpacked");
        assertThat(tmp.getParent().resolve("outside.txt")).doesNotExist();
        assertThat(tmp.resolve("outside.txt")).doesNotExist();
        assertThat(Path.of("/tmp/labgrader-classzip-outside.txt")).doesNotExist();
        try (Stream<Path> left = Files.list(tmp.resolve("grading"))) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".work-"));
        }
    }

    @Test
    @DisplayName("the same class zip in German: each refused student's reason in German")
    void perStudentGerman() throws Exception {
        BatchResult result = grade(classZip(), Language.DE);

        Map<String, String> seen = outcomes();
        assertThat(seen.get("Ada Lovelace")).isEqualTo("GRADED " + score(BatchKit.PERFECT));
        assertThat(seen.get("Bob Bomb")).isEqualTo(BOMB + ": \"" + BOMB + "/evidence/raw/zeros.bin\" entpackt sich auf mehr als "
                + "das 200-Fache seiner gepackten Größe (eine Zip-Bombe?).");
        assertThat(seen.get("Eve Escape")).startsWith(EVE + " enthält den Pfad \"" + EVE + "/../../outside.txt\", der aus dem "
                + "Ordner der Abgabe hinausführt;");
        assertThat(seen.get("Tom Twice")).isEqualTo(TWICE + " enthält \"" + TWICE + "/EVIDENCE/journal.jsonl\" zweimal; packen Sie die Nachweise neu.");
        assertThat(seen.get("Zed Zipper")).contains("Zip-Bombe");
        assertThat(result.graded()).isEqualTo(2);
        assertThat(result.ignored()).contains("__MACOSX: Metadaten von macOS, keine Abgabe; nicht entpackt",
                "\"../outside.txt\": liegt außerhalb jedes Ordners einer Abgabe (\"../\" oder ein absoluter Pfad); nicht entpackt");
    }

    @Test
    @DisplayName("one student's upload that packs better than the bomb ratio refuses that student only")
    void bombOnly() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (String f : BatchKit.files(BatchKit.PERFECT)) {
            entries.put(ADA + "/evidence/" + f, Files.readAllBytes(BatchKit.PERFECT.resolve(f)));
            entries.put(BOMB + "/evidence/" + f, Files.readAllBytes(BatchKit.PERFECT.resolve(f)));
        }
        entries.put(BOMB + "/evidence/raw/zeros.bin", new byte[30 * 1024 * 1024]);

        BatchResult result = grade(BatchKit.zipEntries(tmp.resolve("class.zip"), entries), Language.EN);

        assertThat(outcomes()).containsExactly(Map.entry("Ada Lovelace", "GRADED " + score(BatchKit.PERFECT)),
                Map.entry("Bob Bomb", BOMB + ": \"" + BOMB + "/evidence/raw/zeros.bin\" unpacks to more than 200 times its "
                        + "packed size (a zip bomb?)."));
        assertThat(result.graded()).isEqualTo(1);
    }

    @Test
    @DisplayName("what protects the machine stays whole-zip: more entries than the class may hold refuses the input")
    void classLimitsStayWhole() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < 150; i++) {
            entries.put("S" + i + "_" + (200 + i) + "_assignsubmission_file_/x.txt", new byte[1]);
        }
        Path zip = BatchKit.zipEntries(tmp.resolve("class.zip"), entries);
        Limits oneEntryEach = new Limits(64 * Limits.MIB, 1, 200);   // a class of them may hold 100 entries
        BatchGrader grader = new BatchGrader(BatchKit.rubric(), new BatchGrader.Settings(zip, tmp.resolve("grading"), 1,
                Language.EN, oneEntryEach, Clock.fixed(BatchKit.T1, ZoneOffset.UTC)));

        assertThatThrownBy(() -> grader.run(new BatchGrader.Listener() {
        })).isInstanceOf(BatchGrader.InputException.class).hasMessage("class.zip holds 150 entries, more than the 100 allowed.");
        assertThat(tmp.resolve("grading/students")).doesNotExist();
    }
}
