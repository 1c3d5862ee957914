package io.labgrader.rubric;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The strict rubric loader against the lab's rubric and malformed ones, asserting the exact error text. */
class RubricLoaderTest {

    @TempDir
    Path dir;

    private static final String HEADER = """
            id: lab
            title: {de: Labor, en: Lab}
            sections:
              - id: docker
                title: {de: Docker, en: Docker}
                criteria:
            """;

    private static String criterion(String id, String extra) {
        return "      - id: " + id + "\n"
                + "        points: 5\n"
                + "        title: {de: Titel " + id + ", en: Title " + id + "}\n"
                + "        hint: {de: Hinweis, en: Hint}\n"
                + extra;
    }

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("rubric.yml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }

    private String problemsOf(String yaml) throws IOException {
        Path file = write(yaml);
        try {
            RubricLoader.load(file);
        } catch (RubricException e) {
            return e.getMessage().replace(file.toString(), "rubric.yml");
        }
        throw new AssertionError("the rubric was accepted:\n" + yaml);
    }

    @Test
    @DisplayName("the lab's own rubric.yml loads: 7 Docker criteria, 65 points, requires in grading order")
    void labRubricLoads() throws Exception {
        Rubric rubric = RubricLoader.load(Path.of("rubric.yml"));
        Section docker = rubric.sections().get(0);
        assertThat(docker.id()).isEqualTo("docker");
        assertThat(docker.criteria()).extracting(Criterion::id).containsExactly("docker.engine", "docker.hello-world",
                "docker.nginx-detached", "docker.nginx-port", "docker.nginx-answers", "docker.nginx-stopped",
                "docker.nginx-removed");
        assertThat(docker.criteria().stream().mapToInt(Criterion::points).sum()).isEqualTo(65);
        Criterion port = rubric.criterion("docker.nginx-port").orElseThrow();
        assertThat(port.params()).containsEntry("hostPort", 8080L).containsEntry("containerPort", 80L)
                .containsEntry("image", "nginx:latest");
        assertThat(port.requires()).containsExactly("docker.nginx-detached");
        assertThat(rubric.sha256()).hasSize(64);
    }

    @Test
    void yamlSyntaxError() throws IOException {
        assertThat(problemsOf(HEADER + "      - id: [docker.a\n"))
                .startsWith("rubric.yml:8: YAML syntax error: ");
    }

    @Test
    void unknownKey() throws IOException {
        assertThat(problemsOf(HEADER + criterion("docker.a", "        pionts: 3\n")))
                .isEqualTo("rubric.yml:11: unknown key 'pionts' in a criterion (allowed: hint, id, params, points, requires, title)");
    }

    @Test
    void duplicateKey() throws IOException {
        assertThat(problemsOf(HEADER + criterion("docker.a", "        points: 6\n")))
                .isEqualTo("rubric.yml:11: duplicate key 'points' in a criterion");
    }

    @Test
    void duplicateId() throws IOException {
        assertThat(problemsOf(HEADER + criterion("docker.a", "") + criterion("docker.a", "")))
                .isEqualTo("rubric.yml:11: duplicate criterion id 'docker.a' (first defined on line 7)");
    }

    @Test
    void missingPoints() throws IOException {
        String yaml = HEADER + criterion("docker.a", "").replace("        points: 5\n", "");
        assertThat(problemsOf(yaml)).isEqualTo("rubric.yml:7: criterion 'docker.a' has no 'points'");
    }

    @Test
    void negativePoints() throws IOException {
        String yaml = HEADER + criterion("docker.a", "").replace("points: 5", "points: -5");
        assertThat(problemsOf(yaml)).isEqualTo("rubric.yml:8: 'points' of criterion 'docker.a' must not be negative, found -5");
    }

    @Test
    void pointsNotANumber() throws IOException {
        String yaml = HEADER + criterion("docker.a", "").replace("points: 5", "points: five");
        assertThat(problemsOf(yaml)).isEqualTo("rubric.yml:8: 'points' of criterion 'docker.a' must be a whole number");
    }

    @Test
    void requiresUnknownId() throws IOException {
        assertThat(problemsOf(HEADER + criterion("docker.a", "        requires: [docker.nope]\n")))
                .isEqualTo("rubric.yml:7: criterion 'docker.a' requires 'docker.nope', which the rubric does not define");
    }

    @Test
    void requiresCycle() throws IOException {
        assertThat(problemsOf(HEADER + criterion("docker.a", "        requires: [docker.b]\n")
                + criterion("docker.b", "        requires: [docker.a]\n")))
                .isEqualTo("rubric.yml:7: 'requires' forms a cycle: docker.a -> docker.b -> docker.a");
    }

    @Test
    void missingEnglishTitle() throws IOException {
        String yaml = HEADER + criterion("docker.a", "").replace(", en: Title docker.a", "");
        assertThat(problemsOf(yaml)).isEqualTo("rubric.yml:9: criterion 'docker.a' has no 'title.en'");
    }

    @Test
    @DisplayName("a text may carry any language; a reader whose language it lacks gets English")
    void anyLanguageKeyWithEnglishFallback() throws Exception {
        String yaml = HEADER + criterion("docker.a", "").replace("title: {de: Titel docker.a, en: Title docker.a}",
                "title: {de: Titel docker.a, en: Title docker.a, fr: Titre docker.a, pt-BR: Título docker.a}");
        Rubric rubric = RubricLoader.load(write(yaml));
        LocalizedText title = rubric.criterion("docker.a").orElseThrow().title();
        assertThat(title.in(LocalizedText.Language.parseOrDefault("fr"))).isEqualTo("Titre docker.a");
        assertThat(title.in(LocalizedText.Language.parseOrDefault("pt-BR"))).isEqualTo("Título docker.a");
        assertThat(title.in(LocalizedText.Language.DE)).isEqualTo("Titel docker.a");
        assertThat(title.in(LocalizedText.Language.parseOrDefault("it"))).isEqualTo("Title docker.a");
        assertThat(rubric.criterion("docker.a").orElseThrow().hint().in(LocalizedText.Language.parseOrDefault("fr"))).isEqualTo("Hint");
    }

    @Test
    void aTextKeyThatIsNoLanguageTag() throws IOException {
        String yaml = HEADER + criterion("docker.a", "").replace(", en: Title docker.a", ", en: Title docker.a, French: Titre");
        assertThat(problemsOf(yaml)).isEqualTo(
                "rubric.yml:9: 'French' in 'title' of criterion 'docker.a' is not a language tag (expected de, en, fr, pt-BR, ...)");
    }

    @Test
    @DisplayName("several problems are reported together, each with its line")
    void severalProblems() throws IOException {
        String yaml = HEADER + criterion("docker.a", "        pionts: 3\n        requires: [docker.x]\n");
        assertThat(problemsOf(yaml)).isEqualTo("""
                rubric.yml:11: unknown key 'pionts' in a criterion (allowed: hint, id, params, points, requires, title)
                rubric.yml:7: criterion 'docker.a' requires 'docker.x', which the rubric does not define""");
    }

    @Test
    @DisplayName("a billion-laughs alias bomb is refused before it expands")
    void aliasBomb() throws IOException {
        StringBuilder yaml = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'k'; c++) {
            char p = (char) (c - 1);
            yaml.append(c).append(": &").append(c).append(" [*").append(p).append(", *").append(p).append(", *")
                    .append(p).append(", *").append(p).append(", *").append(p).append(", *").append(p).append("]\n");
        }
        assertThat(problemsOf(yaml.toString())).startsWith("rubric.yml").contains("YAML");
    }

    @Test
    void emptyFile() throws IOException {
        assertThat(problemsOf("")).isEqualTo("rubric.yml: the file is empty");
    }

    @Test
    void notAMapping() throws IOException {
        assertThat(problemsOf("- just\n- a list\n")).isEqualTo("rubric.yml:1: expected a mapping with id, title and sections at the top");
    }

    @Test
    void missingFile() {
        assertThatThrownBy(() -> RubricLoader.load(dir.resolve("nope.yml")))
                .isInstanceOf(RubricException.class)
                .hasMessageEndingWith("nope.yml: file not found");
    }

    @Test
    @DisplayName("grading order puts a criterion after what it requires, even if the rubric lists it first")
    void gradingOrder() throws Exception {
        Rubric rubric = RubricLoader.load(write(HEADER + criterion("docker.b", "        requires: [docker.a]\n")
                + criterion("docker.a", "")));
        assertThat(rubric.gradingOrder()).extracting(Criterion::id).containsExactly("docker.a", "docker.b");
    }
}
