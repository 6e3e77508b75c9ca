package dev.junction.plugin.dropstream.support;

import dev.junction.api.mapping.MappingTables;

import java.util.Map;

/**
 * The SKU-alias table (Brightpearl SKU → warehouse SKU) read backwards, for what the warehouse reports:
 * its SKU becomes Brightpearl's again; a SKU not in the table is the same on both sides.
 */
public final class SkuAliases {
    private final Map<String, String> entries;

    private SkuAliases(Map<String, String> entries) {
        this.entries = entries;
    }

    public static SkuAliases of(MappingTables tables, String table) {
        return new SkuAliases(tables.entries(table));
    }

    public String ours(String theirs) {
        if (theirs == null) {
            return null;
        }
        for (Map.Entry<String, String> e : entries.entrySet()) {
            if (e.getValue() != null && e.getValue().trim().equalsIgnoreCase(theirs.trim())) {
                return e.getKey();
            }
        }
        return theirs;
    }
}
