package dev.junction.plugin.shiphero.orders;

import dev.junction.api.mapping.MappingTables;
import io.vertx.core.json.JsonObject;

/**
 * What goes into the order's {@code shipping_lines}. The table (default {@code shiphero-shipping-methods})
 * maps a Brightpearl shipping method name to either {@code carrier:method} (e.g. {@code ups:ups_ground},
 * sent as carrier and method, titled by the method) or a plain title that ShipHero's own shipping rules
 * match; unmapped names use the table's default, else go as the Brightpearl name.
 *
 * @param sent what the merchant sees in the sync log as "shipping method sent"
 */
public record ShippingLine(String sent, String title, String carrier, String method) {
    public static final String DEFAULT_TABLE = "shiphero-shipping-methods";
    public static final String OPTION = "shippingMethodTable";

    public static ShippingLine choose(MappingTables tables, String table, String brightpearlMethod) {
        String value = tables.lookupOrDefault(table, brightpearlMethod).orElse(brightpearlMethod);
        if (value == null || value.isBlank()) {
            return null;
        }
        value = value.trim();
        int colon = value.indexOf(':');
        if (colon > 0 && colon < value.length() - 1) {
            String carrier = value.substring(0, colon).trim();
            String method = value.substring(colon + 1).trim();
            return new ShippingLine(value, method, carrier, method);
        }
        return new ShippingLine(value, value, null, null);
    }

    JsonObject toJson() {
        JsonObject j = new JsonObject().put("title", title).put("price", "0.00");
        if (carrier != null) {
            j.put("carrier", carrier).put("method", method);
        }
        return j;
    }
}
