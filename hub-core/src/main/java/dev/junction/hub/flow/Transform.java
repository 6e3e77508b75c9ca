package dev.junction.hub.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.junction.api.error.PermanentException;
import dev.junction.api.error.SkipException;
import dev.junction.api.mapping.MappingTables;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Optional;

/**
 * A configured change to a canonical record between mapper and sink: translate a field through a
 * value-mapping table, or set a default where a field is empty. Paths are dot-separated; {@code lines[]}
 * applies to each element of an array ({@code lines[].sku}).
 *
 * @param field     path of the field
 * @param table     mapping table to translate through (null for a plain default)
 * @param value     default value, used when the field is empty, or when unmapped with {@code onMissing=default}
 * @param onMissing for table lookups without a match: {@code keep} (leave the value), {@code default} (the
 *                  table's default, else {@code value}), {@code fail} (permanent failure naming the value
 *                  and table), {@code skip} (record skipped, e.g. an unmapped warehouse)
 */
public record Transform(String field, String table, String value, String onMissing) {

    public static Transform fromJson(JsonObject json) {
        String field = json.getString("field");
        if (field == null || field.isBlank()) {
            throw new IllegalArgumentException("'field' is required");
        }
        String onMissing = json.getString("onMissing", "default");
        if (!List.of("keep", "default", "fail", "skip").contains(onMissing)) {
            throw new IllegalArgumentException("'onMissing' must be keep, default, fail or skip, got '" + onMissing + "'");
        }
        String table = json.getString("table");
        String value = json.getValue("value") == null ? null : String.valueOf(json.getValue("value"));
        if (table == null && value == null) {
            throw new IllegalArgumentException("give 'table' (translate through a mapping table) or 'value' (a default)");
        }
        return new Transform(field, table, value, onMissing);
    }

    /** Applies this transform in place to a record's JSON tree. */
    public void apply(ObjectNode root, MappingTables tables) {
        applyAt(root, field.split("\\."), 0, tables);
    }

    private void applyAt(JsonNode node, String[] path, int i, MappingTables tables) {
        if (!(node instanceof ObjectNode obj)) {
            return;
        }
        String part = path[i];
        boolean each = part.endsWith("[]");
        String name = each ? part.substring(0, part.length() - 2) : part;
        if (each) {
            JsonNode arr = obj.get(name);
            if (arr instanceof ArrayNode a) {
                for (JsonNode el : a) {
                    if (i + 1 < path.length) {
                        applyAt(el, path, i + 1, tables);
                    }
                }
            }
            return;
        }
        if (i + 1 < path.length) {
            applyAt(obj.get(name), path, i + 1, tables);
            return;
        }
        JsonNode current = obj.get(name);
        String text = current == null || current.isNull() ? null : current.asText();
        resolve(text, tables).ifPresent(v -> obj.set(name, TextNode.valueOf(v)));
    }

    private Optional<String> resolve(String current, MappingTables tables) {
        if (table == null) {
            return current == null || current.isBlank() ? Optional.ofNullable(value) : Optional.empty();
        }
        if (current != null) {
            Optional<String> hit = tables.lookup(table, current);
            if (hit.isPresent()) {
                return hit;
            }
        }
        return switch (onMissing) {
            case "keep" -> Optional.empty();
            case "fail" -> throw new PermanentException("'" + current + "' (" + field + ") has no entry in mapping table '"
                    + table + "': add it to the table, or give the table a default, then retry");
            case "skip" -> throw new SkipException("'" + current + "' (" + field + ") is not mapped in table '" + table
                    + "', so this record is not sent");
            default -> {
                Optional<String> d = tables.defaultValue(table);
                yield d.isPresent() ? d : Optional.ofNullable(value);
            }
        };
    }
}
