package dev.junction.api.mapping;

import java.util.Map;
import java.util.Optional;

/**
 * Named value-mapping tables, e.g. {@code shipping-methods} ("UPS Ground" → "7"), {@code order-statuses},
 * {@code warehouses}, {@code sku-aliases}. Each table may have a default used when a key is unmapped.
 */
public interface MappingTables {

    /** The mapped value for {@code key}: exact match first, then case-insensitive. */
    Optional<String> lookup(String table, String key);

    /** The table's default value, if set. */
    Optional<String> defaultValue(String table);

    /** The mapped value, else the table's default. */
    default Optional<String> lookupOrDefault(String table, String key) {
        Optional<String> hit = key == null ? Optional.empty() : lookup(table, key);
        return hit.isPresent() ? hit : defaultValue(table);
    }

    /** All entries of a table (empty if none). */
    Map<String, String> entries(String table);
}
