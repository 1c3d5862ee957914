package io.labgrader.batch;

import com.fasterxml.jackson.databind.JsonNode;
import io.labgrader.grading.CriterionResult;
import io.labgrader.grading.GradeResult;
import io.labgrader.grading.Grading;
import io.labgrader.grading.Outcome;
import io.labgrader.grading.SuiteRunner;
import io.labgrader.rubric.LocalizedText.Language;
import io.labgrader.testing.Trees;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** A whole class graded from real evidence bundles in every layout, with what goes wrong in real classes. */
class BatchGraderTest {

    @TempDir
    Path tmp;

    private Path root() throws Exception {
        return Files.createDirectories(tmp.resolve("submissions"));
    }

    private Path out() {
        return tmp.resolve("grading");
    }

    /** The score a single `labgrader grade` gives the bundle. */
    private static GradeResult single(Path bundle) {
        return Grading.grade(BatchKit.rubric(), bundle, Language.EN, Clock.fixed(BatchKit.T1, ZoneOffset.UTC));
    }

    @Test
    @DisplayName("every layout is graded exactly as `labgrader grade` grades the bundle alone, with all four student reports")
    void layouts() throws Exception {
        Path root = root();
        Trees.copy(BatchKit.PERFECT, root.resolve("alice"));
        BatchKit.zip(BatchKit.WRONG_PORT, root.resolve("bob.zip"), "evidence/");
        BatchKit.zip(BatchKit.PERFECT, root.resolve("Ada Lovelace_100001_assignsubmission_file_/evidence.zip"), "evidence/");
        Trees.copy(BatchKit.WRONG_PORT, root.resolve("Grace Hopper_100002_assignsubmission_file_/evidence"));
        BatchKit.zip(BatchKit.PERFECT, root.resolve("Linus Torvalds_100003_assignsubmission_file_lab.zip"), "lab-main/evidence/");
        Trees.copy(BatchKit.WRONG_PORT, root.resolve("ken-lab-repo/evidence"));
        Files.writeString(root.resolve("ken-lab-repo/README.md"), "# my lab\n");

        BatchResult result = BatchKit.grade(root, out());

        int perfect = single(BatchKit.PERFECT).score();
        int wrongPort = single(BatchKit.WRONG_PORT).score();
        assertThat(perfect).isGreaterThan(wrongPort);
        assertThat(BatchKit.students(out())).extracting(BatchKit.Seen::label, BatchKit.Seen::gradable, BatchKit.Seen::score,
                BatchKit.Seen::evidence).containsExactly(
                tuple("Ada Lovelace (100001)", true, perfect, "Ada Lovelace_100001_assignsubmission_file_/evidence.zip!/evidence"),
                tuple("alice", true, perfect, "alice"),
                tuple("bob", true, wrongPort, "bob.zip!/evidence"),
                tuple("Grace Hopper (100002)", true, wrongPort, "Grace Hopper_100002_assignsubmission_file_/evidence"),
                tuple("ken-lab-repo", true, wrongPort, "ken-lab-repo/evidence"),
                tuple("Linus Torvalds (100003)", true, perfect, "Linus Torvalds_100003_assignsubmission_file_lab.zip!/lab-main/evidence"));
        assertThat(result.graded()).isEqualTo(6);
        assertThat(result.interrupted()).isFalse();
        for (BatchKit.Seen s : BatchKit.students(out())) {
            Path dir = out().resolve(s.folder());
            assertThat(BatchKit.files(dir)).containsExactly("TEST-labgrader.xml", "report.json", "report.md", "results.json");
            JsonNode report = BatchKit.json(dir.resolve("report.json"));
            assertThat(report.path("score").asInt()).isEqualTo(s.score());
            assertThat(report.path("evidence").asText()).isEqualTo(s.evidence());
            assertThat(report.path("gradedAt").asText()).isEqualTo("2026-11-28T10:00:00Z");
        }
        // the very report `labgrader grade alice` writes, VMs found and all, apart from where the evidence was
        assertThat(BatchKit.read(out().resolve("students/alice/report.json"))).isEqualTo(new io.labgrader.report.JsonReport()
                .render(BatchKit.named(StudentGrades.normalise(single(BatchKit.PERFECT), BatchKit.T1), "alice"), Language.EN));
        assertThat(BatchKit.read(out().resolve("students/alice/report.md"))).isEqualTo(new io.labgrader.report.MarkdownReport()
                .render(BatchKit.named(StudentGrades.normalise(single(BatchKit.PERFECT), BatchKit.T1), "alice"), Language.EN));
        assertThat(BatchKit.read(out().resolve("students/alice/report.md"))).contains("ubuntu-lab-");
        // outcomes and messages too, not only the score
        GradeResult alone = single(BatchKit.WRONG_PORT);
        JsonNode bob = BatchKit.json(out().resolve("students/bob/report.json"));
        for (int i = 0; i < alone.criteria().size(); i++) {
            CriterionResult c = alone.criteria().get(i);
            assertThat(bob.path("criteria").get(i).path("outcome").asText()).as(c.id()).isEqualTo(c.outcome().name());
            assertThat(bob.path("criteria").get(i).path("message").asText()).as(c.id()).isEqualTo(c.message().en().strip());
        }
        assertThat(BatchKit.files(out())).contains("gradebook.csv", "overview.html", "summary.json")
                .noneMatch(f -> f.contains(".work-") || f.endsWith(".tmp"));
    }

