package dev.junction.sandbox.dropstream;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks; CRLF or LF ends a record. */
final class Csv {
    private Csv() {
    }

    /** Every field quoted; null written as an empty field. */
    static String row(List<String> fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) sb.append(',');
            String f = fields.get(i) == null ? "" : fields.get(i);
            sb.append('"').append(f.replace("\"", "\"\"")).append('"');
        }
        return sb.toString();
    }

    /** The records of {@code content}; blank lines are skipped, a leading BOM is ignored. */
    static List<List<String>> parse(String content) {
        List<List<String>> rows = new ArrayList<>();
        String s = content.startsWith("\uFEFF") ? content.substring(1) : content;
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        int line = 1;
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
                            throw new DsfxFormat.DsfxException("line " + line + ": unexpected character after closing quote");
                        }
                    }
                } else {
                    if (c == '\n') line++;
                    field.append(c);
                }
            } else if (c == '"') {
                if (field.length() > 0) throw new DsfxFormat.DsfxException("line " + line + ": quote inside an unquoted field");
                quoted = true;
                fieldStarted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
                fieldStarted = true;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') i++;
                if (fieldStarted || field.length() > 0 || !row.isEmpty()) {
                    row.add(field.toString());
                    rows.add(row);
                }
                row = new ArrayList<>();
                field.setLength(0);
                fieldStarted = false;
                line++;
            } else {
                field.append(c);
                fieldStarted = true;
            }
        }
        if (quoted) throw new DsfxFormat.DsfxException("line " + line + ": unterminated quoted field");
        if (fieldStarted || field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
