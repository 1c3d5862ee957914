package io.labgrader.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;

/**
 * Finds English in German output. The fragments are labgrader's own English: every literal stretch of at least two
 * words between the arguments of an English message (core and lab bundles) that no German message contains, and the
 * few English words that used to be glued into German sentences by hand ("exit code"). Tool output quoted in a
 * message (Docker's "running", an error text of the engine) is the tool's own and is not looked for.
 */
public final class GermanLeaks {

    private static final List<String> BUNDLES = List.of("io/labgrader/messages", "io/labgrader/lab/messages",
            "io/labgrader/labs/networks/messages");
    /** English that German output showed before it was moved into bundles, and words only English sentences start with. */
    private static final List<String> BY_HAND = List.of("exit code", "Expected ", " but found", "Tried: ", "never started",
            "Score: ", "Hint: ", "not gradable", "could not be");
    private static final Collection<String> FRAGMENTS = fragments();

    private GermanLeaks() {
    }

    /** The English fragments in a German text; empty when there are none. */
    public static List<String> in(String german) {
        List<String> found = new ArrayList<>();
        for (String f : FRAGMENTS) {
            if (german.contains(f)) {
                found.add(f);
            }
        }
        return found;
    }

    public static int fragmentCount() {
        return FRAGMENTS.size();
    }

    private static Collection<String> fragments() {
        StringBuilder german = new StringBuilder();
        List<String> english = new ArrayList<>();
        for (String bundle : BUNDLES) {
            load(bundle + "_de.properties").values().forEach(v -> german.append(unquote((String) v)).append('\n'));
            load(bundle + ".properties").values().forEach(v -> english.add(unquote((String) v)));
        }
        TreeSet<String> fragments = new TreeSet<>(BY_HAND);
        for (String pattern : english) {
            for (String piece : pattern.split("\\{\\d+}")) {
                String p = piece.strip();
                if (p.split("\\s+").length >= 2 && p.length() >= 8 && !german.toString().contains(p)) {
                    fragments.add(p);
                }
            }
        }
        return List.copyOf(fragments);
    }

    /** A MessageFormat pattern's literal text: '' is a quote. */
    private static String unquote(String pattern) {
        return pattern.replace("''", "'");
    }

    private static Properties load(String resource) {
        Properties p = new Properties();
        try (InputStream in = GermanLeaks.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("expected the bundle " + resource + " on the classpath, but found none");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
