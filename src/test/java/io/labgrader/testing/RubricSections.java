package io.labgrader.testing;

import java.util.ArrayList;
import java.util.List;

/** Cuts the lab's rubric.yml down to one section, keeping its text (and so its line numbers) otherwise as is. */
public final class RubricSections {

    private RubricSections() {
    }

    public static String only(String rubric, String section) {
        String[] lines = rubric.split("\n", -1);
        List<String> kept = new ArrayList<>();
        boolean keep = true;
        for (String line : lines) {
            if (line.startsWith("  - id: ")) {
                keep = line.equals("  - id: " + section);
            }
            if (keep) {
                kept.add(line);
            }
        }
        if (kept.stream().noneMatch(l -> l.equals("  - id: " + section))) {
            throw new AssertionError("rubric.yml has no section " + section);
        }
        return String.join("\n", kept);
    }
}
