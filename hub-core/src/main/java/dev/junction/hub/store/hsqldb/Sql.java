package dev.junction.hub.store.hsqldb;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small conversions between Java values and SQL columns, in one place so every table agrees. */
final class Sql {
    private Sql() {
    }

    /** Instants travel as UTC {@code TIMESTAMP(9) WITH TIME ZONE}: exact to the nanosecond. */
    static void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(index, value.atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
        }
    }

    static Instant getInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static String factsJson(Map<String, String> facts) {
        return new JsonObject(new LinkedHashMap<>(facts)).encode();
    }

    static Map<String, String> facts(String json) {
        if (json == null || json.isEmpty()) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        new JsonObject(json).forEach(e -> out.put(e.getKey(), e.getValue() == null ? null : String.valueOf(e.getValue())));
        out.values().removeIf(v -> v == null);
        return out;
    }

    static JsonArray array(String json) {
        return json == null || json.isEmpty() ? new JsonArray() : new JsonArray(json);
    }

    /** Cuts free text to its column's size, so a long remote error message never fails a commit. */
    static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }

    /** A LIKE pattern matching {@code text} anywhere, with LIKE's own wildcards escaped (ESCAPE '\'). */
    static String containsPattern(String text) {
        String escaped = text.toLowerCase(java.util.Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
