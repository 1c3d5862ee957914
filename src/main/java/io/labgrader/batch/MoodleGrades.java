package io.labgrader.batch;

import io.labgrader.report.SafeText;
import io.labgrader.rubric.LocalizedText.Language;
import io.labgrader.rubric.Messages;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The batch's grades for Moodle: the filled worksheet and gradebook-import.csv when a worksheet was given, and for
 * every student what Moodle will make of their grade (summary.json, the overview and the console say it), so that no
 * row is presented as importable when Moodle cannot match it.
 */
final class MoodleGrades {

    static final String IMPORT_FILE = "gradebook-import.csv";

    /**
     * What Moodle makes of one student's grade.
     *
     * @param status     filled, unmatched, ambiguous, locked, not-graded (with a worksheet); importable, not-importable,
     *                   not-graded (gradebook.csv alone)
     * @param identifier the worksheet's or gradebook's identifier ("Participant 123456"), or "" without a row
     * @param grade      the grade as written ("7,50"), or ""
     * @param reason     why Moodle gets no grade, or ""
     */
    record Status(String status, String identifier, String grade, String reason) {
    }

    private final MoodleOptions options;
    private final int rubricMax;
    private final Language language;
    private final Map<Integer, Status> statuses = new HashMap<>();
    private final List<BatchResult.Problem> problems = new ArrayList<>();
    private final List<BatchResult.Problem> replaced = new ArrayList<>();
    private Map<Integer, MoodleMatch.Result> matches = Map.of();
    private int filled;
    private int importable;

    private MoodleGrades(MoodleOptions options, int rubricMax, Language language) {
        this.options = options;
        this.rubricMax = rubricMax;
        this.language = language;
    }

    static MoodleGrades prepare(MoodleOptions options, int rubricMax, Spool.Source students, Language language)
            throws IOException {
        MoodleGrades grades = new MoodleGrades(options, rubricMax, language);
        MoodleWorksheet sheet = options.worksheet();
        if (sheet != null) {
            grades.matches = MoodleMatch.of(sheet, students, language);
        }
        students.forEach(grades::decide);
        return grades;
    }

    private void decide(StudentResult s) {
        Submission who = s.submission();
        MoodleWorksheet sheet = options.worksheet();
        Status status;
        if (sheet != null) {
            MoodleMatch.Result match = matches.get(who.index());
            if (match == null || !match.matched()) {
                status = new Status(match != null && match.ambiguous() ? "ambiguous" : "unmatched", "", "",
                        match == null ? "" : match.reason());
            } else {
                MoodleWorksheet.Entry e = sheet.entries().get(match.entry());
                if (!s.gradable()) {
                    status = new Status("not-graded", e.identifier(), "", t("moodle.notGradableRowKept"));
                } else if (e.locked()) {
                    // locallib.php process_import_grades skips a grade whose grading is disabled (grading_disabled)
                    String column = "\"" + sheet.language().canChange() + ": " + sheet.language().no() + "\"";
                    status = new Status("locked", e.identifier(), "", t("moodle.locked", column));
                } else if (e.maxGrade() == null || e.maxGrade().signum() <= 0) {
                    String column = "\"" + sheet.language().maxGrade() + "\"";
                    status = new Status("unmatched", e.identifier(), "", t("moodle.noMaxGrade", column));
                } else {
                    String grade = sheet.format(worksheetGrade(s, e));
                    status = new Status("filled", e.identifier(), grade, "");
                    filled++;
                    if (!e.grade().isEmpty() && !e.grade().equals(grade)) {
                        // a grade someone gave in Moodle before the download: replaced, and said so
                        replaced.add(new BatchResult.Problem(SafeText.oneLine(who.label()), SafeText.oneLine(e.grade()) + " → " + grade));
                    }
                }
            }
        } else if (!s.gradable()) {
            status = new Status("not-graded", "", "", t("moodle.notGradableNoRow"));
        } else if (who.fromMoodle()) {
            status = new Status("importable", who.identifier(), gradebookGrade(s), "");
            importable++;
        } else {
            status = new Status("not-importable", "", gradebookGrade(s), t("moodle.noParticipantId"));
        }
        statuses.put(who.index(), status);
        if (!status.reason().isEmpty() && !status.status().equals("not-graded")) {
            problems.add(new BatchResult.Problem(SafeText.oneLine(who.label()), status.reason()));
        }
    }

