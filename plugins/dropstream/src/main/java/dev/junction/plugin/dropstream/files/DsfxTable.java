package dev.junction.plugin.dropstream.files;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A warehouse file ({@code shp_*.csv}, {@code inv_*.csv}): a header row naming the columns, then data rows.
 * Columns are found by name (case and surrounding spaces ignored, extra columns allowed), so a warehouse
 * that adds a column does not break the exchange. A row with the wrong number of fields is a problem of
 * that row only; a file without the required columns or broken as CSV cannot be read at all.
 */
public final class DsfxTable {
    private DsfxTable() {
    }

    /** A data row, values by lower-case column name. */
    public record Line(int line, Map<String, String> values) {
        public String get(String column) {
            String v = values.get(column);
            return v == null ? "" : v.trim();
        }
    }

    public record Parsed(List<Line> lines, List<Bad> bad) {
    }

    /** A row that is not usable, with the reason. */
    public record Bad(int line, String reason) {
    }

    /** The whole file is unusable. */
    public static final class Unreadable extends RuntimeException {
        private final int line;

        Unreadable(int line, String reason) {
            super(reason);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    public static Parsed parse(String content, List<String> required) {
        List<Csv.Row> rows;
        try {
            rows = Csv.parse(content);
        } catch (Csv.CsvException e) {
            throw new Unreadable(e.line(), "not valid CSV: " + e.getMessage());
        }
        if (rows.isEmpty()) {
            throw new Unreadable(1, "the file is empty; expected a header row " + required);
        }
        List<String> header = rows.get(0).fields().stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        List<String> missing = required.stream().filter(c -> !header.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new Unreadable(rows.get(0).line(), "the header row lacks column(s) " + missing + "; expected " + required);
        }
        List<Line> lines = new ArrayList<>();
        List<Bad> bad = new ArrayList<>();
        for (Csv.Row r : rows.subList(1, rows.size())) {
            if (r.fields().size() != header.size()) {
                bad.add(new Bad(r.line(), "has " + r.fields().size() + " fields, the header has " + header.size()));
                continue;
            }
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                values.put(header.get(i), r.fields().get(i));
            }
            lines.add(new Line(r.line(), values));
        }
        return new Parsed(lines, bad);
    }

    /** A non-negative whole number in {@code column}, else an {@link IllegalArgumentException} naming it. */
    public static int count(Line l, String column) {
        String v = l.get(column);
        try {
            int n = Integer.parseInt(v);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(column + " must be a whole number of 0 or more, got \"" + v + "\"");
    }

    public static String required(Line l, String column) {
        String v = l.get(column);
        if (v.isEmpty()) {
            throw new IllegalArgumentException(column + " is empty");
        }
        return v;
    }
}
