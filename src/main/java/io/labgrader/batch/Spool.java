package io.labgrader.batch;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.labgrader.evidence.Json;
import io.labgrader.grading.Outcome;
import io.labgrader.rubric.LocalizedTextJson;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Students' results on disk, one JSON line each, in batch order. A batch writes each student here as soon as the
 * students before are done, and keeps nothing of them in memory; the class reports then read the file again, as often
 * as they need. So a class of any size needs the same memory. The shard files use the same form.
 */
final class Spool {

    private static final ObjectWriter LINE = Json.mapper().writerFor(StudentJson.class)
            .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private Spool() {
    }

    /** One student as the class reports and the merge need it, with the machine identifiers of the evidence. */
    record StudentJson(int index, String key, String name, String participantId, String source, List<String> duplicates,
                       String folder, boolean gradable, int score, int maxScore, List<Outcome> outcomes,
                       List<String> notes, String reason, List<FlagJson> flags, String feedback, String evidence,
                       List<String> fingerprints, Map<String, Double> compared) {
    }

    /** A flag's detail as {@link LocalizedTextJson}: its message key and arguments, so any language can show it later. */
    record FlagJson(Flag.Kind kind, String detail, List<String> others) {
    }

    /** A student read back, and the machine identifiers of their evidence. */
    record Entry(StudentResult student, Set<String> fingerprints) {
    }

    static StudentJson json(StudentResult s, Set<String> fingerprints) {
        Submission who = s.submission();
        List<FlagJson> flags = s.flags().stream().map(f -> new FlagJson(f.kind(), LocalizedTextJson.write(f.detail()), f.others())).toList();
        return new StudentJson(who.index(), who.key(), who.name(), who.participantId(), who.source(), who.duplicates(),
                who.folder(), s.gradable(), s.score(), s.maxScore(), s.outcomes(), s.notes(), s.reason(), flags, s.feedback(),
                s.evidence(), List.copyOf(new TreeSet<>(fingerprints)), s.compared());
    }

    static Entry entry(StudentJson s) {
        Submission who = new Submission(s.index(), s.key(), s.name(), s.participantId(), s.source(), null,
                s.duplicates() == null ? List.of() : s.duplicates(), s.folder());
        List<Flag> flags = (s.flags() == null ? List.<FlagJson>of() : s.flags()).stream()
                .map(f -> new Flag(f.kind(), LocalizedTextJson.read(f.detail()), f.others() == null ? List.of() : f.others())).toList();
        StudentResult student = new StudentResult(who, s.gradable(), s.score(), s.maxScore(), nonNull(s.outcomes()),
                nonNull(s.notes()), s.reason() == null ? "" : s.reason(), flags, s.feedback() == null ? "" : s.feedback(),
                s.evidence() == null ? "" : s.evidence(), s.compared());
        return new Entry(student, s.fingerprints() == null ? Set.of() : new TreeSet<>(s.fingerprints()));
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** Appends students, one line each. */
    static final class Writer implements Closeable {
        private final java.io.Writer out;
        private int count;

        Writer(Path file) throws IOException {
            Files.createDirectories(file.toAbsolutePath().getParent());
            this.out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 64 * 1024);
        }

        void append(StudentResult s, Set<String> fingerprints) throws IOException {
            LINE.writeValue(out, json(s, fingerprints));
            out.write('\n');
            count++;
        }

        int count() {
            return count;
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /** What reads the students again and again: a spool file, with flags found later added on the way. */
    interface Source {
        void forEach(IOConsumer<StudentResult> each) throws IOException;
    }

    interface IOConsumer<T> {
        void accept(T t) throws IOException;
    }

    /** Reads a spool file line by line. */
    static void read(Path file, IOConsumer<Entry> each) throws IOException {
        try (InputStream in = Files.newInputStream(file); JsonParser parser = Json.mapper().getFactory().createParser(in)) {
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                each.accept(entry(parser.readValueAs(StudentJson.class)));
            }
        }
    }

    /** Writes one student as a JSON value to a generator (for the shard file's array). */
    static void write(JsonGenerator generator, StudentResult s, Set<String> fingerprints) throws IOException {
        generator.writeObject(json(s, fingerprints));
    }
}
