package io.labgrader.evidence;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file so that no reader ever sees half of it, and a crash or Ctrl-C leaves the old file or none: the
 * content goes to a temporary file beside the target, which is then moved in place. Evidence, reports and class
 * reports are all written this way.
 */
public final class AtomicFile {

    /** What goes into the file. */
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final long PID = ProcessHandle.current().pid();
    private static final int BUFFER = 64 * 1024;

    private AtomicFile() {
    }

    public static Path write(Path target, byte[] content) throws IOException {
        return write(target, out -> out.write(content));
    }

    public static Path write(Path target, Content content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        // a temporary name of this process's and thread's own, ending in .tmp (manifests skip those); unlike
        // Files.createTempFile no owner-only permissions: instructors share reports
        Path temp = dir.resolve("." + target.getFileName() + "." + PID + "-" + Thread.currentThread().getId() + ".tmp");
        try {
            try (OutputStream out = new BufferedOutputStream(open(temp, dir), BUFFER)) {
                content.writeTo(out);
            }
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /** Creates the folder only when it is missing: a batch writes thousands of files into folders that exist. */
    private static OutputStream open(Path temp, Path dir) throws IOException {
        try {
            return Files.newOutputStream(temp);
        } catch (NoSuchFileException e) {
            Files.createDirectories(dir);
            return Files.newOutputStream(temp);
        }
    }
}
