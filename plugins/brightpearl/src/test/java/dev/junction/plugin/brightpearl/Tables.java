package dev.junction.plugin.brightpearl;

import dev.junction.api.mapping.MappingContext;
import dev.junction.api.mapping.MappingTables;
import io.vertx.core.json.JsonObject;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** In-memory mapping tables for pure mapper and planner tests (no I/O involved). */
public final class Tables implements MappingTables {
    private final Map<String, Map<String, String>> tables = new HashMap<>();
    private final Map<String, String> defaults = new HashMap<>();

    public Tables put(String table, String key, String value) {
        tables.computeIfAbsent(table, t -> new HashMap<>()).put(key, value);
        return this;
    }

    @Override
    public Optional<String> lookup(String table, String key) {
        Map<String, String> t = tables.getOrDefault(table, Map.of());
        if (t.containsKey(key)) {
            return Optional.of(t.get(key));
        }
        return t.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(key)).map(Map.Entry::getValue).findFirst();
    }

    @Override
    public Optional<String> defaultValue(String table) {
        return Optional.ofNullable(defaults.get(table));
    }

    @Override
    public Map<String, String> entries(String table) {
        return tables.getOrDefault(table, Map.of());
    }

    public static MappingContext context(JsonObject options) {
        Tables t = new Tables();
        return new MappingContext() {
            @Override
            public MappingTables tables() {
                return t;
            }

            @Override
            public JsonObject options() {
                return options;
            }
        };
    }
}
