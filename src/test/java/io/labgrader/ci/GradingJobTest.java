package io.labgrader.ci;

import com.fasterxml.jackson.databind.JsonNode;
import io.labgrader.testing.Commands;
import io.labgrader.testing.Labgrader;
import io.labgrader.testing.Trees;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The grading job of ci/grade.gitlab-ci.yml, run by gitlab-ci-local on a sample student repository: a git repository
 * whose .gitlab-ci.yml is the snippet of docs/gitlab-ci.md (with include: local of a copy of the template instead of
 * include: project), with evidence/ committed from a real labgrader run and an exercise script with the lab's docker
 * commands.
 * <p>
 * The jobs run with --force-shell-executor on this machine, and replay the script against this machine's real Docker
 * Engine. gitlab-ci-local starts a job's services: through a container engine even then (it would pull docker:dind,
 * which fails offline, and would not give the shell job that engine anyway), so the local run uses the variant
 * local-run.gitlab-ci.yml: the student's .gitlab-ci.yml with the dind service left out, and DOCKER_HOST given on the
 * command line. On GitLab the same job replays against its dind service.
 */
class GradingJobTest {

    static final String JOB = "labgrader-grade";
    static final String LOCAL_RUN = """
            # Only for gitlab-ci-local --force-shell-executor on a developer's machine: gitlab-ci-local starts services
            # through a container engine even for shell jobs, which fails offline; this variant leaves out the dind
            # service and the job replays against the engine named by --variable DOCKER_HOST=... instead.
            include:
              - local: .gitlab-ci.yml
            labgrader-grade:
              services: []
            """;

    @TempDir
    Path dir;

    @BeforeAll
    static void tool() {
        GitlabCiLocal.assumeInstalled();
    }

    @AfterEach
    void removeContainers() {
        SampleLab.removeOwnContainers();
    }

    /**
     * The student's repository: the docs' snippet, a copy of the template, the lab's rubric (Docker section), the
     * evidence of a check while nginx ran (stopped and removed not yet proven) and the exercise script.
     */
    private Path studentRepo() throws IOException {
        Path repo = repoWithTemplate("student-lab", """
                  LABGRADER_FAIL_UNDER: "65"          # the job fails below 65 points
                """);
        Files.writeString(repo.resolve("rubric.yml"), SampleLab.dockerRubric());
        Files.writeString(repo.resolve("exercise.sh"), SampleLab.EXERCISE_SCRIPT);
        Trees.copy(SampleLab.partial(), repo.resolve("evidence"));
        GitlabCiLocal.commitAll(repo, "https://gitlab.example.com/course/student-lab.git");
        return repo;
    }

    /** A student repository with the template included as the docs' snippet does, {@code variables} added to it. */
    private Path repoWithTemplate(String name, String variables) throws IOException {
        Path repo = dir.resolve(name);
        Files.createDirectories(repo.resolve("ci"));
        Files.copy(Path.of("ci/grade.gitlab-ci.yml"), repo.resolve("ci/grade.gitlab-ci.yml"));
        Files.writeString(repo.resolve(".gitlab-ci.yml"), """
                include:
                  - local: ci/grade.gitlab-ci.yml   # on GitLab: project: course/labgrader, ref: v0.1.0, file: /ci/grade.gitlab-ci.yml

                variables:
                """ + variables);
        Files.writeString(repo.resolve("local-run.gitlab-ci.yml"), LOCAL_RUN);
        return repo;
    }

    /** Runs the grading job; {@code args} are more gitlab-ci-local arguments (--variable K=V, --unset-variable K). */
    private static Commands.Result runJob(Path repo, String... args) {
        List<String> command = new ArrayList<>(List.of("--file", "local-run.gitlab-ci.yml", "--force-shell-executor",
                "--shell-isolation", "--no-artifacts-to-source",
                "--variable", "LABGRADER_JAR=" + LabgraderJar.get()));
        command.addAll(List.of(args));
        command.add(JOB);
        return GitlabCiLocal.run(repo, Duration.ofMinutes(10), command.toArray(String[]::new));
    }

