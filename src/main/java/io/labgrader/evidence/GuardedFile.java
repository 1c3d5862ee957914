package io.labgrader.evidence;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Opens a file of an evidence bundle the way a submitted bundle must be opened: only a plain file inside the
 * bundle's folder, and never more than a bound. A named pipe would block the reader forever, a link to /dev/zero
 * would fill the memory, and a link out of the folder would grade someone else's file; each is refused with a
 * message instead.
 */
final class GuardedFile {

    private GuardedFile() {
    }

    /** The file's content as a stream that fails once it passes {@code maxBytes} (a file may grow while read). */
    static InputStream open(Path folder, Path file, long maxBytes) throws EvidenceException, IOException {
        Path real = inside(folder, file);
        BasicFileAttributes attributes = Files.readAttributes(real, BasicFileAttributes.class);
        if (!attributes.isRegularFile()) {
            throw new EvidenceException(file, 0, "not a plain file but "
                    + (attributes.isDirectory() ? "a folder" : "a named pipe, device or socket")
                    + ": evidence files are plain files written by labgrader");
        }
        if (attributes.size() > maxBytes) {
            throw tooLarge(file, maxBytes);
        }
        return new Bounded(Files.newInputStream(real), file, maxBytes);
    }

    /** The file's real path, when it lies inside the folder (links are followed, but not out of the folder). */
    private static Path inside(Path folder, Path file) throws EvidenceException, IOException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new NoSuchFileException(file.toString());
        }
        Path real;
        try {
            real = file.toRealPath();
        } catch (NoSuchFileException e) {
            throw new EvidenceException(file, 0, "a link to a file that does not exist");
        }
        if (!real.startsWith(folder.toRealPath())) {
            throw new EvidenceException(file, 0, "a link out of the evidence folder: labgrader reads only the files inside it");
        }
        return real;
    }

    static EvidenceException tooLarge(Path file, long maxBytes) {
        return tooLarge(file.toString(), maxBytes);
    }

    static EvidenceException tooLarge(String where, long maxBytes) {
        return new EvidenceException(where, 0, "larger than " + (maxBytes >= 1024 * 1024
                ? maxBytes / (1024 * 1024) + " MiB" : maxBytes + " bytes"));
    }

    /** Thrown through the reader when a file passes its bound while it is read. */
    static final class TooLarge extends IOException {
        final transient EvidenceException reason;

        TooLarge(EvidenceException reason) {
            super(reason.getMessage());
            this.reason = reason;
        }
    }

    private static final class Bounded extends FilterInputStream {
        private final Path file;
        private final long max;
        private long read;

        Bounded(InputStream in, Path file, long max) {
            super(in);
            this.file = file;
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > max) {
                throw new TooLarge(tooLarge(file, max));
            }
        }
    }
}
