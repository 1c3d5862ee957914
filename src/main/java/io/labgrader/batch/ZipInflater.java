package io.labgrader.batch;

import io.labgrader.hashing.Hashes;
import io.labgrader.rubric.Messages;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Inflates one zip entry, to a file or into memory, hashing it on the way and stopping early at the byte budget or the
 * compression ratio (a zip bomb). The names were checked before, by {@link SafeUnzip}.
 */
final class ZipInflater {

    private static final int BUFFER = 64 * 1024;

    private ZipInflater() {
    }

    /**
     * A file the graders read, kept in memory: sized from the entry's declared size, so that a near-limit journal is
     * neither grown by doubling nor copied at the end (which took three times its size for a moment).
     */
    static final class Kept extends ByteArrayOutputStream {
        Kept(int size) {
            super(size);
        }

        byte[] bytes() {
            return count == buf.length ? buf : toByteArray();
        }
    }

    /** The declared size, when it is within the limits and the ratio (a header may lie); else a small start. */
    static int expected(ZipEntry entry, Limits limits) {
        long declared = entry.getSize();
        long plausible = Math.min(limits.maxBytes(), multiply(Math.max(1, entry.getCompressedSize()), limits.maxRatio()));
        return declared > 0 && declared <= plausible && declared < Integer.MAX_VALUE - 8 ? (int) declared : 8 * 1024;
    }

    record Inflated(long size, String sha256) {
    }

    /** Inflates one entry to a file, within budget and ratio; {@code overwrite} reuses a file left from before. */
    static Inflated inflate(ZipFile file, ZipEntry entry, Path out, boolean overwrite, Limits limits, long budget,
                                    String shownAs) throws IOException, Rejection {
        // a reused file is written over in place and cut to length afterwards: cheaper than truncating it first,
        // which makes the file system free and allocate its blocks again
        try (FileChannel channel = overwrite
                ? FileChannel.open(out, StandardOpenOption.CREATE, StandardOpenOption.WRITE)
                : FileChannel.open(out, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            Inflated inflated = inflate(file, entry, Channels.newOutputStream(channel), limits, budget, shownAs);
            if (channel.size() > inflated.size()) {
                channel.truncate(inflated.size());
            }
            return inflated;
        }
    }

    /** Inflates one entry into {@code sink}, hashing it, within budget and ratio (a zip bomb stops early). */
    static Inflated inflate(ZipFile file, ZipEntry entry, OutputStream sink, Limits limits, long budget,
                                    String shownAs) throws IOException, Rejection {
        long compressed = entry.getCompressedSize();
        long ratioLimit = compressed > 0 ? Math.max(Limits.MIB, multiply(compressed, limits.maxRatio())) : Long.MAX_VALUE;
        MessageDigest sha = Hashes.newSha256();
        long written = 0;
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = file.getInputStream(entry)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                written += n;
                if (written > budget) {
                    throw SafeUnzip.tooLarge(shownAs, limits);
                }
                if (written > ratioLimit) {
                    throw Rejection.of(Messages.CORE.text("rejected.unpacksToMoreThan", shownAs, entry.getName(), limits.maxRatio()));
                }
                sha.update(buffer, 0, n);
                sink.write(buffer, 0, n);
            }
        }
        return new Inflated(written, HexFormat.of().formatHex(sha.digest()));
    }

    private static long multiply(long a, long b) {
        return a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
    }
}
