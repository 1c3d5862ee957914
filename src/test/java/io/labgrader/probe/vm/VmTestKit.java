package io.labgrader.probe.vm;


import io.labgrader.evidence.Evidence;
import io.labgrader.evidence.EvidenceBundle;
import io.labgrader.evidence.EvidenceException;
import io.labgrader.evidence.EvidenceReader;
import io.labgrader.grading.CriterionResult;
import io.labgrader.grading.GradeResult;
import io.labgrader.grading.Outcome;
import io.labgrader.rubric.Rubric;
import io.labgrader.rubric.RubricLoader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Shared by the VM tests: fixtures, stand-in executables, bundles, rubrics. */
public final class VmTestKit {

    public static final Instant T0 = Instant.parse("2025-11-20T14:15:00Z");

    private VmTestKit() {
    }

    /** A fixture under src/test/resources/formats/, as text. */
    public static String fixture(String path) {
        try (InputStream in = VmTestKit.class.getResourceAsStream("/formats/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture formats/" + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fixture's file on disk (the test classpath is a folder under Maven). */
    public static Path fixturePath(String path) {
        try {
            return Path.of(VmTestKit.class.getResource("/formats/" + path).toURI());
        } catch (Exception e) {
            throw new IllegalArgumentException("no fixture formats/" + path, e);
        }
    }

    /**
     * Whether a process is gone. A killed process whose parent died too may stay a zombie until PID 1 reaps it
     * (in containers PID 1 may never do); a zombie runs nothing and counts as gone.
     */
    public static boolean gone(long pid) {
        Path stat = Path.of("/proc", String.valueOf(pid), "stat");
        try {
            if (!Files.exists(stat)) {
                return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
            }
            String s = Files.readString(stat);
            char state = s.substring(s.lastIndexOf(')') + 2).charAt(0);
            return state == 'Z' || state == 'X';
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    /** Writes an executable shell script. */
    public static Path script(Path dir, String name, String body) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(name);
            Files.writeString(file, "#!/bin/sh\n" + body + "\n", StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A stand-in for a hypervisor command: for each argument line (all arguments joined by spaces) it prints the
     * fixture's text; anything else fails like an unknown command.
     */
    public static Path standIn(Path dir, String name, Map<String, String> answers) {
        StringBuilder body = new StringBuilder("case \"$*\" in\n");
        for (Map.Entry<String, String> e : answers.entrySet()) {
            body.append("  '").append(e.getKey().replace("'", "'\\''")).append("') cat '")
                    .append(fixturePath(e.getValue()).toString().replace("'", "'\\''")).append("' ;;\n");
        }
        body.append("  *) echo \"").append(name).append(": unknown command: $*\" >&2; exit 2 ;;\nesac");
        return script(dir, name, body.toString());
    }

    /** Like {@link #standIn}, but the answers are texts made by the test (each written to a file beside the script). */
    public static Path standInTexts(Path dir, String name, Map<String, String> texts) {
        StringBuilder body = new StringBuilder("case \"$*\" in\n");
        int n = 0;
        for (Map.Entry<String, String> e : texts.entrySet()) {
            Path answer = dir.resolve(name + ".answer" + (n++));
            try {
                Files.createDirectories(dir);
                Files.writeString(answer, e.getValue(), StandardCharsets.UTF_8);
            } catch (IOException x) {
                throw new UncheckedIOException(x);
            }
            body.append("  '").append(e.getKey().replace("'", "'\\''")).append("') cat '")
                    .append(answer.toString().replace("'", "'\\''")).append("' ;;\n");
        }
        body.append("  *) echo \"").append(name).append(": unknown command: $*\" >&2; exit 2 ;;\nesac");
        return script(dir, name, body.toString());
    }

    public static Map<String, String> answers(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    /** A Linux host whose PATH is only {@code bin} and whose home is {@code home}; nothing else is searched. */
    public static HostEnvironment linuxHost(Path bin, Path home) {
        return HostEnvironment.of(HostEnvironment.Os.LINUX, Map.of("PATH", bin.toString()), home);
    }

    /** Short time bounds, for stand-ins. */
    public static VmProbeSettings settings(HostEnvironment host, List<VmProbe> probes) {
        return new VmProbeSettings(host, VmProbeSettings.runnerFor(host), probes, Duration.ofSeconds(10),
                Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofSeconds(60), 40);
    }

    public static Clock clock() {
        return Clock.fixed(T0, ZoneOffset.UTC);
    }

    public static EvidenceBundle bundle(Path dir) {
        return bundle(dir, clock());
    }

    public static EvidenceBundle bundle(Path dir, Clock clock) {
        try {
            return EvidenceBundle.open(dir, "test", "docker-vs-vm", "0".repeat(64), clock);
        } catch (EvidenceException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Evidence read(Path dir) {
        try {
            return EvidenceReader.read(dir);
        } catch (EvidenceException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The project's rubric.yml. */
    public static Path projectRubric() {
        return Path.of(System.getProperty("basedir", ".")).resolve("rubric.yml");
    }

    /**
     * The project's rubric with the vm criteria's hypervisors (and, if given, network modes) replaced: the way an
     * instructor adapts it.
     */
    public static Rubric rubric(Path dir, List<String> hypervisors, List<String> modes) {
        try {
            String text = Files.readString(projectRubric(), StandardCharsets.UTF_8);
            String replaced = vmSectionOnly(text).replace("hypervisors: &hypervisors [virtualbox, vmware]",
                    "hypervisors: &hypervisors [" + String.join(", ", hypervisors) + "]");
            if (modes != null) {
                replaced = replaced.replace("modes: [nat, nat-network, bridged, host-only]", "modes: [" + String.join(", ", modes) + "]");
            }
            Files.createDirectories(dir);
            Path file = dir.resolve("rubric-" + String.join("-", hypervisors) + (modes == null ? "" : "-" + String.join("-", modes)) + ".yml");
            Files.writeString(file, replaced, StandardCharsets.UTF_8);
            return RubricLoader.load(file);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The rubric's header and its vm section, so that grading runs only the VM suite. */
    public static String vmSectionOnly(String rubric) {
        StringBuilder kept = new StringBuilder();
        boolean keep = true;
        for (String line : rubric.split("\n", -1)) {
            if (line.startsWith("  - id: ")) {
                keep = line.equals("  - id: vm");
            }
            if (keep) {
                kept.append(line).append('\n');
            }
        }
        return kept.toString();
    }

    /** Grades an evidence folder in English at the fixed test time. */
    /** Grades, and checks on the way that the German rendering of the result holds no English of labgrader's own. */
    public static GradeResult grade(Rubric rubric, Path evidence) {
        GradeResult result = io.labgrader.grading.Grading.grade(rubric, evidence, io.labgrader.rubric.LocalizedText.Language.EN, clock());
        assertGermanWithoutEnglish(result);
        return result;
    }

    /** Every message, the console and the Markdown report in German: no English fragment of labgrader's bundles. */
    public static void assertGermanWithoutEnglish(GradeResult result) {
        io.labgrader.rubric.LocalizedText.Language de = io.labgrader.rubric.LocalizedText.Language.DE;
        StringBuilder shown = new StringBuilder();
        result.criteria().forEach(c -> shown.append(c.message().in(de)).append('\n'));
        shown.append(new io.labgrader.report.ConsoleReport().render(result, de, false));
        shown.append(new io.labgrader.report.MarkdownReport().render(result, de));
        org.assertj.core.api.Assertions.assertThat(io.labgrader.testing.GermanLeaks.in(shown.toString()))
                .as("English fragments in German output:%n%s", shown).isEmpty();
    }

    public static CriterionResult result(GradeResult r, String id) {
        return r.criteria().stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no result for " + id + " in " + r.criteria()));
    }

    /** "vm.hypervisor=PASSED, vm.exists=FAILED, …" for assertion messages. */
    public static String outcomes(GradeResult r) {
        return r.criteria().stream().filter(c -> c.section().equals("vm"))
                .map(c -> c.id() + "=" + c.outcome() + (c.outcome() == Outcome.PASSED ? "" : " (" + c.message().en() + ")"))
                .collect(Collectors.joining("\n"));
    }

}
