package io.labgrader.batch;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The safety check of a bundle folder read where it is: not larger than the limits, no special files, no symbolic
 * link that leads out of the bundle. Everything the graders and the manifest check may open.
 */
final class BundleFolderCheck {

    private BundleFolderCheck() {
    }

    /** Size, special files and links of a bundle folder: everything the graders and the manifest check may open. */
    static void check(Path bundle, String shown, Limits limits) throws Rejection {
        Path bundleReal;
        try {
            bundleReal = bundle.toRealPath();
        } catch (IOException e) {
            throw SubmissionRejections.unreadable(shown, e);
        }
        long[] bytes = {0};
        int[] entries = {0};
        try {
            Files.walkFileTree(bundle, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    if (++entries[0] > limits.maxEntries()) {
                        throw new Stop("too many");
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (++entries[0] > limits.maxEntries()) {
                        throw new Stop("too many");
                    }
                    String relative = bundle.relativize(file).toString().replace('\\', '/');
                    if (attrs.isSymbolicLink()) {
                        if (!insideAfterLink(file, bundleReal)) {
                            throw new Stop("link:" + relative);
                        }
                    } else if (!attrs.isRegularFile()) {
                        throw new Stop("special:" + relative);
                    } else {
                        bytes[0] += attrs.size();
                        if (bytes[0] > limits.maxBytes()) {
                            throw new Stop("huge");
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (Stop e) {
            String what = e.getMessage();
            if (what.startsWith("link:")) {
                throw SubmissionRejections.linkOut(shown + "/" + what.substring(5));
            }
            if (what.startsWith("special:")) {
                throw SubmissionRejections.special(shown + "/" + what.substring(8));
            }
            throw what.equals("huge") ? SafeUnzip.tooLarge(shown, limits) : SubmissionRejections.tooManyFiles(shown, limits);
        } catch (IOException e) {
            throw SubmissionRejections.unreadable(shown, e);
        }
    }

    /** Ends a walk early; the message says why. */
    static final class Stop extends IOException {
        Stop(String why) {
            super(why, null);
        }
    }

    /**
     * Where the link finally leads stays inside {@code inside}; for a link to nothing, where it points. Reading a link
     * to nothing fails later like any missing file.
     */
    static boolean insideAfterLink(Path link, Path inside) {
        try {
            return link.toRealPath().startsWith(inside);
        } catch (IOException dangling) {
            try {
                return link.getParent().resolve(Files.readSymbolicLink(link)).normalize().startsWith(inside);
            } catch (IOException e) {
                return false;
            }
        }
    }
}
