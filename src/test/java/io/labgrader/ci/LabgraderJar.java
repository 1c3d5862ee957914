package io.labgrader.ci;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * The labgrader jar the pipeline jobs run ("java -jar", as on GitLab). Under mvn verify the tests run before the
 * package phase, so the shaded jar does not exist yet: this builds a launcher jar whose manifest names labgrader's
 * compiled classes and its dependencies (the class path these tests run with, without the test classes). It runs
 * exactly the code under test. -Dlabgrader.jar=PATH uses a built jar instead (e.g. target/labgrader.jar).
 */
final class LabgraderJar {

    private static Path jar;

    private LabgraderJar() {
    }

    static synchronized Path get() {
        if (jar != null) {
            return jar;
        }
        String given = System.getProperty("labgrader.jar");
        if (given != null && !given.isBlank()) {
            Path path = Path.of(given).toAbsolutePath();
            if (!Files.isRegularFile(path)) {
                throw new AssertionError("-Dlabgrader.jar=" + given + ": no such file");
            }
            return jar = path;
        }
        try {
            Path dir = Files.createTempDirectory("labgrader-ci-jar");
            Path file = dir.resolve("labgrader.jar");
            List<String> classPath = new ArrayList<>();
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                Path p = Path.of(entry).toAbsolutePath();
                if (entry.isBlank() || p.getFileName().toString().equals("test-classes") || !Files.exists(p)) {
                    continue;
                }
                classPath.add(p.toUri().toString()); // a folder's URI ends with '/', as the manifest needs
            }
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "io.labgrader.cli.Main");
            manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", classPath));
            try (OutputStream out = Files.newOutputStream(file); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
                // the manifest is the whole jar
            }
            dir.toFile().deleteOnExit(); // deleted in reverse order: the file, then its folder
            file.toFile().deleteOnExit();
            return jar = file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
