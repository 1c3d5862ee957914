package io.labgrader.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * What the search in a submission's folder saw of every file, so that a bundle it saw whole is checked without
 * reading its folders again.
 */
final class WalkedFiles {
    private final java.util.Map<Path, BasicFileAttributes> seen = new java.util.LinkedHashMap<>();
    final List<Path> unseen = new ArrayList<>();   // folders skipped or at the depth limit

    void add(Path p, BasicFileAttributes attrs) {
        seen.put(p, attrs);
    }

    /** Every entry below the bundle was seen: none of the skipped or too deep folders lies in it. */
    boolean covers(Path bundle) {
        return unseen.stream().noneMatch(u -> u.startsWith(bundle));
    }

    void check(Path bundle, String shown, Limits limits) throws Rejection {
        Path bundleReal;
        try {
            bundleReal = bundle.toRealPath();
        } catch (IOException e) {
            throw SubmissionRejections.unreadable(shown, e);
        }
        long bytes = 0;
        int entries = 0;
        for (java.util.Map.Entry<Path, BasicFileAttributes> e : seen.entrySet()) {
            if (!e.getKey().startsWith(bundle)) {
                continue;
            }
            if (++entries > limits.maxEntries()) {
                throw SubmissionRejections.tooManyFiles(shown, limits);
            }
            BasicFileAttributes attrs = e.getValue();
            String relative = bundle.relativize(e.getKey()).toString().replace('\\', '/');
            if (attrs.isSymbolicLink()) {
                if (!BundleFolderCheck.insideAfterLink(e.getKey(), bundleReal)) {
                    throw SubmissionRejections.linkOut(shown + "/" + relative);
                }
            } else if (attrs.isRegularFile()) {
                bytes += attrs.size();
                if (bytes > limits.maxBytes()) {
                    throw SafeUnzip.tooLarge(shown, limits);
                }
            } else if (!attrs.isDirectory()) {
                throw SubmissionRejections.special(shown + "/" + relative);
            }
        }
    }
}
