package io.labgrader.batch;

import io.labgrader.report.SafeText;
import io.labgrader.rubric.LocalizedText.Language;

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
        boolean de = language == Language.DE;
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
            Result r = candidate(who, sheet, byId, byEmail, byName, de);
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
                    results.put(c.index(), new Result(-1, true, de
                            ? "die Zeile " + id + " der Bewertungstabelle passt zu " + claimants.size() + " Abgaben (" + all + "); keine wird eingetragen"
                            : "the worksheet row " + id + " matches " + claimants.size() + " submissions (" + all + "); none is filled in"));
                }
            }
        });
        return results;
    }

    private static Result candidate(Submission who, MoodleWorksheet sheet, Map<String, List<Integer>> byId,
                                    Map<String, List<Integer>> byEmail, Map<String, List<Integer>> byName, boolean de) {
        String what;
        List<Integer> rows;
        String name = "\"" + SafeText.oneLine(who.name()) + "\"";
        if (who.fromMoodle()) {
            what = (de ? "die Teilnehmer-ID " : "participant id ") + who.participantId();
            rows = byId.getOrDefault(who.participantId(), List.of());
        } else if (who.name().contains("@")) {
            what = (de ? "die E-Mail-Adresse " : "e-mail address ") + name + (sheet.hasEmail() ? ""
                    : de ? " (die Bewertungstabelle enthält keine E-Mail-Adressen)" : " (the worksheet has no e-mail addresses)");
            rows = byEmail.getOrDefault(key(who.name()), List.of());
        } else {
            what = (de ? "den vollständigen Namen " : "full name ") + name;
            rows = byName.getOrDefault(key(who.name()), List.of());
        }
        if (rows.size() == 1) {
            return new Result(rows.get(0), false, "");
        }
        if (rows.isEmpty()) {
            return new Result(-1, false, (de ? "keine Zeile der Bewertungstabelle hat " : "no worksheet row has the ") + what);
        }
        String ids = String.join(", ", rows.stream().map(r -> SafeText.oneLine(sheet.entries().get(r).identifier())).toList());
        return new Result(-1, true, de ? rows.size() + " Zeilen der Bewertungstabelle haben " + what + " (" + ids + ")"
                : rows.size() + " worksheet rows have the " + what + " (" + ids + ")");
    }

    /** Unicode-normalised (NFKC), case-folded, controls and bidirectional marks removed, spaces collapsed. */
    static String key(String text) {
        return Normalizer.normalize(SafeText.oneLine(text), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", " ").strip();
    }
}
