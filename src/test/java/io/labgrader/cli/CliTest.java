package io.labgrader.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The command's contract: exit codes, and messages instead of stack traces. */
class CliTest {

    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;

    @BeforeEach
    void capture() {
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("rubric prints the criteria with points and requires, exit 0")
    void rubricTable() {
        int code = Main.execute("rubric", "--rubric", "rubric.yml", "--lang", "en");
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(code).isZero();
        assertThat(text).contains("[docker] Docker")
                .containsPattern("docker.nginx-port +Port 8080 published +10 +docker.nginx-detached")
                .contains("docker.engine");
    }

    @Test
    @DisplayName("an evidence folder that cannot be created (a file is in the way): exit 3, the reason, no stack trace, the file untouched")
    void evidenceCannotBeOpened() throws Exception {
        Path inTheWay = Files.writeString(dir.resolve("evidence"), "my notes");
        for (String command : new String[]{"check", "watch"}) {
            err.reset();
            int code = Main.execute(command, "--rubric", "rubric.yml", "--evidence", inTheWay.toString(), "--lang", "en");

            assertThat(code).as(command).isEqualTo(ExitCodes.NOTHING_GRADABLE);
            assertThat(err()).as(command).startsWith("labgrader: " + inTheWay + ": cannot create the evidence folder: ")
                    .doesNotContain("Exception", "\tat ");
            assertThat(Files.readString(inTheWay)).isEqualTo("my notes");
        }
    }

    @Test
    @DisplayName("a bad rubric: exit 2, the problem with file and line, no report written")
    void badRubric() throws Exception {
        Path rubric = dir.resolve("rubric.yml");
        Files.writeString(rubric, Files.readString(Path.of("rubric.yml")).replaceFirst("points: 5", "points: -5"));
        Path evidence = Files.createDirectories(dir.resolve("evidence"));
        int code = Main.execute("grade", evidence.toString(), "--rubric", rubric.toString(), "--out", dir.resolve("report").toString());
        assertThat(code).isEqualTo(2);
        assertThat(err()).contains(rubric + ":14: 'points' of criterion 'docker.engine' must not be negative, found -5");
        assertThat(dir.resolve("report")).doesNotExist();
    }

    @Test
    @DisplayName("bad arguments: exit 2 with picocli's message")
    void badArguments() {
        assertThat(Main.execute("check", "--fail-under", "lots")).isEqualTo(2);
        assertThat(err()).contains("--fail-under");
        // any language tag is a language ("fr" falls back to English where it has no texts); "klingon" is none
        assertThat(Main.execute("check", "--lang", "klingon", "--evidence", dir.resolve("e").toString(),
                "--out", dir.resolve("r").toString())).isEqualTo(2);
        assertThat(err()).contains("unknown language 'klingon' (use a language tag such as de, en or fr)");
    }

    @Test
    @DisplayName("grade on a folder that holds no evidence: every criterion NOT_GRADABLE, exit 3, no stack trace")
    void emptyEvidence() throws Exception {
        Path evidence = Files.createDirectories(dir.resolve("evidence"));
        int code = Main.execute("grade", evidence.toString(), "--rubric", "rubric.yml", "--lang", "en",
                "--out", dir.resolve("report").toString());
        assertThat(code).isEqualTo(3);
        com.fasterxml.jackson.databind.JsonNode report = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(dir.resolve("report/report.json").toFile());
        assertThat(report.path("criteria")).isNotEmpty()
                .allSatisfy(c -> assertThat(c.path("outcome").asText()).isEqualTo("NOT_GRADABLE"));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("no journal").doesNotContain("\tat ");
    }

    @Test
    @DisplayName("German when the locale is German; --lang en overrides it")
    void languageFollowsTheLocale() throws Exception {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.GERMANY);
            Path evidence = Files.createDirectories(dir.resolve("evidence"));
            Main.execute("grade", evidence.toString(), "--rubric", "rubric.yml", "--out", dir.resolve("de").toString());
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("Punkte: 0 / ").contains("Docker Engine erreichbar");
            out.reset();
            Main.execute("grade", evidence.toString(), "--rubric", "rubric.yml", "--lang", "en", "--out", dir.resolve("en").toString());
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("Score: 0 / ").contains("Docker Engine reachable");
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    @Test
    @DisplayName("corrupt evidence: NOT_GRADABLE naming file and line, the evidence is left untouched")
    void corruptJournal() throws Exception {
        Path evidence = Files.createDirectories(dir.resolve("evidence"));
        String journal = "{\"type\":\"docker.engine\",\"at\":\"2026-11-28T10:00:00Z\",\"source\":\"check\",\"version\":\"20.10\"}\n{not json\n";
        Files.writeString(evidence.resolve("journal.jsonl"), journal);
        int code = Main.execute("grade", evidence.toString(), "--rubric", "rubric.yml", "--lang", "en",
                "--out", dir.resolve("report").toString());
        assertThat(code).isEqualTo(3);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("journal.jsonl:2: not a valid observation");
        assertThat(Files.readString(evidence.resolve("journal.jsonl"))).isEqualTo(journal);
    }

    @Test
    @DisplayName("a bad rubric: every command that loads one says the same and exits with 2, before writing evidence")
    void badRubricEverywhere() throws Exception {
        Path rubric = dir.resolve("rubric.yml");
        Files.writeString(rubric, Files.readString(Path.of("rubric.yml")).replaceFirst("points: 5", "points: -5"));
        Path script = Files.writeString(dir.resolve("exercise.sh"), "docker run hello-world\n");
        Path evidence = dir.resolve("evidence");
        String problem = "labgrader: the rubric is invalid:\n  " + rubric + ":14: 'points' of criterion 'docker.engine' must not be negative, found -5";
        String[][] commands = {
                {"rubric", "--rubric", rubric.toString()},
                {"merge", "--rubric", rubric.toString(), dir.resolve("shard").toString()},
                {"watch", "--rubric", rubric.toString(), "--evidence", evidence.toString(), "--duration", "1"},
                {"replay", script.toString(), "--rubric", rubric.toString(), "--evidence", evidence.toString()},
                {"check", "--rubric", rubric.toString(), "--evidence", evidence.toString()},
        };
        for (String[] command : commands) {
            err.reset();
            assertThat(Main.execute(command)).as(command[0]).isEqualTo(2);
            assertThat(err().replace("\r\n", "\n")).as(command[0]).startsWith(problem).doesNotContain("fault in labgrader");
        }
        assertThat(evidence).doesNotExist();
    }

    @Test
    @DisplayName("a rubric whose criterion has no grading method: check says so and exits with 2, keeping what its probes saw")
    void unboundCriterionInCheck() throws Exception {
        Path rubric = dir.resolve("rubric.yml");
        Files.writeString(rubric, Files.readString(Path.of("rubric.yml")).replaceFirst("    criteria:\n",
                "    criteria:\n      - id: docker.no-such-grader\n        points: 1\n        title:\n"
                        + "          de: Gibt es nicht\n          en: Does not exist\n"));
        Path evidence = dir.resolve("evidence");
        String problem = "labgrader: the rubric is invalid:\n  " + rubric + ":13: criterion 'docker.no-such-grader' has no"
                + " grading method (no @Criterion(\"docker.no-such-grader\") in graders/)";

        assertThat(Main.execute("rubric", "--rubric", rubric.toString())).isEqualTo(2);
        assertThat(err().replace("\r\n", "\n")).startsWith(problem);
        err.reset();
        // the binding to the suites is checked beside the probes: the problem is the same, the evidence is kept
        assertThat(Main.execute("check", "--rubric", rubric.toString(), "--evidence", evidence.toString())).isEqualTo(2);
        assertThat(err().replace("\r\n", "\n")).startsWith(problem).doesNotContain("fault in labgrader");
        assertThat(evidence.resolve("journal.jsonl")).isNotEmptyFile();
        assertThat(evidence.resolve("manifest.json")).isNotEmptyFile();
    }

    @Test
    @DisplayName("--evidence: the same option, default and help in check, watch and replay")
    void evidenceOption() {
        picocli.CommandLine cli = Main.commandLine(null);
        for (String command : new String[]{"check", "watch", "replay"}) {
            picocli.CommandLine.Model.OptionSpec option = cli.getSubcommands().get(command).getCommandSpec().findOption("--evidence");
            assertThat(option).as(command).isNotNull();
            assertThat(option.defaultValue()).isEqualTo("evidence");
            assertThat(option.paramLabel()).isEqualTo("DIR");
            assertThat(option.type()).isEqualTo(Path.class);
            assertThat(String.join(" ", option.description())).isEqualTo("Evidence folder; each run appends to it (default: evidence).");
        }
        java.io.StringWriter help = new java.io.StringWriter();
        cli.getSubcommands().get("watch").usage(new java.io.PrintWriter(help));
        assertThat(help.toString()).containsPattern("--evidence=DIR +Evidence folder; each run appends to it \\(default:\\s+evidence\\)");
    }

    @Test
    @DisplayName("no command and no option class is searched for subcommand methods (picocli reads every method's annotations for that)")
    void noMethodSubcommands() {
        picocli.CommandLine cli = Main.commandLine(null);
        java.util.List<picocli.CommandLine.Model.CommandSpec> specs = new java.util.ArrayList<>();
        specs.add(cli.getCommandSpec());
        cli.getSubcommands().values().forEach(sub -> specs.add(sub.getCommandSpec()));
        assertThat(specs).hasSizeGreaterThan(8);
        for (picocli.CommandLine.Model.CommandSpec spec : new java.util.ArrayList<>(specs)) {
            // the option classes mixed in (CommonOptions and its siblings), not picocli's own help options
            spec.mixins().forEach((name, mixin) -> {
                if (mixin.userObject() != null && mixin.userObject().getClass().getName().startsWith("io.labgrader")) {
                    specs.add(mixin);
                }
            });
        }
        assertThat(specs).filteredOn(picocli.CommandLine.Model.CommandSpec::isAddMethodSubcommands)
                .extracting(spec -> spec.userObject().getClass().getName()).isEmpty();
    }
}
