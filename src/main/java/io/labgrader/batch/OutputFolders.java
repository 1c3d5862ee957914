package io.labgrader.batch;

import io.labgrader.report.StudentReports;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Housekeeping of the output folder: work folders killed runs left, and student folders of an earlier run. */
final class OutputFolders {

    /** A run's work folder is this and the run's process id; only a live process keeps its own. */
    static final String WORK_PREFIX = ".work-";

    private OutputFolders() {
    }

    /** Removes work folders that runs killed outright (SIGKILL) left behind. */
    static void removeStaleWork(Path out) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(out, WORK_PREFIX + "*")) {
            for (Path p : entries) {
                String pid = p.getFileName().toString().substring(WORK_PREFIX.length());
                boolean alive = pid.matches("\\d{1,19}") && ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
                if (!alive && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    AtomicFiles.deleteQuietly(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            // nothing to remove, or not now
        }
    }

    /**
     * Removes student folders of an earlier run whose student is no longer in the batch, so the folder matches the
     * overview. Only folders holding nothing but labgrader's own report files are removed.
     */
    static void pruneStaleStudents(Path students, List<Submission> current) {
        if (!Files.isDirectory(students, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Set<String> keep = new HashSet<>();
        current.forEach(s -> keep.add(s.folder()));
        Set<String> ours = new HashSet<>(StudentReports.fileNames());
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(students)) {
            for (Path dir : dirs) {
                if (keep.contains(dir.getFileName().toString()) || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                boolean onlyReports;
                try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
                    onlyReports = true;
                    for (Path f : files) {
                        onlyReports &= ours.contains(f.getFileName().toString()) && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS);
                    }
                }
                if (onlyReports) {
                    AtomicFiles.deleteTree(dir);
                }
            }
        } catch (IOException e) {
            // stale folders stay; the overview lists only this run's students
        }
    }
}
