package io.labgrader.batch;

import io.labgrader.rubric.LocalizedText;
import io.labgrader.rubric.Messages;
import io.labgrader.rubric.LocalizedText.Language;

import java.util.List;

/**
 * Something an instructor should look at. A flag never changes a score.
 *
 * @param kind   what kind of observation
 * @param detail what exactly, e.g. which IDs are shared with whom, or which files changed
 * @param others the keys of the other students involved (collusion), in batch order
 */
public record Flag(Kind kind, LocalizedText detail, List<String> others) {

    public Flag {
        others = List.copyOf(others);
    }

    public static Flag of(Kind kind, LocalizedText detail) {
        return new Flag(kind, detail, List.of());
    }

    public enum Kind {
        /** the same container ID, Docker daemon ID, VM UUID or MAC address in two students' evidence */
        COLLUSION,
        /** the manifest's hashes do not match the files */
        MODIFIED,
        /** the journal disagrees with the engine's raw captures in the same bundle */
        INCONSISTENT,
        /** no observation from labgrader check or watch */
        NO_LIVE,
        /** two students whose names differ only in Unicode form or case: one student twice? */
        SAME_NAME;

        /** "collusion" / "gleiche Umgebung": the bundle's flag.kind.{id}. */
        public String label(Language language) {
            return Messages.CORE.get(language, "flag.kind." + id());
        }

        /** "collusion", "modified", "no-live": for CSS classes and JSON */
        public String id() {
            return switch (this) {
                case COLLUSION -> "collusion";
                case MODIFIED -> "modified";
                case INCONSISTENT -> "inconsistent";
                case NO_LIVE -> "no-live";
                case SAME_NAME -> "same-name";
            };
        }
    }
}
