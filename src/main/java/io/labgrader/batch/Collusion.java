package io.labgrader.batch;

import io.labgrader.rubric.LocalizedText;
import io.labgrader.rubric.Messages;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntFunction;

/**
 * Finds machine identifiers (container IDs, Docker daemon IDs, VM UUIDs, MAC addresses) that occur in more than one
 * student's evidence. Keeps one compact index of identifier → students while the batch runs, never the evidence.
 * Each student gets one flag per other student they share identifiers with; an identifier shared by very many
 * students (a lab image every student cloned, a shared lab computer) gets one flag naming how many.
 */
final class Collusion {

    /** Above this many students, an identifier is reported as a count, not as pairs. */
    static final int PAIR_LIMIT = 10;
    /** At most this many flags per student; the last one then says how many more students share identifiers. */
    static final int FLAG_LIMIT = 10;
    private static final int SHOWN_VALUES = 3;

    /**
     * Identifier (by a 64-bit hash) → the one student whose evidence holds it (an Integer), or a {@link Group} once a
     * second student's does. About 60 bytes per distinct identifier, whatever the evidence's size.
     */
    private final Map<Long, Object> owners = new HashMap<>();

    private static final class Group {
        final String value;
        final List<Integer> students = new ArrayList<>(2);

        Group(String value, int first, int second) {
            this.value = value;
            students.add(first);
            students.add(second);
        }
    }

    synchronized void add(int student, Set<String> fingerprints) {
        for (String f : fingerprints) {
            long h = hash(f);
            Object owner = owners.get(h);
            if (owner == null) {
                owners.put(h, student);
            } else if (owner instanceof Integer first) {
                if (first != student) {
                    owners.put(h, new Group(f, first, student));
                }
            } else {
                Group g = (Group) owner;
                if (!g.students.contains(student)) {
                    g.students.add(student);
                }
            }
        }
    }

    /** FNV-1a, 64 bits: two distinct identifiers of one class share a hash with a chance of about n² / 2^65. */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** The collusion flags of every student who shares anything, by student index. */
    synchronized Map<Integer, List<Flag>> flags(IntFunction<Submission> who) {
        Map<String, List<Integer>> shared = new TreeMap<>();
        for (Object owner : owners.values()) {
            if (owner instanceof Group g) {
                shared.put(g.value, g.students.stream().sorted().toList());
            }
        }
        Map<Integer, Map<Integer, Set<String>>> pairs = new TreeMap<>();
        Map<Integer, Map<String, List<Integer>>> crowds = new TreeMap<>();
        for (Map.Entry<String, List<Integer>> e : shared.entrySet()) {
            List<Integer> group = e.getValue();
            for (int s : group) {
                if (group.size() > PAIR_LIMIT) {
                    crowds.computeIfAbsent(s, k -> new TreeMap<>()).put(e.getKey(), group);
                } else {
                    for (int other : group) {
                        if (other != s) {
                            pairs.computeIfAbsent(s, k -> new TreeMap<>()).computeIfAbsent(other, k -> new TreeSet<>()).add(e.getKey());
                        }
                    }
                }
            }
        }
        Map<Integer, List<Flag>> result = new TreeMap<>();
        for (Map.Entry<Integer, Map<Integer, Set<String>>> e : pairs.entrySet()) {
            List<Flag> flags = result.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
            int more = 0;
            for (Map.Entry<Integer, Set<String>> partner : e.getValue().entrySet()) {
                if (flags.size() >= FLAG_LIMIT - 1 && e.getValue().size() > FLAG_LIMIT) {
                    more++;
                    continue;
                }
                Submission other = who.apply(partner.getKey());
                boolean onlyDaemon = partner.getValue().stream().allMatch(f -> f.startsWith("daemon:"));
                flags.add(new Flag(Flag.Kind.COLLUSION, Messages.CORE.text(onlyDaemon ? "collusion.pairDaemon" : "collusion.pair",
                        describe(partner.getValue()), other.label()), List.of(other.key())));
            }
            if (more > 0) {
                flags.add(Flag.of(Flag.Kind.COLLUSION, Messages.CORE.text("collusion.more", more)));
            }
        }
        for (Map.Entry<Integer, Map<String, List<Integer>>> e : crowds.entrySet()) {
            List<Flag> flags = result.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
            for (Map.Entry<String, List<Integer>> crowd : e.getValue().entrySet()) {
                if (flags.size() >= FLAG_LIMIT) {
                    break;
                }
                int n = crowd.getValue().size();
                List<String> keys = crowd.getValue().stream().filter(i -> i != e.getKey().intValue()).limit(PAIR_LIMIT)
                        .map(i -> who.apply(i).key()).toList();
                flags.add(new Flag(Flag.Kind.COLLUSION, Messages.CORE.text("collusion.crowd", describe(Set.of(crowd.getKey())), n), keys));
            }
        }
        return result;
    }

    /** "Container-ID 3f2a1b2c3d4e und MAC-Adresse 08:00:27:…" / "container ID 3f2a1b2c3d4e and MAC address 08:00:27:…" */
    /** "container IDs a, b and Docker daemon ID C", in the reader's language. */
    private static LocalizedText describe(Set<String> fingerprints) {
        Map<String, List<String>> byKind = new LinkedHashMap<>();
        for (String kind : List.of("container", "daemon", "vm", "mac")) {
            for (String f : fingerprints) {
                if (f.startsWith(kind + ":")) {
                    byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(shortValue(kind, f.substring(kind.length() + 1)));
                }
            }
        }
        List<LocalizedText> parts = new ArrayList<>();
        byKind.forEach((kind, values) -> {
            String shown = String.join(", ", values.subList(0, Math.min(SHOWN_VALUES, values.size())))
                    + (values.size() > SHOWN_VALUES ? " (+" + (values.size() - SHOWN_VALUES) + ")" : "");
            parts.add(Messages.CORE.text("collusion." + kind + (values.size() > 1 ? ".many" : ".one"), shown));
        });
        return joinAnd(parts);
    }

    private static String shortValue(String kind, String value) {
        if (kind.equals("container")) {
            return value.substring(0, Math.min(12, value.length()));
        }
        if (kind.equals("daemon")) {
            // Docker's own spelling: "ABCD:EFGH:…" (compared in lower case), a UUID on newer engines
            String shown = value.matches("[0-9a-z]{4}(:[0-9a-z]{4})+") ? value.toUpperCase(java.util.Locale.ROOT) : value;
            return shown.length() > 24 ? shown.substring(0, 24) + "…" : shown;
        }
        return value;
    }

    /** "a, b and c": the last two joined by the language's "and". */
    private static LocalizedText joinAnd(List<LocalizedText> parts) {
        if (parts.size() <= 1) {
            return LocalizedText.join(parts, "");
        }
        return Messages.CORE.text("collusion.and", LocalizedText.join(parts.subList(0, parts.size() - 1), ", "), parts.get(parts.size() - 1));
    }
}
