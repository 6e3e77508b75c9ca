package dev.junction.plugin.bigcommerce.testing;

import dev.junction.api.mapping.MappingContext;
import dev.junction.api.mapping.MappingTables;
import io.vertx.core.json.JsonObject;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Mapping tables and options held in memory, for pure mapper tests. */
public final class TestMapping implements MappingContext, MappingTables {

    private final Map<String, Map<String, String>> tables = new HashMap<>();
    private final Map<String, String> defaults = new HashMap<>();
    private final JsonObject options;

    public TestMapping(JsonObject options) {
        this.options = options;
    }

    public static TestMapping none() {
        return new TestMapping(new JsonObject());
    }

    public TestMapping map(String table, String key, String value) {
        tables.computeIfAbsent(table, t -> new HashMap<>()).put(key, value);
        return this;
    }

    @Override
    public MappingTables tables() {
        return this;
    }

    @Override
    public JsonObject options() {
        return options;
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
        return Map.copyOf(tables.getOrDefault(table, Map.of()));
    }
}
