package io.labgrader.batch;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Who a submission belongs to comes from the submissions folder's layout, never from the evidence. */
class SubmissionFinderTest {

    @TempDir
    Path root;

    private SubmissionFinder.Found find() throws Exception {
        return SubmissionFinder.find(root, Set.of());
    }

    @Test
    @DisplayName("every layout: folder, zip, Moodle folder, Moodle file without folders, cloned repository")
    void layouts() throws Exception {
        Files.createDirectories(root.resolve("alice"));
        Files.writeString(root.resolve("bob.zip"), "zip");
        Files.createDirectories(root.resolve("Ada Lovelace_100001_assignsubmission_file_"));
        Files.writeString(root.resolve("Grace Hopper_100002_assignsubmission_file_evidence.zip"), "zip");
        Files.createDirectories(root.resolve("ken-lab-repo/evidence"));

        SubmissionFinder.Found found = find();

        assertThat(found.submissions()).extracting(Submission::key, Submission::name, Submission::participantId,
                Submission::source, Submission::folder).containsExactly(
                tuple("moodle:100001", "Ada Lovelace", "100001", "Ada Lovelace_100001_assignsubmission_file_", "Ada_Lovelace_100001"),
                tuple("name:alice", "alice", null, "alice", "alice"),
                tuple("name:bob", "bob", null, "bob.zip", "bob"),
                tuple("moodle:100002", "Grace Hopper", "100002", "Grace Hopper_100002_assignsubmission_file_evidence.zip", "Grace_Hopper_100002"),
                tuple("name:ken-lab-repo", "ken-lab-repo", null, "ken-lab-repo", "ken-lab-repo"));
        assertThat(found.submissions()).extracting(Submission::index).containsExactly(0, 1, 2, 3, 4);
        assertThat(found.submissions().get(0).identifier()).isEqualTo("Participant 100001");
        assertThat(found.submissions().get(0).label()).isEqualTo("Ada Lovelace (100001)");
        assertThat(found.submissions().get(1).identifier()).isEqualTo("alice");
        assertThat(found.ignored()).isEmpty();
    }

    @Test
    @DisplayName("hidden entries, dot-folders, __MACOSX, Moodle online text and loose files are no submissions; each is named with its reason")
    void ignored() throws Exception {
        Files.createDirectories(root.resolve(".git"));
        Files.createDirectories(root.resolve(".Erika Muster_100009_assignsubmission_file_"));
        Files.createDirectories(root.resolve("__MACOSX"));
        Files.writeString(root.resolve(".DS_Store"), "x");
        Files.createDirectories(root.resolve("Ada Lovelace_100001_assignsubmission_onlinetext_"));
        Files.writeString(root.resolve("README.md"), "# notes");
        Files.createDirectories(root.resolve("alice"));

        SubmissionFinder.Found found = find();

        assertThat(found.submissions()).extracting(Submission::name).containsExactly("alice");
        assertThat(found.ignored()).containsExactly(
                ".DS_Store: hidden (the name starts with \".\"); rename it if it is a submission",
                ".Erika Muster_100009_assignsubmission_file_: hidden (the name starts with \".\"); rename it if it is a submission",
                ".git: hidden (the name starts with \".\"); rename it if it is a submission",
                "Ada Lovelace_100001_assignsubmission_onlinetext_: Moodle onlinetext submission, not files",
                "README.md: not a folder or zip",
                "__MACOSX: macOS metadata, not a submission");
    }

    @Test
    @DisplayName("the reasons for skipped entries in German")
    void ignoredInGerman() throws Exception {
        Files.createDirectories(root.resolve(".hidden-student"));
        Files.createDirectories(root.resolve("__MACOSX"));
        Files.createDirectories(root.resolve("Ada Lovelace_100001_assignsubmission_onlinetext_"));
        Files.writeString(root.resolve("README.md"), "# notes");

        assertThat(SubmissionFinder.find(root, Set.of(), io.labgrader.rubric.LocalizedText.Language.DE).ignored()).containsExactly(
                ".hidden-student: versteckt (der Name beginnt mit \".\"); benennen Sie es um, wenn es eine Abgabe ist",
                "Ada Lovelace_100001_assignsubmission_onlinetext_: Moodle-Abgabe vom Typ onlinetext, keine Dateien",
                "README.md: weder Ordner noch Zip-Datei",
                "__MACOSX: Metadaten von macOS, keine Abgabe");
    }

    @Test
    @DisplayName("the same student twice (folder and zip, or one participant id twice) is one submission with duplicates")
    void duplicates() throws Exception {
        Files.createDirectories(root.resolve("alice"));
        Files.writeString(root.resolve("alice.zip"), "zip");
        Files.createDirectories(root.resolve("Ada Lovelace_100001_assignsubmission_file_"));
        Files.writeString(root.resolve("Ada Lovelace_100001_assignsubmission_file_evidence.zip"), "zip");

        SubmissionFinder.Found found = find();

        assertThat(found.submissions()).extracting(Submission::name, Submission::source, Submission::duplicates).containsExactly(
                tuple("Ada Lovelace", "Ada Lovelace_100001_assignsubmission_file_", java.util.List.of("Ada Lovelace_100001_assignsubmission_file_evidence.zip")),
                tuple("alice", "alice", java.util.List.of("alice.zip")));
    }

    @Test
    @DisplayName("output folders are safe names, unique even where names differ only in punctuation or case")
    void folders() throws Exception {
        Files.createDirectories(root.resolve("a b"));
        Files.createDirectories(root.resolve("a_b"));
        Files.createDirectories(root.resolve("A_B "));
        Files.createDirectories(root.resolve("<img src=x onerror=alert(1)>"));
        Files.createDirectories(root.resolve("Jürgen Müller_7_assignsubmission_file_"));

        assertThat(find().submissions()).extracting(Submission::folder)
                .containsExactly("img_src_x_onerror_alert_1", "a_b", "a_b-2", "A_B-3", "Jürgen_Müller_7");
        assertThat(SubmissionFinder.safeName("...")).isEqualTo("student");
        assertThat(SubmissionFinder.safeName("../../etc")).isEqualTo("etc");
        assertThat(SubmissionFinder.safeName("x".repeat(100))).hasSize(64);
    }

    @Test
    @DisplayName("the output folder inside the submissions folder is not a submission")
    void outputInside() throws Exception {
        Files.createDirectories(root.resolve("alice"));
        Files.createDirectories(root.resolve("grading/students"));

        SubmissionFinder.Found found = SubmissionFinder.find(root, Set.of(root.resolve("grading")));
        assertThat(found.submissions()).extracting(Submission::name).containsExactly("alice");
        assertThat(found.ignored()).containsExactly("grading: this run's output folder");
    }
}