    @Test
    @DisplayName("empty, truncated, not JSON, huge, zip bomb, ../ and absolute paths, links out, special files, duplicates: "
            + "each not gradable with its reason, the others graded, nothing written outside the output folder")
    void robustness() throws Exception {
        Path root = root();
        Trees.copy(BatchKit.PERFECT, root.resolve("a-good"));
        Files.createDirectories(root.resolve("b-empty-folder"));
        Files.createFile(root.resolve("c-empty.zip"));
        Path truncated = Trees.copy(BatchKit.PERFECT, root.resolve("d-truncated"));
        byte[] journal = Files.readAllBytes(truncated.resolve("journal.jsonl"));
        Files.write(truncated.resolve("journal.jsonl"), java.util.Arrays.copyOf(journal, journal.length / 3));
        Path notJson = Trees.copy(BatchKit.PERFECT, root.resolve("e-not-json"));
        Files.writeString(notJson.resolve("journal.jsonl"), "<html>this is not JSON</html>\n");
        BatchKit.zipEntries(root.resolve("f-bomb.zip"), Map.of("evidence/journal.jsonl", new byte[30 * 1024 * 1024]));
        BatchKit.zipEntries(root.resolve("g-traversal.zip"), Map.of("evidence/journal.jsonl", "{}".getBytes(StandardCharsets.UTF_8),
                "../../outside.txt", "owned".getBytes(StandardCharsets.UTF_8)));
        BatchKit.zipEntries(root.resolve("h-absolute.zip"), Map.of("/tmp/outside.txt", "owned".getBytes(StandardCharsets.UTF_8)));
        Path linked = Trees.copy(BatchKit.PERFECT, root.resolve("i-link-out"));
        Files.createSymbolicLink(linked.resolve("raw/secret.txt"), Path.of("/etc/passwd"));
        Files.createSymbolicLink(root.resolve("j-link-to-elsewhere"), BatchKit.PERFECT.toAbsolutePath());
        Path huge = Trees.copy(BatchKit.PERFECT, root.resolve("k-huge"));
        Files.write(huge.resolve("raw/big.bin"), new byte[3 * 1024 * 1024]);
        Trees.copy(BatchKit.PERFECT, root.resolve("l-twice"));
        BatchKit.zip(BatchKit.WRONG_PORT, root.resolve("l-twice.zip"), "evidence/");
        Path fifo = Trees.copy(BatchKit.PERFECT, root.resolve("m-fifo"));
        new ProcessBuilder("mkfifo", fifo.resolve("raw/pipe").toString()).start().waitFor();
        Path two = root.resolve("n-two-bundles.zip");
        Map<String, byte[]> both = new java.util.LinkedHashMap<>();
        for (String f : BatchKit.files(BatchKit.PERFECT)) {
            both.put("one/" + f, Files.readAllBytes(BatchKit.PERFECT.resolve(f)));
            both.put("two/" + f, Files.readAllBytes(BatchKit.PERFECT.resolve(f)));
        }
        BatchKit.zipEntries(two, both);
        Files.writeString(root.resolve("o-no-evidence.zip.txt"), "not a zip name");
        BatchKit.zipEntries(root.resolve("p-no-journal.zip"), Map.of("homework.docx", new byte[10]));
        List<String> before = outsideListing();

        BatchResult result = BatchKit.grade(root, out(), 2, BatchKit.T1, Limits.DEFAULT.withMaxBytes(2 * Limits.MIB));

        assertThat(outsideListing()).isEqualTo(before);
        assertThat(tmp.getParent().resolve("outside.txt")).doesNotExist();
        assertThat(Path.of("/tmp/outside.txt")).doesNotExist();
        Map<String, String> reasons = new java.util.LinkedHashMap<>();
        BatchKit.students(out()).forEach(s -> reasons.put(s.name(), s.gradable() ? "GRADED " + s.score() : s.reason()));
        assertThat(reasons).containsEntry("a-good", "GRADED " + single(BatchKit.PERFECT).score())
                .containsEntry("b-empty-folder", "b-empty-folder is empty: no evidence. Run \"labgrader check\" and submit the evidence/ folder.")
                .containsEntry("c-empty", "c-empty.zip is empty (0 bytes). Upload the zip with your evidence again.")
                .containsEntry("f-bomb", "f-bomb.zip is larger than 2 MiB (unpacked); a lab's evidence is a few MiB. Submit only the evidence/ folder.")
                .containsEntry("g-traversal", "g-traversal.zip holds the path \"../../outside.txt\", which leads out of the submission's folder and is not unpacked for safety. Zip only the evidence/ folder.")
                .containsEntry("h-absolute", "h-absolute.zip holds the absolute path \"/tmp/outside.txt\", which is not unpacked for safety. Zip only the evidence/ folder.")
                .containsEntry("i-link-out", "i-link-out/raw/secret.txt is a symbolic link that leads out of the submission and is not read for safety. Submit the files themselves, not links to them.")
                .containsEntry("j-link-to-elsewhere", "j-link-to-elsewhere is a symbolic link that leads out of the submission and is not read for safety. Submit the files themselves, not links to them.")
                .containsEntry("k-huge", "k-huge is larger than 2 MiB (unpacked); a lab's evidence is a few MiB. Submit only the evidence/ folder.")
                .containsEntry("l-twice", "There are several submissions for l-twice: \"l-twice\" and \"l-twice.zip\". Which one counts is ambiguous; keep one of them and grade again.")
                .containsEntry("m-fifo", "m-fifo/raw/pipe is not a regular file (a device, pipe or socket).")
                .containsEntry("n-two-bundles", "n-two-bundles.zip holds several evidence folders (\"n-two-bundles.zip!/one\", \"n-two-bundles.zip!/two\"). Which one counts is ambiguous; submit exactly one evidence/ folder.")
                .containsEntry("p-no-journal", "p-no-journal.zip holds no labgrader evidence (no journal.jsonl; found: homework.docx). Run \"labgrader check\" and submit the evidence/ folder.");
        assertThat(reasons.get("d-truncated")).startsWith("The evidence could not be read: d-truncated/journal.jsonl:")
                .contains(": not a valid observation: ");
        assertThat(reasons.get("e-not-json")).startsWith("The evidence could not be read: e-not-json/journal.jsonl:1: not a valid observation:");
        assertThat(result.ignored()).containsExactly("o-no-evidence.zip.txt: not a folder or zip");
        assertThat(result.graded()).isEqualTo(1);
        assertThat(result.notGradable()).isEqualTo(14);

        // every student, graded or not, has reports that say why
        for (BatchKit.Seen s : BatchKit.students(out())) {
            JsonNode report = BatchKit.json(out().resolve(s.folder()).resolve("report.json"));
            if (!s.gradable()) {
                assertThat(report.path("criteria")).allSatisfy(c -> assertThat(c.path("outcome").asText()).isEqualTo("NOT_GRADABLE"));
                assertThat(report.path("criteria").get(0).path("message").asText()).isEqualTo(s.reason());
                assertThat(BatchKit.json(out().resolve(s.folder()).resolve("results.json")).path("score").asInt()).isZero();
            }
        }
        // a truncated journal was changed after its manifest was written
        assertThat(BatchKit.student(out(), "d-truncated").flags()).extracting(Flag::kind).containsExactly(Flag.Kind.MODIFIED);
        // a-good is graded but has no Moodle participant id: no gradebook row Moodle could not match, and summary.json says why
        assertThat(BatchKit.read(out().resolve("gradebook.csv")).lines().count()).isEqualTo(1);
        assertThat(BatchKit.json(out().resolve("summary.json")).path("students").get(0).path("moodle").path("status").asText())
                .isEqualTo("not-importable");
    }

