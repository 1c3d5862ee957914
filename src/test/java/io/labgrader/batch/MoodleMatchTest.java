package io.labgrader.batch;

import io.labgrader.rubric.LocalizedText.Language;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Submissions to worksheet rows, never guessed: participant id, else e-mail address, else the normalised full name. */
class MoodleMatchTest {

    @TempDir
    Path tmp;

    private static StudentResult student(int index, String name, String participantId) {
        Submission s = new Submission(index, participantId == null ? "name:" + name : "moodle:" + participantId, name,
                participantId, name, null, List.of(), "f" + index);
        return new StudentResult(s, true, 50, 100, List.of(), List.of(), "", List.of(), "<p>x</p>", name);
    }

    private Map<Integer, MoodleMatch.Result> match(List<StudentResult> students, Language language) throws Exception {
        Path file = Files.writeString(tmp.resolve("w.csv"), "\uFEFFIdentifier,\"Full name\",\"Email address\",Grade,\"Maximum Grade\",\"Last modified (grade)\"\n"
                + "\"Participant 1\",\"Jürgen Müller\",j.mueller@example.edu,,100.00,-\n"
                + "\"Participant 2\",\"Anna Schmidt\",anna.a@example.edu,,100.00,-\n"
                + "\"Participant 3\",\"Anna Schmidt\",anna.b@example.edu,,100.00,-\n"
                + "\"Participant 4\",\"Ｂｏｂ  Ｌｅｅ\",Bob.Lee@Example.edu,,100.00,-\n");
        MoodleWorksheet sheet = MoodleWorksheet.read(file);
        return MoodleMatch.of(sheet, each -> {
            for (StudentResult s : students) {
                each.accept(s);
            }
        }, language);
    }

    @Test
    @DisplayName("full names after NFKC normalisation, ignoring case and space runs; e-mail addresses ignoring case; ids first")
    void matches() throws Exception {
        String nfd = Normalizer.normalize("jürgen müller", Normalizer.Form.NFD);
        Map<Integer, MoodleMatch.Result> m = match(List.of(student(0, nfd, null), student(1, "bob lee", null),
                student(2, "ANNA.B@Example.EDU", null), student(3, "Somebody", "1"), student(4, "anna schmidt", null),
                student(5, "Nobody", null)), Language.EN);
        assertThat(m.get(1).entry()).as("fullwidth letters and two spaces (NFKC)").isEqualTo(3);
        assertThat(m.get(2).entry()).as("e-mail address, though two rows have her name").isEqualTo(2);
        assertThat(m.get(0).matched()).as("row 1 is claimed by the name and by participant id 1").isFalse();
        assertThat(m.get(3).reason()).isEqualTo("the worksheet row Participant 1 matches 2 submissions (" + nfd + ", Somebody (1)); none is filled in");
        assertThat(m.get(0).ambiguous()).isTrue();
        assertThat(m.get(4).reason()).isEqualTo("2 worksheet rows have the full name \"anna schmidt\" (Participant 2, Participant 3)");
        assertThat(m.get(5).reason()).isEqualTo("no worksheet row has the full name \"Nobody\"");
        assertThat(m.get(5).ambiguous()).isFalse();
    }

    @Test
    @DisplayName("reasons in German with --lang de")
    void german() throws Exception {
        Map<Integer, MoodleMatch.Result> m = match(List.of(student(0, "x@example.edu", null), student(1, "Carol", "9")), Language.DE);
        assertThat(m.get(0).reason()).isEqualTo("keine Zeile der Bewertungstabelle hat die E-Mail-Adresse \"x@example.edu\"");
        assertThat(m.get(1).reason()).isEqualTo("keine Zeile der Bewertungstabelle hat die Teilnehmer-ID 9");
    }
}
