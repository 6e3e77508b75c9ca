package dev.junction.plugin.shiphero.warehouses;

import dev.junction.api.error.PermanentException;
import dev.junction.api.error.SkipException;
import dev.junction.api.mapping.MappingTables;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The warehouse mapping table, default {@code shiphero-warehouses}: key = Brightpearl warehouse id, value =
 * the ShipHero warehouse (its GraphQL id, legacy id or identifier, e.g. "Primary"). Orders read it forwards
 * (Brightpearl → ShipHero). Stock reads it in reverse: a ShipHero warehouse's levels belong to the one
 * Brightpearl warehouse whose entry names it (by any of its three names); a ShipHero warehouse no entry
 * names is skipped, and one named by several entries is an error, since one count cannot correct two
 * Brightpearl warehouses. The table's default is deliberately ignored in reverse.
 */
public final class WarehouseTable {
    public static final String DEFAULT_NAME = "shiphero-warehouses";
    public static final String OPTION = "warehouseTable";

    private WarehouseTable() {
    }

    /** The ShipHero warehouse a Brightpearl warehouse ships from (entry, else the table's default). */
    public static Optional<String> forward(MappingTables tables, String table, String brightpearlWarehouse) {
        return tables.lookupOrDefault(table, brightpearlWarehouse);
    }

    /**
     * The Brightpearl warehouse id whose entry names this ShipHero warehouse.
     *
     * @throws SkipException      when no entry names it
     * @throws PermanentException when several do
     */
    public static String reverse(MappingTables tables, String table, String graphId, String legacyId, String identifier) {
        List<String> hits = tables.entries(table).entrySet().stream()
                .filter(e -> names(e.getValue(), graphId, legacyId, identifier))
                .map(Map.Entry::getKey).sorted().toList();
        String shown = identifier != null ? identifier + " (" + legacyId + ")" : legacyId;
        if (hits.isEmpty()) {
            throw new SkipException("ShipHero warehouse " + shown + " is not mapped to a Brightpearl warehouse (table '"
                    + table + "')");
        }
        if (hits.size() > 1) {
            throw new PermanentException("ShipHero warehouse " + shown + " is mapped from several Brightpearl warehouses "
                    + hits + " in table '" + table + "'; its stock can only correct one: keep one entry per ShipHero warehouse");
        }
        return hits.get(0);
    }

    /** Whether a table value names the warehouse with these ids. */
    public static boolean names(String value, String graphId, String legacyId, String identifier) {
        if (value == null || value.isBlank()) {
            return false;
        }
        String v = value.trim();
        return v.equals(graphId) || v.equals(legacyId) || (identifier != null && v.toLowerCase(Locale.ROOT)
                .equals(identifier.toLowerCase(Locale.ROOT)));
    }
}
