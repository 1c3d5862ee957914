package io.labgrader.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Folder trees for tests: sample bundles, student repositories (with .git), installed files. */
public final class Trees {

    private Trees() {
    }

    /** Copies the folder {@code from} with everything in it to {@code to}, creating folders as needed. */
    public static Path copy(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target);
                }
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Zips every file of {@code folder}, in name order, as {@code prefix + path} (e.g. "evidence/journal.jsonl"). */
    public static Path zip(Path folder, Path zipFile, String prefix) {
        try (java.io.OutputStream out = Files.newOutputStream(zipFile);
             java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out); Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(prefix + folder.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, zip);
                zip.closeEntry();
            }
            return zipFile;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
