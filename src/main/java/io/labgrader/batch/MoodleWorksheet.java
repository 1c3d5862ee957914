package io.labgrader.batch;

import io.labgrader.report.SafeText;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Moodle's grading worksheet ("Download grading worksheet" of an assignment with offline grading), read as Moodle's
 * importer reads it and written back with only the grade, "Last modified (grade)" and feedback comments cells of the
 * filled rows replaced: every other byte (byte order mark, delimiter, quoting, line endings, column and row order)
 * stays as Moodle wrote it.
 *
 * <p>Values are written so that Moodle reads them back exactly (mod/assign/feedback/offline/locallib.php,
 * assign_feedback_offline::process_import_grades): the grade as format_float writes it for the worksheet's language
 * (its decimal separator, as many decimals as the row's "Maximum Grade" shows), which unformat_float reads back; never
 * above the row's maximum, which the importer skips. The last-modified time as ISO 8601 with its zone, which PHP's
 * strtotime parses in any server time zone (Moodle's own German dates, "Dienstag, 2. Dezember 2025, 10:37", it
 * cannot parse); it is the grading time, later than any grade the worksheet was downloaded with, so the importer
 * does not take the row for stale ($usergrade->timemodified > $modified + 60).
 */
public final class MoodleWorksheet {

    /** The worksheet cannot be used: the message says what was expected, what was found and what to do. */
    public static final class Unusable extends Exception {
        Unusable(String message) {
            super(message, null, false, false);
        }
    }

    /** One student's row as the worksheet gives it; {@code grade} is the grade Moodle had when it was downloaded. */
    record Entry(int row, String identifier, String participantId, String fullName, String email, BigDecimal maxGrade,
                 int decimals, String grade, boolean locked) {
    }

    private static final long MAX_BYTES = 64L * 1024 * 1024;
    private static final char[] DELIMITERS = {',', ';', '\t', ':'};
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final Path source;
    private final String text;
    private final boolean bom;
    private final char delimiter;
    private final MoodleLanguage language;
    private final int gradeColumn;
    private final int modifiedColumn;
    private final int feedbackColumn;
    private final List<MoodleCsv.Row> rows;
    private final List<Entry> entries;
    /** Replacements by text position, applied from the end so earlier positions stay valid. */
    private final TreeMap<Integer, int[]> spans = new TreeMap<>();
    private final TreeMap<Integer, String> values = new TreeMap<>();

    private MoodleWorksheet(Path source, String text, boolean bom, char delimiter, MoodleLanguage language, int[] columns,
                            List<MoodleCsv.Row> rows, List<Entry> entries) {
        this.source = source;
        this.text = text;
        this.bom = bom;
        this.delimiter = delimiter;
        this.language = language;
        this.gradeColumn = columns[0];
        this.modifiedColumn = columns[1];
        this.feedbackColumn = columns[2];
        this.rows = rows;
        this.entries = entries;
    }

    public static MoodleWorksheet read(Path file) throws Unusable {
        byte[] bytes;
        try {
            if (!Files.isRegularFile(file)) {
                throw new Unusable(file + ": " + (Files.exists(file) ? "not a file" : "no such file")
                        + "; expected Moodle's grading worksheet (.csv)");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new Unusable(file + ": larger than 64 MiB; expected Moodle's grading worksheet (.csv)");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new Unusable(file + ": cannot be read: " + e.getMessage());
        }
        boolean bom = bytes.length >= 3 && bytes[0] == BOM[0] && bytes[1] == BOM[1] && bytes[2] == BOM[2];
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, bom ? 3 : 0, bytes.length - (bom ? 3 : 0))).toString();
        } catch (CharacterCodingException e) {
            throw new Unusable(file + ": not UTF-8 text; Moodle downloads its worksheet in UTF-8. Use the file as"
                    + " downloaded, or save it again as \"CSV UTF-8\"");
        }
        return parse(file, text, bom);
    }

    private static MoodleWorksheet parse(Path file, String text, boolean bom) throws Unusable {
        List<String> closest = null;
        List<String> closestHeader = List.of();
        for (char delimiter : DELIMITERS) {
            List<MoodleCsv.Row> rows = MoodleCsv.parse(text, delimiter);
            if (rows.isEmpty()) {
                continue;
            }
            List<String> header = rows.get(0).cells().stream().map(MoodleCsv.Cell::value).toList();
            for (MoodleLanguage lang : MoodleLanguage.ALL) {
                List<String> missing = lang.required().stream().filter(c -> !header.contains(c)).toList();
                if (missing.isEmpty()) {
                    return of(file, text, bom, delimiter, lang, rows, header);
                }
                if (closest == null || missing.size() < closest.size()) {
                    closest = missing;
                    closestHeader = header;
                }
            }
        }
        StringBuilder wanted = new StringBuilder();
        for (MoodleLanguage lang : MoodleLanguage.ALL) {
            wanted.append(wanted.length() == 0 ? "" : "; ").append(lang.code()).append(": ")
                    .append(String.join(", ", lang.required().stream().map(c -> "\"" + c + "\"").toList()));
        }
        throw new Unusable(file + ": not a Moodle grading worksheet in English or German: no column "
                + String.join(", ", (closest == null ? MoodleLanguage.EN.required() : closest).stream().map(c -> "\"" + c + "\"").toList())
                + " (expected " + wanted + "; found " + (closestHeader.isEmpty() ? "nothing" : String.join(", ",
                closestHeader.stream().map(c -> "\"" + SafeText.oneLine(c) + "\"").limit(12).toList())) + ")."
                + " Download it with \"Download grading worksheet\" (offline grading worksheet enabled) while Moodle is"
                + " shown in English or German, and give it unchanged.");
    }

    private static MoodleWorksheet of(Path file, String text, boolean bom, char delimiter, MoodleLanguage lang,
                                      List<MoodleCsv.Row> all, List<String> header) throws Unusable {
        int max = header.indexOf(lang.maxGrade());
        if (max < 0) {
            throw new Unusable(file + ": no column \"" + lang.maxGrade() + "\"" + (header.contains(lang.scale())
                    ? ": this assignment is graded with a scale; labgrader writes points. Set the assignment's grade type"
                    + " to \"Point\" and download the worksheet again" : "; download the worksheet again unchanged"));
        }
        int id = header.indexOf(lang.recordid());
        int name = header.indexOf(lang.fullname());
        int email = header.indexOf(lang.email());
        List<MoodleCsv.Row> rows = all.subList(1, all.size());
        List<Entry> entries = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            MoodleCsv.Row row = rows.get(r);
            String identifier = row.value(id);
            // importgradeslib.php ::next strips strlen(hiddenuser) bytes and looks the rest up as the unique id
            String rest = identifier.startsWith(lang.hiddenuser()) ? identifier.substring(lang.hiddenuser().length()) : "";
            String participant = rest.matches("\\d{1,12}") ? rest.replaceFirst("^0+(?=\\d)", "") : null;
            String maxCell = row.value(max).strip();
            BigDecimal maxGrade = number(maxCell, lang);
            int decimals = decimals(maxCell, lang);
            boolean locked = row.value(header.indexOf(lang.canChange())).strip().equals(lang.no());
            entries.add(new Entry(r, identifier, participant, row.value(name), row.value(email), maxGrade, decimals,
                    row.value(header.indexOf(lang.grade())).strip(), locked));
        }
        int[] columns = {header.indexOf(lang.grade()), header.indexOf(lang.modified()), header.indexOf(lang.feedback())};
        return new MoodleWorksheet(file, text, bom, delimiter, lang, columns, List.copyOf(rows), List.copyOf(entries));
    }

    /** As unformat_float reads it: spaces removed, the language's decimal separator as '.'; null if no number. */
    static BigDecimal number(String cell, MoodleLanguage lang) {
        String s = cell.strip().replace(" ", "").replace(lang.decimal(), '.');
        try {
            return s.isEmpty() ? null : new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** How many decimals format_float wrote: those of the grade item, as the "Maximum Grade" cell shows them. */
    static int decimals(String cell, MoodleLanguage lang) {
        int at = Math.max(cell.lastIndexOf(lang.decimal()), cell.lastIndexOf('.'));
        return at < 0 ? 0 : cell.length() - at - 1;
    }

    /** The grade for {@code score} of {@code maxScore} on this row's scale, rounded as the grade item shows it. */
    static BigDecimal scaled(int score, int maxScore, BigDecimal maxGrade, int decimals) {
        BigDecimal grade = maxScore <= 0 ? BigDecimal.ZERO : maxGrade.multiply(BigDecimal.valueOf(score))
                .divide(BigDecimal.valueOf(maxScore), decimals, RoundingMode.HALF_UP);
        return grade.min(maxGrade.setScale(decimals, RoundingMode.DOWN)).max(BigDecimal.ZERO.setScale(decimals));
    }

    /** The grade as format_float writes it in this worksheet's language: "7.50", "7,50". */
    String format(BigDecimal grade) {
        return grade.toPlainString().replace('.', language.decimal());
    }

    /** Fills a row: its grade, the time it was graded and, where the worksheet has the column, the feedback. */
    void fill(Entry entry, BigDecimal grade, Instant gradedAt, String feedbackHtml) {
        MoodleCsv.Row row = rows.get(entry.row());
        replace(row, gradeColumn, format(grade));
        replace(row, modifiedColumn, gradedAt.toString());
        if (feedbackColumn >= 0) {
            // a backslash before a quote would end the cell early for PHP's fgetcsv; in HTML it is an entity
            replace(row, feedbackColumn, feedbackHtml.replace("\\", "&#92;"));
        }
    }

    private void replace(MoodleCsv.Row row, int column, String value) {
        if (column < 0 || column >= row.cells().size()) {
            return;
        }
        MoodleCsv.Cell cell = row.cells().get(column);
        spans.put(cell.start(), new int[]{cell.start(), cell.end()});
        values.put(cell.start(), MoodleCsv.cell(value, delimiter));
    }

    void write(OutputStream out) throws IOException {
        StringBuilder result = new StringBuilder(text);
        for (Integer start : spans.descendingKeySet()) {
            int[] span = spans.get(start);
            result.replace(span[0], span[1], values.get(start));
        }
        if (bom) {
            out.write(BOM);
        }
        out.write(result.toString().getBytes(StandardCharsets.UTF_8));
    }

    List<Entry> entries() {
        return entries;
    }

    MoodleLanguage language() {
        return language;
    }

    public Path source() {
        return source;
    }

    /** The file name Moodle gave it; the filled worksheet keeps it. */
    public String fileName() {
        return source.getFileName().toString();
    }

    boolean hasEmail() {
        return entries.stream().anyMatch(e -> !e.email().isBlank());
    }

    char delimiter() {
        return delimiter;
    }

    boolean bom() {
        return bom;
    }
}