    private static String localEngine() {
        String dockerHost = System.getenv("DOCKER_HOST");
        return dockerHost != null && !dockerHost.isBlank() ? dockerHost : "unix:///var/run/docker.sock";
    }

    private static Path artifacts(Path repo) {
        return repo.resolve(".gitlab-ci-local/artifacts/" + JOB);
    }

    @Test
    @DisplayName("evidence and an exercise script: the script is replayed against the real engine under watch, its output kept in the evidence, 65 of 65")
    void replayAndGrade() throws Exception {
        Path repo = studentRepo();

        Commands.Result run = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            SampleLab.awaitPortFree(8080, Duration.ofMinutes(1));
            run = runJob(repo, "--variable", "DOCKER_HOST=" + localEngine());
            // other tests on this machine use port 8080 too: if one took it after the wait, wait and run again
            if (!run.all().contains("Bind for 0.0.0.0:8080 failed: port is already allocated")) {
                break;
            }
            SampleLab.removeOwnContainers();
        }

        assertThat(run.exitCode()).as(run.all()).isZero();
        List<String> log = GitlabCiLocal.jobOutput(run, JOB);
        assertThat(log).as(run.all())
                .contains("labgrader: replaying exercise.sh against " + localEngine() + ", then grading evidence/",
                        "Hello from Docker!", "<title>Welcome to nginx!</title>",
                        "labgrader: exercise.sh ended with exit code 0; grading…",
                        "Score: 65 / 65", "labgrader score: 65 / 65 (100 %)");
        assertThat(log).anySatisfy(l -> assertThat(l).matches(" +\\d\\d:\\d\\d:\\d\\d  destroy [0-9a-f]{12} \\(labgrader-ci-replay-web\\)"));
        // GitLab's coverage regex, applied by the runner to the job log
        assertThat(run.stdout()).contains("PASS  " + JOB).containsPattern(JOB + " +100% coverage");

        Path out = artifacts(repo);
        assertThat(Files.readString(out.resolve("report/report.md"))).startsWith("## Docker vs. virtual machine — 65 / 65 (100 %)\n");
        JsonNode report = Labgrader.report(out.resolve("report"));
        assertThat(Labgrader.outcomes(report).values()).hasSize(7).containsOnly("PASSED");
        assertUniqueTestCases(out.resolve("report/TEST-labgrader.xml"), 7, 0);

