package io.labgrader.batch;

import io.labgrader.report.SafeText;
import io.labgrader.rubric.LocalizedText;
import io.labgrader.rubric.LocalizedText.Language;
import io.labgrader.rubric.Messages;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which worksheet row belongs to which submission, never guessed: the Moodle participant id of the download layout
 * ("Ada Lovelace_123456_assignsubmission_file_"); otherwise a submission named by an e-mail address matches the row
 * with that address, and any other the row whose full name is the same after Unicode normalisation (NFKC), ignoring
 * case and runs of spaces. A submission that matches no row, or more than one, or a row another submission matches
 * too, gets no row and its reason.
 */
final class MoodleMatch {

    /** The row of a submission (-1 for none) and, without one, why: no row, or more than one (ambiguous). */
    record Result(int entry, boolean ambiguous, String reason) {
        boolean matched() {
            return entry >= 0;
        }
    }

    private MoodleMatch() {
    }

    static Map<Integer, Result> of(MoodleWorksheet sheet, Spool.Source students, Language language) throws IOException {
        Map<String, List<Integer>> byId = new HashMap<>();
        Map<String, List<Integer>> byEmail = new HashMap<>();
        Map<String, List<Integer>> byName = new HashMap<>();
        for (MoodleWorksheet.Entry e : sheet.entries()) {
            if (e.participantId() == null) {
                continue;   // Moodle's importer cannot find its user either
            }
            byId.computeIfAbsent(e.participantId(), k -> new ArrayList<>()).add(e.row());
            if (!e.email().isBlank()) {
                byEmail.computeIfAbsent(key(e.email()), k -> new ArrayList<>()).add(e.row());
            }
            if (!e.fullName().isBlank()) {
                byName.computeIfAbsent(key(e.fullName()), k -> new ArrayList<>()).add(e.row());
            }
        }
        Map<Integer, Result> results = new HashMap<>();
        Map<Integer, List<Submission>> claims = new HashMap<>();
        students.forEach(s -> {
            Submission who = s.submission();
            Result r = candidate(who, sheet, byId, byEmail, byName, language);
            results.put(who.index(), r);
            if (r.matched()) {
                claims.computeIfAbsent(r.entry(), k -> new ArrayList<>()).add(who);
            }
        });
        claims.forEach((row, claimants) -> {
            if (claimants.size() > 1) {
                String all = String.join(", ", claimants.stream().map(c -> SafeText.oneLine(c.label())).toList());
                for (Submission c : claimants) {
                    String id = SafeText.oneLine(sheet.entries().get(row).identifier());
                    results.put(c.index(), new Result(-1, true,
                            Messages.CORE.get(language, "moodle.rowClaimedTwice", id, claimants.size(), all)));
                }
            }
        });
        return results;
    }

    private static Result candidate(Submission who, MoodleWorksheet sheet, Map<String, List<Integer>> byId,
                                    Map<String, List<Integer>> byEmail, Map<String, List<Integer>> byName, Language language) {
        LocalizedText what;
        List<Integer> rows;
        String name = "\"" + SafeText.oneLine(who.name()) + "\"";
        if (who.fromMoodle()) {
            what = Messages.CORE.text("moodle.byParticipantId", who.participantId());
            rows = byId.getOrDefault(who.participantId(), List.of());
        } else if (who.name().contains("@")) {
            what = Messages.CORE.text(sheet.hasEmail() ? "moodle.byEmail" : "moodle.byEmailNoColumn", name);
            rows = byEmail.getOrDefault(key(who.name()), List.of());
        } else {
            what = Messages.CORE.text("moodle.byFullName", name);
            rows = byName.getOrDefault(key(who.name()), List.of());
        }
        if (rows.size() == 1) {
            return new Result(rows.get(0), false, "");
        }
        if (rows.isEmpty()) {
            return new Result(-1, false, Messages.CORE.get(language, "moodle.noRow", what));
        }
        String ids = String.join(", ", rows.stream().map(r -> SafeText.oneLine(sheet.entries().get(r).identifier())).toList());
        return new Result(-1, true, Messages.CORE.get(language, "moodle.severalRows", rows.size(), what, ids));
    }

    /** Unicode-normalised (NFKC), case-folded, controls and bidirectional marks removed, spaces collapsed. */
    static String key(String text) {
        return Normalizer.normalize(SafeText.oneLine(text), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", " ").strip();
    }
}
