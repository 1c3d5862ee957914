package io.labgrader.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.labgrader.testing.Commands;
import io.labgrader.testing.Trees;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * target/gradescope-autograder.zip run the way Gradescope runs it (gradescope/autograder_samples docs/specs.md, "File
 * hierarchy"): the zip unpacked into /autograder/source, run_autograder copied to /autograder/run_autograder and run in
 * /autograder, the upload in /autograder/submission, /autograder/submission_metadata.json beside it, and the answer read
 * from /autograder/results/results.json. In a container without network: labgrader-test/java17 (Debian bookworm with
 * openjdk-17-jre-headless, scripts/prepare-test-images.sh) stands in for Gradescope's Ubuntu image after setup.sh, because
 * Ubuntu's apt cannot be reached here. Runs after package (failsafe), on real sample bundles.
 */
class GradescopeAutograderIT {

    static final Path ZIP = Path.of("target/gradescope-autograder.zip");
    /** lab 2's autograder: the same files, with labs/docker-networks/rubric.yml as its rubric.yml */
    static final Path NETWORKS_ZIP = Path.of("target/gradescope-autograder-docker-networks.zip");
    static final String JAVA17 = "labgrader-test/java17:latest";
    static final String BARE = "labgrader-test/bare:latest";
    static final Path PERFECT = Path.of("src/test/resources/batch/bundles/perfect");
    static final Path WRONG_PORT = Path.of("src/test/resources/batch/bundles/wrong-port");
    /** lab 2 done in full by labgrader check on a real engine (two checks, nginx re-created in between) */
    static final Path NETWORKS_COMPLETE = Path.of("labs/docker-networks/samples/complete");

    @TempDir
    Path dir;

    @BeforeAll
    static void imagesAndZip() {
        assertThat(ZIP).as("run mvn package first: it builds " + ZIP).exists();
        assertThat(NETWORKS_ZIP).as("run mvn package first: it builds " + NETWORKS_ZIP).exists();
        for (String image : List.of(JAVA17, BARE)) {
            assertThat(Commands.docker("image", "inspect", image).exitCode())
                    .as(image + " missing: run scripts/prepare-test-images.sh").isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"target/gradescope-autograder.zip, rubric.yml",
            "target/gradescope-autograder-docker-networks.zip, labs/docker-networks/rubric.yml"})
    @DisplayName("each lab's zip: setup.sh and run_autograder at its root and executable, labgrader.jar and the lab's rubric.yml beside them")
    void zipLayout(Path zipFile, Path rubric) throws IOException {
        Map<String, Integer> modes = unixModes(zipFile);
        assertThat(modes.keySet()).containsExactlyInAnyOrder("setup.sh", "run_autograder", "labgrader.jar", "rubric.yml");
        assertThat(modes.get("run_autograder") & 0111).as("run_autograder executable").isEqualTo(0111);
        assertThat(modes.get("setup.sh") & 0100).as("setup.sh executable").isEqualTo(0100);
        try (ZipFile zip = new ZipFile(zipFile.toFile())) {
            assertThat(entry(zip, "rubric.yml")).as("rubric.yml of " + zipFile).isEqualTo(Files.readString(rubric));
            // specs.md: "setup.sh: a setup (Bash) script"; "run_autograder: an executable script, in any language (with
            // appropriate #! line)": Gradescope executes it directly, so without the line there is nothing to run it
            assertThat(entry(zip, "setup.sh").lines().findFirst()).as("setup.sh's first line").hasValue("#!/usr/bin/env bash");
            assertThat(entry(zip, "run_autograder").lines().findFirst()).as("run_autograder's first line")
                    .hasValueSatisfying(line -> assertThat(line).startsWith("#!/"));
        }
    }

    private static String entry(ZipFile zip, String name) throws IOException {
        try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    @DisplayName("lab 2's zip in Gradescope's layout: a real lab 2 bundle as zip and as evidence/ subfolder, 100 of 100, in English and German")
    void gradesLabTwoWithItsOwnZip() throws IOException {
        Path zipped = autograder("networks-zipped", NETWORKS_ZIP);
        Trees.zip(NETWORKS_COMPLETE, zipped.resolve("submission/evidence.zip"), "evidence/");
        Path german = autograder("networks-german", NETWORKS_ZIP);
        Files.writeString(german.resolve("source/lang"), "de\n");
        Trees.copy(NETWORKS_COMPLETE, german.resolve("submission/evidence"));

        JsonNode english = run(zipped, JAVA17, Map.of());
        assertThat(english.path("score").asInt()).isEqualTo(100);
        assertThat(english.path("tests")).hasSize(9);     // lab 2's criteria, not lab 1's 12
        assertThat(english.path("output").asText()).startsWith("Docker networks and volumes: 100 / 100 (100 %)");
        assertThat(english.path("tests").get(8).path("name").asText()).startsWith("run.survives");
        assertThat(run(german, JAVA17, Map.of()).path("output").asText()).startsWith("Docker-Netzwerke und Volumes: 100 / 100 (100 %)");
    }

    @Test
    @DisplayName("Gradescope's layout, Java 17 image (stand-in for Ubuntu after setup.sh): a bundle as folder, as zip, as evidence/ subfolder")
    void gradesRealBundlesInEveryLayout() throws IOException {
        Path flat = autograder("flat");
        Trees.copy(PERFECT, flat.resolve("submission"));
        Path zipped = autograder("zipped");
        Trees.zip(WRONG_PORT, zipped.resolve("submission/evidence.zip"), "evidence/");
        Path nested = autograder("nested");
        Trees.copy(Path.of("submissions/linus"), nested.resolve("submission/evidence"));

        JsonNode perfect = run(flat, JAVA17, Map.of());
        assertThat(perfect.path("score").asInt()).isEqualTo(65);
        assertThat(perfect.path("tests")).hasSize(12);     // the rubric's criteria
        assertThat(perfect.path("output").asText()).startsWith("Docker vs. virtual machine: 65 / 100 (65 %)");
        assertThat(perfect.toString()).doesNotContain("Student Stand-In");   // the metadata's name is never needed
        assertThat(run(zipped, JAVA17, Map.of()).path("score").asInt()).isEqualTo(40);
        assertThat(run(nested, JAVA17, Map.of()).path("score").asInt()).isEqualTo(55);
    }

    @Test
    @DisplayName("not gradable in the container: a cut-off journal, an empty upload: score 0 and the reason at the top")
    void notGradable() throws IOException {
        Path truncated = autograder("truncated");
        Trees.copy(Path.of("submissions/Edsger Dijkstra_100006_assignsubmission_file_"), truncated.resolve("submission"));
        Path empty = autograder("empty");

        JsonNode cut = run(truncated, JAVA17, Map.of());
        assertThat(cut.path("score").asInt()).isZero();
        assertThat(cut.path("output").asText()).startsWith("This submission could not be graded: The evidence could not be read: "
                + "submission/evidence/journal.jsonl:17");
        assertThat(cut.path("tests")).allSatisfy(t -> assertThat(t.path("name").asText()).startsWith("[NOT GRADABLE] "));
        assertThat(run(empty, JAVA17, Map.of()).path("output").asText())
                .startsWith("This submission could not be graded: submission is empty: no evidence.");
    }

    @Test
    @DisplayName("German from the file lang in the autograder's source folder")
    void germanFromLangFile() throws IOException {
        Path german = autograder("german");
        Files.writeString(german.resolve("source/lang"), "de\n");
        Trees.copy(PERFECT, german.resolve("submission"));
        assertThat(run(german, JAVA17, Map.of()).path("output").asText()).startsWith("Docker vs. virtuelle Maschine: 65 / 100 (65 %)");
    }

    @Test
    @DisplayName("no Java (setup.sh failed), and a Java that hangs (bounded by LABGRADER_TIMEOUT): still a valid results.json")
    void alwaysAResultsJson() throws IOException {
        Path noJava = autograder("nojava");
        Trees.copy(PERFECT, noJava.resolve("submission"));
        JsonNode missing = run(noJava, BARE, Map.of());
        assertThat(missing.path("score").asInt()).isZero();
        assertThat(missing.path("output").asText()).startsWith("This submission could not be graded: Java is missing");

        Path hang = autograder("hang");
        Trees.copy(PERFECT, hang.resolve("submission"));
        Files.createDirectories(hang.resolve("fake"));
        Files.writeString(hang.resolve("fake/java"), "#!/bin/sh\nsleep 600\n");
        hang.resolve("fake/java").toFile().setExecutable(true, false);
        long started = System.nanoTime();
        JsonNode hung = run(hang, JAVA17, Map.of("LABGRADER_TIMEOUT", "2", "PATH", "/autograder/fake:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(40));
        assertThat(hung.path("output").asText()).startsWith("This submission could not be graded: labgrader took longer than 2 s");
    }

    @Test
    @DisplayName("setup.sh: bash syntax, and in the Java 17 image it installs openjdk-17-jre-headless with apt-get (a recording apt-get stands in)")
    void setupInstallsJavaFromApt() throws IOException {
        Path source = Files.createDirectories(dir.resolve("setup"));
        unzip(ZIP, source);
        assertThat(Commands.run(null, Map.of(), Duration.ofSeconds(10), List.of("bash", "-n", source.resolve("setup.sh").toString())).exitCode()).isZero();
        Commands.Result r = Commands.docker("run", "--rm", "--network", "none", "-v", source.toAbsolutePath() + ":/autograder/source:ro",
                JAVA17, "bash", "-c", "mkdir /fake && printf '#!/bin/sh\\necho \"apt-get $*\" >> /tmp/apt.log\\n' > /fake/apt-get"
                        + " && chmod +x /fake/apt-get && PATH=/fake:$PATH bash /autograder/source/setup.sh && cat /tmp/apt.log");
        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.stdout()).contains("apt-get update\napt-get install -y --no-install-recommends openjdk-17-jre-headless\n");
        assertThat(r.stderr()).contains("version \"17");   // setup.sh's java -version, answered by the image's Java 17
    }

    /** /autograder with lab 1's zip unpacked into source/, an empty submission/ and results/, and submission_metadata.json. */
    private Path autograder(String name) throws IOException {
        return autograder(name, ZIP);
    }

    /** /autograder with {@code zipFile} (a lab's autograder zip) unpacked into source/, the rest as above. */
    private Path autograder(String name, Path zipFile) throws IOException {
        Path root = Files.createDirectories(dir.resolve(name));
        unzip(zipFile, Files.createDirectories(root.resolve("source")));
        Files.createDirectories(root.resolve("submission"));
        Files.createDirectories(root.resolve("results"));
        // the shape of docs/submission_metadata.md; labgrader does not read it
        Files.writeString(root.resolve("submission_metadata.json"), "{\"id\": 123456, \"created_at\": \"2026-11-28T14:22:32.365935-07:00\","
                + " \"assignment\": {\"id\": 25828, \"title\": \"Docker vs. VM\", \"total_points\": \"100.0\"},"
                + " \"users\": [{\"email\": \"student@example.com\", \"id\": 1234, \"name\": \"Student Stand-In\"}], \"previous_submissions\": []}");
        return root;
    }

    /** Runs the autograder as Gradescope does and returns results.json, checked against the spec. */
    private static JsonNode run(Path root, String image, Map<String, String> env) throws IOException {
        List<String> args = new ArrayList<>(List.of("run", "--rm", "--network", "none", "-v", root.toAbsolutePath() + ":/autograder", "-w", "/autograder"));
        env.forEach((k, v) -> args.addAll(List.of("-e", k + "=" + v)));
        args.addAll(List.of(image, "bash", "-c", "cp /autograder/source/run_autograder /autograder/run_autograder && /autograder/run_autograder"
                + " > /autograder/results/stdout 2>&1"));
        Commands.Result r = Commands.run(null, Map.of(), Duration.ofSeconds(120), prefixed(args));
        assertThat(r.exitCode()).as(r.all()).isZero();
        Path results = root.resolve("results/results.json");
        assertThat(results).as("results.json after run_autograder; its output: " + read(root.resolve("results/stdout"))).exists();
        JsonNode json = GradescopeReportTest.json(Files.readString(results));
        GradescopeReportTest.assertValidToSpec(json);
        return json;
    }

    private static List<String> prefixed(List<String> args) {
        List<String> all = new ArrayList<>(List.of("docker"));
        all.addAll(args);
        return all;
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "(none)";
    }

    private static void unzip(Path zipFile, Path to) throws IOException {
        Map<String, Integer> modes = unixModes(zipFile);
        try (ZipFile zip = new ZipFile(zipFile.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                Path target = to.resolve(e.getName());
                try (InputStream in = zip.getInputStream(e)) {
                    Files.copy(in, target);
                }
                target.toFile().setExecutable((modes.get(e.getName()) & 0100) != 0, false);   // keep the zip's mode
            }
        }
    }

    /**
     * The Unix mode of every entry, from the central directory's external attributes (java.util.zip does not expose
     * them; Commons Compress reads the central directory as a zip reader does, instead of scanning the bytes for its
     * signature, which compressed data can contain by chance).
     */
    static Map<String, Integer> unixModes(Path zipFile) throws IOException {
        Map<String, Integer> modes = new LinkedHashMap<>();
        try (org.apache.commons.compress.archivers.zip.ZipFile zip =
                     org.apache.commons.compress.archivers.zip.ZipFile.builder().setPath(zipFile).get()) {
            for (ZipArchiveEntry e : java.util.Collections.list(zip.getEntries())) {
                modes.put(e.getName(), e.getUnixMode() & 07777);
            }
        }
        return modes;
    }
}