    /** Everything in the test's folder except the output folder (the folder above is shared with other processes). */
    private List<String> outsideListing() throws Exception {
        List<String> names = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(tmp)) {
            walk.filter(p -> !p.startsWith(out())).forEach(p -> names.add(tmp.relativize(p) + " " + p.toFile().length()));
        }
        names.sort(null);
        return names;
    }

    @Test
    @DisplayName("flags: a shared container/daemon/VM/MAC, a changed file, no live observation; scores unchanged")
    void flags() throws Exception {
        Path root = root();
        Trees.copy(BatchKit.PERFECT, root.resolve("Ada Lovelace_100001_assignsubmission_file_/evidence"));
        BatchKit.zip(BatchKit.PERFECT, root.resolve("Bob Copy_100002_assignsubmission_file_/evidence.zip"), "evidence/");
        Path changed = Trees.copy(BatchKit.WRONG_PORT, root.resolve("carol"));
        try (Stream<Path> raw = Files.list(changed.resolve("raw"))) {
            Path any = raw.filter(p -> p.toString().endsWith(".json")).sorted().findFirst().orElseThrow();
            Files.writeString(any, Files.readString(any).replace("\"", "'"));
        }
        Path replay = Trees.copy(BatchKit.WRONG_PORT, root.resolve("dave"));
        BatchKit.editJournal(replay, j -> j.replace("\"source\":\"check\"", "\"source\":\"replay\"")
                .replace("\"source\":\"watch\"", "\"source\":\"replay\""));

        BatchResult result = BatchKit.grade(root, out());

        BatchKit.Seen ada = BatchKit.student(out(), "Ada Lovelace");
        BatchKit.Seen bob = BatchKit.student(out(), "Bob Copy");
        Flag withBob = ada.flags().stream().filter(f -> f.others().equals(List.of("moodle:100002"))).findFirst().orElseThrow();
        assertThat(withBob.kind()).isEqualTo(Flag.Kind.COLLUSION);
        assertThat(withBob.detail().en()).startsWith("Same container IDs ")
                .contains(" Docker daemon ID ", " VM UUID ", " MAC address ")
                .endsWith(" as in the evidence of Bob Copy (100002).");
        assertThat(bob.flags()).anySatisfy(f -> assertThat(f.others()).containsExactly("moodle:100001"));
        assertThat(ada.score()).isEqualTo(bob.score()).isEqualTo(single(BatchKit.PERFECT).score());
        // all four bundles were recorded on one machine: the same Docker daemon, "the same computer?"
        assertThat(ada.flags()).anySatisfy(f -> assertThat(f.detail().en())
                .isEqualTo("Same Docker daemon ID " + daemonShort() + " as in the evidence of carol (the same computer?)."));

        BatchKit.Seen carol = BatchKit.student(out(), "carol");
        assertThat(carol.flags()).extracting(Flag::kind).contains(Flag.Kind.MODIFIED, Flag.Kind.COLLUSION);
        assertThat(carol.flags().stream().filter(f -> f.kind() == Flag.Kind.MODIFIED).findFirst().orElseThrow().detail().en())
                .matches("raw/.*\\.json was changed \\(SHA-256 differs\\)");
        BatchKit.Seen dave = BatchKit.student(out(), "dave");
        assertThat(dave.flags()).extracting(Flag::kind).contains(Flag.Kind.NO_LIVE).doesNotContain(Flag.Kind.MODIFIED);
        assertThat(dave.flags().stream().filter(f -> f.kind() == Flag.Kind.NO_LIVE).findFirst().orElseThrow().detail().en())
                .matches("No observation from \"labgrader check\" or \"watch\"; sources: replay \\(\\d+\\)\\.");
        assertThat(dave.flags()).anySatisfy(f -> assertThat(f.detail().en()).startsWith("Same container ID")
                .endsWith(" as in the evidence of carol."));
        assertThat(carol.score()).isEqualTo(dave.score()).isEqualTo(single(BatchKit.WRONG_PORT).score());

        JsonNode summary = BatchKit.json(out().resolve("summary.json"));
        assertThat(summary.path("counts").path("flagged").asInt()).isEqualTo(4);
        assertThat(summary.path("students").get(0).path("flags").get(0).path("kind").asText()).isEqualTo("collusion");
    }

    private static String daemonShort() {
        String id = BatchKit.json(BatchKit.WRONG_PORT.resolve("manifest.json")).path("host").path("dockerDaemonId").asText();
        return id.length() > 24 ? id.substring(0, 24) + "…" : id;
    }

    @Test
    @DisplayName("a rerun writes byte-identical files apart from the one timestamp, whatever the number of threads")
    void deterministic() throws Exception {
        Path root = root();
        for (int i = 0; i < 12; i++) {
            Path bundle = i % 2 == 0 ? BatchKit.PERFECT : BatchKit.WRONG_PORT;
            if (i % 3 == 0) {
                BatchKit.zip(bundle, root.resolve("Student " + i + "_" + (500 + i) + "_assignsubmission_file_/evidence.zip"), "evidence/");
            } else {
                Trees.copy(bundle, root.resolve("student-" + i));
            }
        }
        Files.createDirectories(root.resolve("zz-empty"));
        Path first = tmp.resolve("first");
        Path second = tmp.resolve("second");
        Path third = tmp.resolve("third");

        BatchKit.grade(root, first, 1, BatchKit.T1, Limits.DEFAULT);
        BatchKit.grade(root, second, 4, BatchKit.T1, Limits.DEFAULT);
        BatchKit.grade(root, third, 3, BatchKit.T2, Limits.DEFAULT);
        BatchKit.grade(root, first, 2, BatchKit.T1, Limits.DEFAULT);   // again into the same folder

        List<String> files = BatchKit.files(first);
        assertThat(files).hasSize(13 * 4 + 3).isEqualTo(BatchKit.files(second)).isEqualTo(BatchKit.files(third));
        for (String f : files) {
            byte[] a = Files.readAllBytes(first.resolve(f));
            assertThat(a).as(f).isEqualTo(Files.readAllBytes(second.resolve(f)));
            String withT2 = new String(a, StandardCharsets.UTF_8).replace(BatchKit.T1.toString(), BatchKit.T2.toString());
            assertThat(withT2).as(f + " apart from the timestamp").isEqualTo(BatchKit.read(third.resolve(f)));
        }
        assertThat(BatchKit.read(first.resolve("summary.json"))).contains("\"gradedAt\" : \"2026-11-28T10:00:00Z\"");
    }

    @Test
    @DisplayName("cancelled (Ctrl-C): finished students' reports are complete, no class report, no work files left")
    void cancelled() throws Exception {
        Path root = root();
        for (int i = 0; i < 30; i++) {
            BatchKit.zip(BatchKit.PERFECT, root.resolve("s" + (100 + i) + ".zip"), "evidence/");
        }
        BatchGrader grader = new BatchGrader(BatchKit.rubric(), new BatchGrader.Settings(root, out(), 2, Language.EN,
                Limits.DEFAULT, Clock.fixed(BatchKit.T1, ZoneOffset.UTC)));
        List<String> heard = new ArrayList<>();
        BatchResult result = BatchKit.grade(grader, new BatchGrader.Listener() {
            @Override
            public void graded(StudentResult student, int done, int total) {
                heard.add(student.submission().name());
                if (done == 5) {
                    grader.cancel();
                }
            }
        });

        assertThat(result.interrupted()).isTrue();
        assertThat(result.classReports()).isEmpty();
        assertThat(result.done()).isBetween(5, 5 + 2 * 4 + 2).isEqualTo(heard.size());
        assertThat(heard.subList(0, 5)).containsExactly("s100", "s101", "s102", "s103", "s104");
        List<String> files = BatchKit.files(out());
        assertThat(files).noneMatch(f -> f.endsWith(".tmp") || f.contains(".work-"))
                .doesNotContain("overview.html", "gradebook.csv", "summary.json");
        assertThat(files).hasSize(result.done() * 4);
        for (String name : heard) {
            assertThat(BatchKit.json(out().resolve("students").resolve(name).resolve("report.json")).path("score").asInt())
                    .isEqualTo(single(BatchKit.PERFECT).score());
        }
    }

    @Test
    @DisplayName("Moodle's \"download all submissions\" zip is graded like its folder, nothing unpacked left behind")
    void classZip() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("moodle"));
        BatchKit.zip(BatchKit.PERFECT, folder.resolve("Ada Lovelace_100001_assignsubmission_file_/evidence.zip"), "evidence/");
        Trees.copy(BatchKit.WRONG_PORT, folder.resolve("Grace Hopper_100002_assignsubmission_file_/evidence"));
        Path download = BatchKit.zip(folder, tmp.resolve("LAB-Docker vs VM-123.zip"), "");

        BatchResult result = BatchKit.grade(download, out(), 2, BatchKit.T1, Limits.DEFAULT);

        assertThat(result.graded()).isEqualTo(2);
        assertThat(BatchKit.students(out())).extracting(BatchKit.Seen::identifier, BatchKit.Seen::score).containsExactly(
                tuple("Participant 100001", single(BatchKit.PERFECT).score()),
                tuple("Participant 100002", single(BatchKit.WRONG_PORT).score()));
        assertThat(BatchKit.files(out())).noneMatch(f -> f.contains(".work-"));
    }

    @Test
    @DisplayName("no submissions at all: nothing graded, class reports say so")
    void empty() throws Exception {
        BatchResult result = BatchKit.grade(root(), out());
        assertThat(result.total()).isZero();
        assertThat(result.graded()).isZero();
        assertThat(BatchKit.json(out().resolve("summary.json")).path("counts").path("students").asInt()).isZero();
    }

    @Test
    @DisplayName("a second run prunes report folders of students no longer in the batch, and only those")
    void prunes() throws Exception {
        Path root = root();
        Trees.copy(BatchKit.PERFECT, root.resolve("alice"));
        Path bob = Trees.copy(BatchKit.PERFECT, root.resolve("bob"));
        BatchKit.grade(root, out());
        Files.writeString(out().resolve("students/alice/notes.txt"), "instructor's notes");
        Trees.copy(BatchKit.PERFECT, root.resolve("carol"));
        Files.walk(bob).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        Files.walk(root.resolve("alice")).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());

        BatchKit.grade(root, out());

        assertThat(out().resolve("students/bob")).doesNotExist();
        assertThat(out().resolve("students/alice/notes.txt")).exists();   // not only reports in it: kept
        assertThat(out().resolve("students/carol/report.json")).exists();
    }

    @Test
    @DisplayName("the suites run through the JUnit Platform: a batch result equals Grading.grade for each sample")
    void sameAsSingleGrading() {
        for (Path bundle : List.of(BatchKit.PERFECT, BatchKit.WRONG_PORT)) {
            GradeResult alone = single(bundle);
            try (SuiteRunner runner = new SuiteRunner(BatchKit.rubric(), Language.EN)) {
                GradeResult batch = runner.grade(bundle, Clock.fixed(BatchKit.T1, ZoneOffset.UTC));
                assertThat(batch.criteria()).extracting(CriterionResult::id, CriterionResult::outcome, CriterionResult::points,
                        CriterionResult::message).isEqualTo(alone.criteria().stream().map(c -> tuple(c.id(), c.outcome(),
                        c.points(), c.message())).toList());
                assertThat(runner.suiteCount()).isEqualTo(2);
            }
        }
        assertThat(single(BatchKit.PERFECT).criteria()).extracting(CriterionResult::outcome)
                .startsWith(Outcome.PASSED, Outcome.PASSED, Outcome.PASSED, Outcome.PASSED, Outcome.PASSED, Outcome.PASSED, Outcome.PASSED);
    }
}
