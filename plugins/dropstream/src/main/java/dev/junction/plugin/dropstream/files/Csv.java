package dev.junction.plugin.dropstream.files;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV as DSFX uses it: UTF-8, {@code ,} separators, CRLF (a bare LF accepted on input), fields with
 * {@code ,}, {@code "}, CR or LF quoted with inner quotes doubled. Each record keeps the line it starts on,
 * so a problem can be reported as "line 7: ...". Blank lines are skipped; a leading BOM is ignored.
 */
public final class Csv {
    private Csv() {
    }

    /** One record and the (1-based) line of the file it starts on. */
    public record Row(int line, List<String> fields) {
    }

    /** The file breaks CSV itself (not just one value), so nothing after {@code line} can be trusted. */
    public static final class CsvException extends RuntimeException {
        private final int line;

        CsvException(int line, String reason) {
            super(reason);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    /** Every field quoted, as the warehouse writes too; null is an empty field. Ends with CRLF. */
    public static String row(List<String> fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String f = fields.get(i) == null ? "" : fields.get(i);
            sb.append('"').append(f.replace("\"", "\"\"")).append('"');
        }
        return sb.append("\r\n").toString();
    }

    public static List<Row> parse(String content) {
        String s = content.startsWith("\uFEFF") ? content.substring(1) : content;
        List<Row> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean started = false;
        int line = 1;
        int rowLine = 1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                        if (i + 1 < s.length() && ",\r\n".indexOf(s.charAt(i + 1)) < 0) {
                            throw new CsvException(line, "a character follows a closing quote");
                        }
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"') {
                if (field.length() > 0) {
                    throw new CsvException(line, "a quote inside an unquoted field");
                }
                quoted = true;
                started = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
                started = true;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                if (started || field.length() > 0 || !row.isEmpty()) {
                    row.add(field.toString());
                    rows.add(new Row(rowLine, row));
                }
                row = new ArrayList<>();
                field.setLength(0);
                started = false;
                line++;
                rowLine = line;
            } else {
                field.append(c);
                started = true;
            }
        }
        if (quoted) {
            throw new CsvException(rowLine, "a quoted field is never closed");
        }
        if (started || field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(new Row(rowLine, row));
        }
        return rows;
    }
}
