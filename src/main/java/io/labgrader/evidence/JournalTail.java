package io.labgrader.evidence;


import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Reads a journal backwards from its end, for what a run needs to know about the runs before it (where the last read
 * of the engine's event history ended). The journal grows with every check; this reads only as far back as the
 * answer, usually the last few kilobytes.
 * <p>
 * Unlike {@link EvidenceReader}, it does not reject the journal for a bad line. It skips any line it cannot read: the
 * half line left at the end by a run that was cut off, a line that is not valid JSON, or a type from a newer labgrader.
 * Grading reads every line and reports the bad ones.
 */
public final class JournalTail {

    private static final int CHUNK = 64 * 1024;

    private JournalTail() {
    }

    /**
     * The last observation of {@code type} in the journal that {@code accept} takes, or empty when there is none.
     *
     * @throws IOException when the journal cannot be read, e.g. because there is none yet
     */
    public static <T extends Observation> Optional<T> last(Path journal, Class<T> type, Predicate<? super T> accept)
            throws IOException {
        String typeName = '"' + typeName(type) + '"';
        try (SeekableByteChannel channel = Files.newByteChannel(journal)) {
            long position = channel.size();
            byte[] carry = new byte[0];   // the start of a line whose end was in the chunk read before
            boolean overlong = false;     // the line in carry is too long to be read, and is skipped
            while (position > 0) {
                int n = (int) Math.min(CHUNK, position);
                position -= n;
                byte[] bytes = new byte[n + carry.length];
                readFully(channel.position(position), ByteBuffer.wrap(bytes, 0, n));
                System.arraycopy(carry, 0, bytes, n, carry.length);
                int end = bytes.length;
                for (int i = n - 1; i >= 0; i--) {
                    if (bytes[i] == '\n') {
                        Optional<T> found = overlong || end - i - 1 > EvidenceReader.MAX_LINE_CHARS
                                ? Optional.empty() : parse(bytes, i + 1, end, typeName, type, accept);
                        if (found.isPresent()) {
                            return found;
                        }
                        overlong = false;
                        end = i;
                    }
                }
                carry = Arrays.copyOf(bytes, end);
                if (carry.length > EvidenceReader.MAX_LINE_CHARS) {
                    carry = new byte[0];
                    overlong = true;
                }
            }
            return overlong ? Optional.empty() : parse(carry, 0, carry.length, typeName, type, accept);
        }
    }

    private static <T extends Observation> Optional<T> parse(byte[] bytes, int from, int to, String typeName,
                                                             Class<T> type, Predicate<? super T> accept) {
        String line = new String(bytes, from, to - from, StandardCharsets.UTF_8);
        if (!line.contains(typeName)) {
            return Optional.empty(); // most lines are of other types; not parsing them is what makes this cheap
        }
        try {
            Observation observation = EvidenceReader.OBSERVATION.readValue(line);
            return type.isInstance(observation) && accept.test(type.cast(observation))
                    ? Optional.of(type.cast(observation)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The name the journal gives {@code type}, as the labs register it ({@link Json#typeName}). */
    static String typeName(Class<? extends Observation> type) {
        return Json.typeName(type).orElseThrow(() ->
                new IllegalArgumentException(type.getName() + " is not an observation type of the journal"));
    }

    private static void readFully(SeekableByteChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new EOFException("the journal became shorter while it was read");
            }
        }
    }
}
