package io.labgrader.grading;

import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * The grading suites' classes, listed at build time (mvn process-classes runs {@link #main}) in a resource of the
 * jar, so that a start selects them by name instead of scanning the graders' package in the jar for them (a walk
 * through the jar's file system, the larger part of JUnit's discovery). Without the resource (a build that skipped
 * the step, an IDE), discovery scans as before.
 */
public final class SuiteIndex {

    static final String RESOURCE = "META-INF/labgrader/grading-suites";

    private SuiteIndex() {
    }

    /**
     * What discovery selects for a rubric of the lab {@code lab}: the suites its module names (no scan); for a lab
     * no module knows (a rubric of one's own under another id), the suites of the jar's index, else a scan of the
     * first lab's package, as before labs were modules; grading then runs those whose section the rubric has.
     */
    static List<? extends DiscoverySelector> selectors(String lab) {
        for (SuiteCatalog catalog : ServiceLoader.load(SuiteCatalog.class, SuiteIndex.class.getClassLoader())) {
            Optional<List<Class<?>>> suites = catalog.suitesOf(lab);
            if (suites.isPresent()) {
                return suites.get().stream().map(DiscoverySelectors::selectClass).toList();
            }
        }
        return read().<List<? extends DiscoverySelector>>map(classes -> classes.stream().map(DiscoverySelectors::selectClass).toList())
                .orElseGet(() -> List.of(DiscoverySelectors.selectPackage(GradingConfig.GRADERS_PACKAGE)));
    }

    /** The suites' class names from the jar's index; empty when there is none. */
    static Optional<List<String>> read() {
        try (InputStream in = SuiteIndex.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return Optional.empty();
            }
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return Optional.of(reader.lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
            }
        } catch (IOException e) {
            return Optional.empty(); // an unreadable index: scan
        }
    }

    /** Writes the index into a compiled classes folder: every class of the graders' package marked {@link GradingSuite}. */
    public static void main(String[] args) throws IOException {
        Path classes = Path.of(args[0]);
        Path index = classes.resolve(RESOURCE);
        Files.createDirectories(index.getParent());
        Files.write(index, suitesIn(classes), StandardCharsets.UTF_8);
    }

    static List<String> suitesIn(Path classes) throws IOException {
        Path pkg = classes.resolve(GradingConfig.GRADERS_PACKAGE.replace('.', '/'));
        try (Stream<Path> files = Files.list(pkg)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".class") && !n.contains("$"))
                    .map(n -> GradingConfig.GRADERS_PACKAGE + "." + n.substring(0, n.length() - ".class".length()))
                    .filter(SuiteIndex::isSuite)
                    .sorted()
                    .toList();
        }
    }

    private static boolean isSuite(String className) {
        try {
            return Class.forName(className, false, SuiteIndex.class.getClassLoader()).isAnnotationPresent(GradingSuite.class);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new UncheckedIOException(new IOException("cannot load " + className + " to index it: " + e, e));
        }
    }
}
