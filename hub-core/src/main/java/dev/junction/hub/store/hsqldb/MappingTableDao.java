package dev.junction.hub.store.hsqldb;

import dev.junction.api.mapping.Choice;
import dev.junction.hub.store.MappingTable;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Mapping tables, one row each; entries and choice lists are JSON since a table is always read whole. */
final class MappingTableDao {

    private static final String UPSERT = """
            MERGE INTO mapping_table t USING (VALUES (CAST(? AS VARCHAR(200)))) AS n (name) ON t.name = n.name
            WHEN MATCHED THEN UPDATE SET entries = ?, default_value = ?, source_choices = ?, target_choices = ?,
                                         updated_at = ?
            WHEN NOT MATCHED THEN INSERT (name, entries, default_value, source_choices, target_choices, updated_at)
                                  VALUES (n.name, ?, ?, ?, ?, ?)
            """;

    Optional<MappingTable> get(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM mapping_table WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    List<MappingTable> all(Connection c) throws SQLException {
        List<MappingTable> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM mapping_table ORDER BY name");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(map(rs));
            }
        }
        return out;
    }

    void put(Connection c, MappingTable t, Instant now) throws SQLException {
        // Entries sorted by key: the stored JSON is stable and readable.
        String entries = new JsonObject(new LinkedHashMap<>(new TreeMap<>(t.entries()))).encode();
        String source = choices(t.sourceChoices());
        String target = choices(t.targetChoices());
        try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
            ps.setString(1, t.name());
            for (int base : new int[]{2, 7}) {
                ps.setString(base, entries);
                ps.setString(base + 1, t.defaultValue());
                ps.setString(base + 2, source);
                ps.setString(base + 3, target);
                Sql.setInstant(ps, base + 4, now);
            }
            ps.executeUpdate();
        }
    }

    private static String choices(List<Choice> choices) {
        JsonArray out = new JsonArray();
        for (Choice ch : choices) {
            out.add(new JsonObject().put("id", ch.id()).put("label", ch.label()));
        }
        return out.encode();
    }

    private static List<Choice> choices(String json) {
        List<Choice> out = new ArrayList<>();
        for (Object o : Sql.array(json)) {
            JsonObject ch = (JsonObject) o;
            out.add(new Choice(ch.getString("id"), ch.getString("label")));
        }
        return out;
    }

    private static MappingTable map(ResultSet rs) throws SQLException {
        Map<String, String> entries = new LinkedHashMap<>();
        new JsonObject(rs.getString("entries")).forEach(e -> entries.put(e.getKey(), String.valueOf(e.getValue())));
        return new MappingTable(rs.getString("name"), entries, rs.getString("default_value"),
                choices(rs.getString("source_choices")), choices(rs.getString("target_choices")));
    }
}
