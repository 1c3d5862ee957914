package io.labgrader.ci;

import io.labgrader.testing.Commands;
import io.labgrader.testing.Trees;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The project's .gitlab-ci.yml (with ci/grade.gitlab-ci.yml, which it includes) as gitlab-ci-local reads it: valid
 * (YAML, GitLab's schema, stages, needs, includes), so that a broken pipeline fails the project's tests, and shaped as
 * labgrader's own CI needs it.
 */
class PipelineValidationTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void tool() {
        GitlabCiLocal.assumeInstalled();
    }

    /** The pipeline files of this checkout, committed in a repository of their own (the checkout stays untouched). */
    private Path project() throws IOException {
        Path repo = dir.resolve("labgrader");
        Files.createDirectories(repo);
        Files.copy(Path.of(".gitlab-ci.yml"), repo.resolve(".gitlab-ci.yml"));
        Trees.copy(Path.of("ci"), repo.resolve("ci"));
        GitlabCiLocal.commitAll(repo, "https://gitlab.example.com/course/labgrader.git");
        return repo;
    }

    @Test
    @DisplayName("gitlab-ci-local --list accepts .gitlab-ci.yml and lists labgrader's own jobs and the sharded batch")
    void listValidates() throws IOException {
        Commands.Result list = GitlabCiLocal.run(project(), Duration.ofMinutes(2), "--list");

        assertThat(list.exitCode()).as(list.all()).isZero();
        assertThat(list.stdout()).contains("maven-verify", "labgrader-batch: [1/4]", "labgrader-batch: [4/4]",
                "labgrader-gradebook");
        // this repository batch-grades its samples; the student job is not for it
        assertThat(list.stdout()).doesNotContain("labgrader-grade ");
    }

    @Test
    @DisplayName("a broken pipeline (a job that needs a job that does not exist) fails the validation, naming the job")
    void brokenPipelineFails() throws IOException {
        Path repo = project();
        Files.writeString(repo.resolve(".gitlab-ci.yml"),
                Files.readString(repo.resolve(".gitlab-ci.yml")).replace("""
                        labgrader-gradebook:
                          needs:
                            - maven-verify
                        """, """
                        labgrader-gradebook:
                          needs:
                            - maven-verfiy
                        """));
        assertThat(Files.readString(repo.resolve(".gitlab-ci.yml"))).contains("maven-verfiy");

        Commands.Result list = GitlabCiLocal.run(repo, Duration.ofMinutes(2), "--list");

        assertThat(list.exitCode()).as(list.all()).isNotZero();
        assertThat(list.all()).contains("maven-verfiy");
    }

    @Test
    @DisplayName("own CI: mvn verify against a docker:dind service, Testcontainers set up for it, Surefire's JUnit reports and the jar kept")
    @SuppressWarnings("unchecked")
    void ownCiJob() throws IOException {
        Map<String, Object> pipeline = preview(project());
        Map<String, Object> job = (Map<String, Object>) pipeline.get("maven-verify");

        assertThat(job.get("script").toString()).contains("scripts/prepare-docker.sh", "mvn -B -ntp verify");
        assertThat((List<Map<String, Object>>) job.get("services"))
                .anySatisfy(s -> assertThat(s).containsEntry("alias", "docker")
                        .hasEntrySatisfying("name", n -> assertThat(n.toString()).startsWith("docker:").endsWith("-dind")));
        assertThat((Map<String, Object>) job.get("variables"))
                .containsEntry("DOCKER_HOST", "tcp://docker:2375")
                .containsEntry("DOCKER_TLS_CERTDIR", "")
                .containsEntry("TESTCONTAINERS_RYUK_DISABLED", "true")
                .containsEntry("TESTCONTAINERS_HOST_OVERRIDE", "docker");
        Map<String, Object> artifacts = (Map<String, Object>) job.get("artifacts");
        assertThat(artifacts).containsEntry("when", "always");
        assertThat((List<String>) artifacts.get("paths")).containsExactly("target/labgrader.jar", "target/labgrader-*-student.zip");
        assertThat(((Map<String, Object>) artifacts.get("reports")).get("junit").toString())
                .contains("target/surefire-reports/TEST-*.xml");
    }

    @Test
    @DisplayName("the student downloads: the runtime image built on GitLab's hosted Linux, Windows and macOS runners (their tags), published with the student zip on a tag")
    @SuppressWarnings("unchecked")
    void downloadJobs() throws IOException {
        Map<String, Object> pipeline = preview(project());
        // runner tags as GitLab documents them: doc/ci/runners/hosted_runners/windows.md and macos.md (gitlabhq)
        Map<String, String> tags = Map.of("runtime-image-windows-x64", "saas-windows-medium-amd64",
                "runtime-image-macos-aarch64", "saas-macos-medium-m1");
        for (String platform : List.of("linux-x64", "windows-x64", "macos-aarch64")) {
            Map<String, Object> job = (Map<String, Object>) pipeline.get("runtime-image-" + platform);
            assertThat(job).as("job runtime-image-" + platform).isNotNull();
            assertThat(job.get("script").toString()).contains("scripts/build-runtime-image.sh " + platform);
            assertThat(job.get("needs").toString()).contains("maven-verify");
            if (tags.containsKey("runtime-image-" + platform)) {
                assertThat((List<String>) job.get("tags")).containsExactly(tags.get("runtime-image-" + platform));
            }
        }
        Map<String, Object> publish = (Map<String, Object>) pipeline.get("publish-downloads");
        assertThat(publish.get("needs").toString()).contains("maven-verify", "runtime-image-linux-x64",
                "runtime-image-windows-x64", "runtime-image-macos-aarch64");
        assertThat(publish.get("rules").toString()).contains("$CI_COMMIT_TAG");
        assertThat(publish.get("script").toString()).contains("-student.zip", "-linux-x64.tar.gz",
                "-macos-aarch64.tar.gz", "-windows-x64.zip", "packages/generic/labgrader/");
    }

    @Test
    @DisplayName("the grading jobs download the release of this very labgrader by default (LABGRADER_VERSION = the jar's version)")
    @SuppressWarnings("unchecked")
    void templateVersionIsTheProjectVersion() throws IOException {
        Map<String, Object> template;
        try (InputStream in = Files.newInputStream(Path.of("ci/grade.gitlab-ci.yml"))) {
            template = new Yaml(new SafeConstructor(new LoaderOptions()) {
                {
                    // !reference [job, key]: a GitLab tag, read here as a plain list
                    this.yamlConstructors.put(new org.yaml.snakeyaml.nodes.Tag("!reference"), yamlConstructors.get(
                            org.yaml.snakeyaml.nodes.Tag.SEQ));
                }
            }).load(in);
        }
        Map<String, Object> version = (Map<String, Object>) ((Map<String, Object>) template.get("variables")).get("LABGRADER_VERSION");
        Properties built = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/io/labgrader/cli/version.properties")) {
            built.load(in);
        }
        assertThat(version.get("value")).isEqualTo(built.getProperty("version"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> preview(Path repo) {
        Commands.Result preview = GitlabCiLocal.run(repo, Duration.ofMinutes(2), "--preview");
        assertThat(preview.exitCode()).as(preview.all()).isZero();
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(preview.stdout());
    }
}
