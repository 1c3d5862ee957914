package io.labgrader.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labgrader.rubric.LocalizedText.Language;
import io.labgrader.rubric.Rubric;
import io.labgrader.rubric.RubricException;
import io.labgrader.rubric.RubricLoader;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Submissions for batch tests, built from real evidence bundles that labgrader check recorded on the real engine. */
final class BatchKit {

    /** The lab done completely, with an Ubuntu VM in libvirt whose guest agent reported (submissions/ Ada Lovelace). */
    static final Path PERFECT = Path.of("src/test/resources/batch/bundles/perfect");
    /** nginx published on 8081 instead of 8080 (submissions/ Grace Hopper). */
    static final Path WRONG_PORT = Path.of("src/test/resources/batch/bundles/wrong-port");
    static final Instant T1 = Instant.parse("2026-11-28T10:00:00Z");
    static final Instant T2 = Instant.parse("2026-12-01T08:30:00Z");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BatchKit() {
    }

    static Rubric rubric() {
        try {
            return RubricLoader.load(Path.of("rubric.yml").toAbsolutePath());
        } catch (RubricException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** The result with its evidence named as a batch names it ("alice", "bob.zip!/evidence"). */
    static io.labgrader.grading.GradeResult named(io.labgrader.grading.GradeResult r, String evidence) {
        return new io.labgrader.grading.GradeResult(r.rubricId(), r.rubricTitle(), r.rubricSha256(), evidence, r.gradedAt(),
                r.criteria(), r.sections());
    }

    static BatchResult grade(Path root, Path out) {
        return grade(root, out, 2, T1, Limits.DEFAULT);
    }

    static BatchResult grade(Path root, Path out, int jobs, Instant at, Limits limits) {
        return grade(new BatchGrader(rubric(), new BatchGrader.Settings(root, out, jobs, Language.EN, limits,
                Clock.fixed(at, ZoneOffset.UTC))), new BatchGrader.Listener() {
        });
    }

    static BatchResult grade(BatchGrader grader, BatchGrader.Listener listener) {
        try {
            return grader.run(listener);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (BatchGrader.InputException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** A student as summary.json tells: what the class reports show of them. */
    record Seen(String key, String name, String participantId, String identifier, boolean gradable, int score,
                String reason, String evidence, String folder, List<Flag> flags) {
        String label() {
            return participantId == null ? name : name + " (" + participantId + ")";
        }
    }

    /** Every student of a batch's output, from its summary.json, in batch order. */
    static List<Seen> students(Path out) {
        List<Seen> seen = new java.util.ArrayList<>();
        for (JsonNode s : json(out.resolve("summary.json")).path("students")) {
            List<Flag> flags = new java.util.ArrayList<>();
            for (JsonNode f : s.path("flags")) {
                List<String> others = new java.util.ArrayList<>();
                f.path("others").forEach(o -> others.add(o.asText()));
                flags.add(new Flag(Flag.Kind.valueOf(f.path("kind").asText().toUpperCase(java.util.Locale.ROOT).replace('-', '_')),
                        io.labgrader.rubric.LocalizedText.same(f.path("detail").asText()), others));
            }
            seen.add(new Seen(s.path("key").asText(), s.path("name").asText(),
                    s.hasNonNull("participantId") ? s.path("participantId").asText() : null, s.path("identifier").asText(),
                    s.path("status").asText().equals("graded"), s.path("score").asInt(), s.path("reason").asText(""),
                    s.path("evidence").asText(), s.path("reports").asText(), flags));
        }
        return seen;
    }

    static Seen student(Path out, String name) {
        return students(out).stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no student " + name + " in " + out));
    }

    /** Zips a folder's content under {@code prefix} ("evidence/" or ""). */
    static Path zip(Path dir, Path zipFile, String prefix) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                entries.put(prefix + dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return zipEntries(zipFile, entries);
    }

    /** A zip with exactly these entries, names as given (hostile ones too). */
    static Path zipEntries(Path zipFile, Map<String, byte[]> entries) {
        try {
            Files.createDirectories(zipFile.toAbsolutePath().getParent());
            try (OutputStream os = Files.newOutputStream(zipFile); ZipOutputStream zip = new ZipOutputStream(os)) {
                for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                    zip.putNextEntry(new ZipEntry(e.getKey()));
                    zip.write(e.getValue());
                    zip.closeEntry();
                }
            }
            return zipFile;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rewrites the journal with {@code edit} and records the new hashes in the manifest, as if captured so. */
    static void editJournal(Path bundle, java.util.function.UnaryOperator<String> edit) {
        try {
            Path journal = bundle.resolve("journal.jsonl");
            Files.writeString(journal, edit.apply(Files.readString(journal, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
            rehash(bundle);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Recomputes every file's size and SHA-256 in manifest.json. */
    static void rehash(Path bundle) {
        try {
            ObjectNode manifest = (ObjectNode) JSON.readTree(bundle.resolve("manifest.json").toFile());
            ArrayNode files = JSON.createArrayNode();
            List<Path> all;
            try (Stream<Path> walk = Files.walk(bundle)) {
                all = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path f : all) {
                String relative = bundle.relativize(f).toString().replace('\\', '/');
                if (relative.equals("manifest.json")) {
                    continue;
                }
                byte[] bytes = Files.readAllBytes(f);
                ObjectNode e = files.addObject();
                e.put("path", relative);
                e.put("size", bytes.length);
                e.put("sha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
            }
            manifest.set("files", files);
            JSON.writeValue(bundle.resolve("manifest.json").toFile(), manifest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file below {@code dir}, relative, sorted. */
    static List<String> files(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> !Files.isDirectory(p)).map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
