package io.labgrader.batch;

import java.util.ArrayList;
import java.util.List;

/**
 * CSV exactly as Moodle reads and writes it, with the position of every cell in the text, so that a worksheet can be
 * written back with only the changed cells replaced and every other byte as Moodle wrote it.
 *
 * <p>Why not Commons CSV here: Moodle reads with PHP's {@code fgetcsv} (lib/csvlib.class.php,
 * csv_import_reader::load_csv_content) and writes with PHP's {@code fputcsv} (Spout's CSV writer behind the
 * worksheet download). Both use a backslash escape that RFC 4180 parsers do not know: inside quotes a backslash makes
 * the next character literal and both characters are kept, and {@code fputcsv} does not double a quote that follows a
 * backslash. A cell Moodle wrote as {@code "a\"b"} is therefore one cell to Moodle but not to an RFC 4180 parser. And
 * keeping untouched cells byte for byte needs their positions, which no CSV library reports.
 */
final class MoodleCsv {

    /** A cell's raw text is {@code text[start, end)}; {@code value} is what PHP's fgetcsv makes of it. */
    record Cell(int start, int end, String value) {
    }

    /** One record; {@code end} is where its line ending (or the text) starts. */
    record Row(int start, int end, List<Cell> cells) {
        String value(int column) {
            return column >= 0 && column < cells.size() ? cells.get(column).value() : "";
        }
    }

    private MoodleCsv() {
    }

    /** Every record of the text; empty lines are skipped, as csv_import_reader skips them. */
    static List<Row> parse(String text, char delimiter) {
        List<Row> rows = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            int rowStart = i;
            List<Cell> cells = new ArrayList<>();
            boolean endOfRow = false;
            while (!endOfRow) {
                int cellStart = i;
                StringBuilder value = new StringBuilder();
                if (i < n && text.charAt(i) == '"') {
                    i++;
                    while (i < n) {
                        char c = text.charAt(i);
                        if (c == '\\' && i + 1 < n) {      // PHP's escape: keep both, the next one is literal
                            value.append(c).append(text.charAt(i + 1));
                            i += 2;
                        } else if (c == '"' && i + 1 < n && text.charAt(i + 1) == '"') {
                            value.append('"');
                            i += 2;
                        } else if (c == '"') {
                            i++;
                            break;
                        } else {
                            value.append(c);
                            i++;
                        }
                    }
                }
                while (i < n && text.charAt(i) != delimiter && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                    value.append(text.charAt(i));   // after a closing quote PHP keeps what follows, as text
                    i++;
                }
                cells.add(new Cell(cellStart, i, value.toString()));
                if (i < n && text.charAt(i) == delimiter) {
                    i++;
                } else {
                    endOfRow = true;
                }
            }
            int rowEnd = i;
            if (i < n && text.charAt(i) == '\r') {
                i++;
            }
            if (i < n && text.charAt(i) == '\n') {
                i++;
            }
            boolean empty = cells.size() == 1 && cells.get(0).value().isEmpty();
            if (!empty) {
                rows.add(new Row(rowStart, rowEnd, List.copyOf(cells)));
            }
        }
        return rows;
    }

    /**
     * A cell as PHP's fputcsv writes it: quoted when it holds the delimiter, a quote, a backslash, a line break, a
     * tab or a space; quotes doubled except right after a backslash.
     */
    static String cell(String value, char delimiter) {
        boolean quote = value.indexOf(delimiter) >= 0;
        for (int i = 0; i < value.length() && !quote; i++) {
            quote = "\"\\\n\r\t ".indexOf(value.charAt(i)) >= 0;
        }
        if (!quote) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        boolean escaped = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\') {
                escaped = true;
            } else if (!escaped && c == '"') {
                out.append('"');
            } else {
                escaped = false;
            }
            out.append(c);
        }
        return out.append('"').toString();
    }
}
