package io.labgrader.batch;

import io.labgrader.rubric.Messages;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds students whose names look the same but are different strings: "José" typed as one code point é (NFC, as
 * Windows and most keyboards write it) and as e plus a combining accent (NFD, as macOS's file system writes names),
 * or names that differ only in case. Such a pair shows as two identical-looking identifiers in every report, and is
 * often the same student twice (a folder renamed on a Mac, a zip uploaded again). Each of them gets a
 * {@link Flag.Kind#SAME_NAME} flag naming the other; like every flag it changes no score.
 */
final class SameNames {

    private SameNames() {
    }

    /** The flags of every student who shares a look-alike name, by student index. */
    static Map<Integer, List<Flag>> flags(List<Submission> students) {
        Map<String, List<Submission>> byLook = new LinkedHashMap<>();
        for (Submission s : students) {
            byLook.computeIfAbsent(comparable(s.name()), k -> new ArrayList<>()).add(s);
        }
        Map<Integer, List<Flag>> flags = new TreeMap<>();
        for (List<Submission> same : byLook.values()) {
            if (same.stream().map(Submission::name).distinct().count() < 2) {
                continue;   // one spelling: the same name exactly is a Moodle namesake (told apart by the id) or a duplicate
            }
            for (Submission s : same) {
                for (Submission other : same) {
                    if (other != s && !other.name().equals(s.name())) {
                        flags.computeIfAbsent(s.index(), k -> new ArrayList<>()).add(flag(s, other));
                    }
                }
            }
        }
        return flags;
    }

    /** A name as compared: NFC, then case-folded. */
    static String comparable(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    private static Flag flag(Submission s, Submission other) {
        boolean unicode = Normalizer.normalize(s.name(), Normalizer.Form.NFC)
                .equals(Normalizer.normalize(other.name(), Normalizer.Form.NFC));
        return new Flag(Flag.Kind.SAME_NAME, Messages.CORE.text(unicode ? "flag.sameName.unicode" : "flag.sameName.case",
                other.label(), other.source()), List.of(other.key()));
    }
}