        // the replay went into the evidence: observations marked "replay" next to the committed ones ("check"),
        // and raw/ holds the script, its output as it said it, and how it ended
        String journal = Files.readString(out.resolve("evidence/journal.jsonl"));
        assertThat(journal).contains("\"source\":\"check\"", "\"source\":\"replay\"", "labgrader-ci-replay-web");
        assertThat(raw(out, "replay-output.txt")).contains("Hello from Docker!", "<title>Welcome to nginx!</title>");
        assertThat(raw(out, "replay-script-exercise.sh")).isEqualTo(SampleLab.EXERCISE_SCRIPT);
        assertThat(raw(out, "replay.json")).contains("\"exitCode\" : 0", "\"timedOut\" : false");
        assertThat(Files.readString(out.resolve("evidence/manifest.json"))).contains("replay-output.txt");
    }

    @Test
    @DisplayName("evidence only (no exercise script): the committed evidence is graded, 45 of 65 is below --fail-under 65, the job fails and still keeps its reports")
    void committedEvidenceBelowFailUnder() throws Exception {
        Path repo = studentRepo();

        Commands.Result run = runJob(repo, "--variable", "LABGRADER_EXERCISE_SCRIPT=not-there.sh", "--variable", "LABGRADER_LANG=de");

        assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
        List<String> log = GitlabCiLocal.jobOutput(run, JOB);
        // German report, score line with a decimal point for GitLab's coverage regex
        assertThat(log).as(run.all()).contains("Punkte: 45 / 65", "labgrader score: 45 / 65 (69.2 %)")
                .noneMatch(l -> l.contains("replaying"));
        assertThat(run.stdout()).contains("FAIL  " + JOB);

        Path out = artifacts(repo);
        assertThat(Files.readString(out.resolve("report/report.md"))).startsWith("## Docker vs. virtuelle Maschine — 45 / 65 (69,2 %)\n");
        assertUniqueTestCases(out.resolve("report/TEST-labgrader.xml"), 7, 2);
        JsonNode report = Labgrader.report(out.resolve("report"));
        assertThat(Labgrader.outcomes(report)).containsEntry("docker.nginx-answers", "PASSED")
                .containsEntry("docker.nginx-stopped", "FAILED")
                .containsEntry("docker.nginx-removed", "FAILED");
        // the committed evidence, unchanged
        assertThat(Files.readString(out.resolve("evidence/journal.jsonl")))
                .isEqualTo(Files.readString(SampleLab.partial().resolve("journal.jsonl")));
    }

    @Test
    @DisplayName("lab 2: LABGRADER_LAB=docker-networks grades the committed evidence with that lab's built-in rubric, 100 of 100")
    void labTwoChosenByLabgraderLab() throws Exception {
        Path repo = repoWithTemplate("student-lab2", """
                  LABGRADER_LAB: docker-networks      # lab 2, "Docker-Netzwerke und Volumes"
                """);
        Trees.copy(Path.of("labs/docker-networks/samples/complete"), repo.resolve("evidence"));
        GitlabCiLocal.commitAll(repo, "https://gitlab.example.com/course/student-lab2.git");

        Commands.Result run = runJob(repo);

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(GitlabCiLocal.jobOutput(run, JOB)).as(run.all())
                .contains("Docker networks and volumes", "Score: 100 / 100", "labgrader score: 100 / 100 (100 %)");
        Path out = artifacts(repo);
        assertThat(Files.readString(out.resolve("report/report.md"))).startsWith("## Docker networks and volumes — 100 / 100 (100 %)\n");
        JsonNode report = Labgrader.report(out.resolve("report"));
        assertThat(Labgrader.outcomes(report)).hasSize(9).containsKeys("net.network", "run.survives")
                .allSatisfy((criterion, outcome) -> assertThat(outcome).as(criterion).isEqualTo("PASSED"));
    }

    @Test
    @DisplayName("an exercise script but no DOCKER_HOST: the job refuses to replay on whatever engine the runner has, and fails")
    void noReplayWithoutTheJobsOwnEngine() throws Exception {
        Path repo = studentRepo();

        Commands.Result run = runJob(repo, "--unset-variable", "DOCKER_HOST");

        assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
        assertThat(GitlabCiLocal.jobOutput(run, JOB)).as(run.all()).contains(
                "labgrader: DOCKER_HOST is empty; the exercise script is replayed only against the job's own engine "
                        + "(the docker:dind service, DOCKER_HOST=tcp://docker:2375), never the runner's");
        assertThat(run.all()).doesNotContain("Hello from Docker!");
    }

    private static String raw(Path bundle, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(bundle.resolve("evidence/raw"))) {
            List<Path> found = files.filter(p -> p.getFileName().toString().endsWith("-" + suffix)).toList();
            assertThat(found).as("raw/*-" + suffix).hasSize(1);
            return Files.readString(found.get(0));
        }
    }

    /** The JUnit report GitLab reads: one test case per criterion, no two with the same name. */
    static void assertUniqueTestCases(Path xml, int criteria, int failures) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        NodeList cases = doc.getElementsByTagName("testcase");
        List<String> names = new ArrayList<>();
        int failed = 0;
        for (int i = 0; i < cases.getLength(); i++) {
            Element testCase = (Element) cases.item(i);
            names.add(testCase.getAttribute("classname") + "/" + testCase.getAttribute("name"));
            failed += testCase.getElementsByTagName("failure").getLength();
        }
        assertThat(names).hasSize(criteria).doesNotHaveDuplicates();
        assertThat(names).allSatisfy(n -> assertThat(n).matches("docker/docker\\.[a-z-]+ · .+ \\[\\d+ (pts|P\\.)]"));
        assertThat(failed).isEqualTo(failures);
    }
}