    private String t(String key, Object... args) {
        return Messages.CORE.get(language, key, args);
    }

    Status status(StudentResult s) {
        return statuses.getOrDefault(s.submission().index(), new Status("not-graded", "", "", ""));
    }

    private BigDecimal worksheetGrade(StudentResult s, MoodleWorksheet.Entry e) {
        return MoodleWorksheet.scaled(s.score(), s.maxScore(), e.maxGrade(), e.decimals());
    }

    /** gradebook.csv's maximum: --max-grade, else the rubric's. */
    BigDecimal maxGrade() {
        return options.maxGrade() != null ? options.maxGrade() : BigDecimal.valueOf(rubricMax);
    }

    /** The score on gradebook.csv's scale, at most two decimals, with '.' (which unformat_float reads in any language). */
    String gradebookGrade(StudentResult s) {
        BigDecimal max = maxGrade();
        BigDecimal grade = s.maxScore() <= 0 ? BigDecimal.ZERO
                : max.multiply(BigDecimal.valueOf(s.score())).divide(BigDecimal.valueOf(s.maxScore()), 2, RoundingMode.HALF_UP);
        return grade.stripTrailingZeros().toPlainString();
    }

    /** Writes the filled worksheet and, where e-mail addresses are known, gradebook-import.csv; returns the files. */
    List<Path> write(Path out, Spool.Source students, Instant gradedAt) throws IOException {
        MoodleWorksheet sheet = options.worksheet();
        if (sheet == null) {
            return List.of();
        }
        students.forEach(s -> {
            MoodleMatch.Result match = matches.get(s.submission().index());
            if (s.gradable() && match != null && match.matched() && "filled".equals(status(s).status())) {
                MoodleWorksheet.Entry e = sheet.entries().get(match.entry());
                sheet.fill(e, worksheetGrade(s, e), gradedAt, s.feedback());
            }
        });
        List<Path> files = new ArrayList<>();
        files.add(AtomicFiles.write(out.resolve(sheet.fileName()), sheet::write));
        if (sheet.hasEmail()) {
            files.add(AtomicFiles.write(out.resolve(IMPORT_FILE), o -> writeImport(sheet, students, o)));
        }
        return files;
    }

    /**
     * gradebook-import.csv for the course gradebook's CSV import (grade/import/csv, classes/load_data.php): the user
     * column is mapped to "Email address" (useremail: the user whose e-mail is exactly this), the grade column to the
     * assignment's grade item (read with unformat_float($value, true), so '.' decimals, which every language reads),
     * the feedback column to its feedback. One user the import cannot find aborts the whole import
     * (usermappingerrorusernotfound), so only filled rows with an e-mail address are written.
     */
    private void writeImport(MoodleWorksheet sheet, Spool.Source students, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder()
                .setHeader("Email address", "Grade", "Feedback comments").get());
        students.forEach(s -> {
            MoodleMatch.Result match = matches.get(s.submission().index());
            if (match == null || !match.matched() || !"filled".equals(status(s).status())) {
                return;
            }
            MoodleWorksheet.Entry e = sheet.entries().get(match.entry());
            String email = SafeText.oneLine(e.email());
            if (email.isEmpty() || !SafeText.noFormula(email).equals(email)) {
                return;     // an apostrophe would make the address unknown and abort the whole import; the worksheet has it
            }
            csv.printRecord(email, worksheetGrade(s, e).toPlainString(),
                    SafeText.noFormula(s.feedback().replace("\\", "&#92;")));
        });
        csv.flush();
    }

    MoodleSummary summary() {
        MoodleWorksheet sheet = options.worksheet();
        return new MoodleSummary(sheet == null ? null : sheet.fileName(), sheet == null ? null : sheet.language().code(),
                sheet == null ? 0 : sheet.entries().size(), filled, importable, maxGrade(), sheet != null && sheet.hasEmail() ? IMPORT_FILE : null,
                problems, replaced);
    }

    boolean hasWorksheet() {
        return options.worksheet() != null;
    }
}
