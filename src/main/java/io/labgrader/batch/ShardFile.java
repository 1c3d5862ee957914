package io.labgrader.batch;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.labgrader.evidence.Json;
import io.labgrader.rubric.LocalizedText.Language;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What one shard's run leaves for the merge, next to its students/ folder: a header (rubric, language, time, which
 * shard of how many students) and each student's result as the class reports need it, with the machine identifiers
 * of the evidence, so that the merge finds collusion across shards without the evidence. Written and read as a
 * stream, the students last.
 */
final class ShardFile {

    static final String FILE_NAME = ".labgrader-shard.json";
    static final String FORMAT = "labgrader-shard/1";

    private ShardFile() {
    }

    record Header(String rubricId, String rubricSha256, Language language, Instant gradedAt, Shard shard, int total,
                  List<String> ignored) {
    }

    /** Writes the header and then the spool's students. */
    static Path write(Path out, Header h, Path spool) throws IOException {
        return AtomicFiles.write(out.resolve(FILE_NAME), o -> {
            try (JsonGenerator json = Json.mapper().getFactory().createGenerator(o)) {
                json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                json.useDefaultPrettyPrinter();
                json.writeStartObject();
                json.writeStringField("format", FORMAT);
                json.writeStringField("rubric", h.rubricId());
                json.writeStringField("rubricSha256", h.rubricSha256());
                json.writeStringField("language", h.language().name().toLowerCase(Locale.ROOT));
                json.writeStringField("gradedAt", h.gradedAt().toString());
                json.writeNumberField("shard", h.shard().index());
                json.writeNumberField("shards", h.shard().count());
                json.writeNumberField("total", h.total());
                json.writeArrayFieldStart("ignored");
                for (String i : h.ignored()) {
                    json.writeString(i);
                }
                json.writeEndArray();
                json.writeArrayFieldStart("students");
                Spool.read(spool, e -> Spool.write(json, e.student(), e.fingerprints()));
                json.writeEndArray();
                json.writeEndObject();
            }
        });
    }

    /** Reads a shard file: the header at once, the students one after another. */
    static final class Reader implements Closeable {
        final Path dir;
        final Header header;
        private final InputStream in;
        private final JsonParser parser;
        private Spool.Entry next;

        Reader(Path dir) throws BatchGrader.InputException {
            this.dir = dir;
            Path file = dir.resolve(FILE_NAME);
            if (!Files.isRegularFile(file)) {
                throw new BatchGrader.InputException(dir + ": not the output of \"labgrader grade --shard i/n\" (no " + FILE_NAME + ")");
            }
            try {
                in = Files.newInputStream(file);
                parser = Json.mapper().getFactory().createParser(in);
                header = header(file);
                advance();
            } catch (JsonProcessingException e) {
                close();
                throw new BatchGrader.InputException(file + ": not a shard file: " + e.getOriginalMessage());
            } catch (IOException | IllegalArgumentException e) {
                close();
                throw new BatchGrader.InputException(file + ": cannot read: " + e.getMessage());
            }
        }

        private Header header(Path file) throws IOException, BatchGrader.InputException {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new BatchGrader.InputException(file + ": not a shard file");
            }
            String format = null;
            String rubric = null;
            String sha = null;
            String language = null;
            String gradedAt = null;
            int shard = 0;
            int shards = 0;
            int total = 0;
            List<String> ignored = new ArrayList<>();
            for (JsonToken t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
                String field = parser.currentName();
                parser.nextToken();
                switch (field) {
                    case "format" -> format = parser.getValueAsString();
                    case "rubric" -> rubric = parser.getValueAsString();
                    case "rubricSha256" -> sha = parser.getValueAsString();
                    case "language" -> language = parser.getValueAsString();
                    case "gradedAt" -> gradedAt = parser.getValueAsString();
                    case "shard" -> shard = parser.getIntValue();
                    case "shards" -> shards = parser.getIntValue();
                    case "total" -> total = parser.getIntValue();
                    case "ignored" -> {
                        while (parser.nextToken() == JsonToken.VALUE_STRING) {
                            ignored.add(parser.getText());
                        }
                    }
                    case "students" -> {
                        if (!FORMAT.equals(format)) {
                            throw new BatchGrader.InputException(file + ": not a shard file of this labgrader (format " + format + ")");
                        }
                        return new Header(rubric, sha, Language.parseOrDefault(language),
                                gradedAt == null ? null : Instant.parse(gradedAt), new Shard(shard, shards), total, ignored);
                    }
                    default -> parser.skipChildren();
                }
            }
            throw new BatchGrader.InputException(file + ": not a shard file (no students)");
        }

        private void advance() throws IOException {
            next = parser.nextToken() == JsonToken.START_OBJECT ? Spool.entry(parser.readValueAs(Spool.StudentJson.class)) : null;
        }

        /** The next student in the file (in batch order), or null after the last. */
        Spool.Entry peek() {
            return next;
        }

        Spool.Entry take() throws IOException {
            Spool.Entry e = next;
            advance();
            return e;
        }

        @Override
        public void close() {
            try {
                if (parser != null) {
                    parser.close();
                }
                if (in != null) {
                    in.close();
                }
            } catch (IOException e) {
                // read-only
            }
        }
    }
}
