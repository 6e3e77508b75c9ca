package dev.junction.plugin.brightpearl.sales;

import dev.junction.api.model.LineType;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;

/**
 * One row of a Brightpearl sales order as it will be sent: a product row ({@code productId}) or a free-text
 * row ({@code name}); {@code net} is what Brightpearl's unit-price arithmetic will make of the store's row.
 */
public record PlannedRow(LineType type, Long productId, String name, BigDecimal quantity, BigDecimal net, BigDecimal tax,
                         String taxCode, String nominalCode, String externalRef) {

    /** The row in {@code POST /order-service/sales-order}'s shape (money and quantity as strings). */
    public JsonObject toJson() {
        JsonObject row = new JsonObject();
        if (productId != null) {
            row.put("productId", productId);
        } else {
            row.put("name", name);
        }
        row.put("quantity", quantity.stripTrailingZeros().toPlainString())
                .put("taxCode", taxCode)
                .put("net", net.toPlainString())
                .put("tax", tax.toPlainString());
        if (nominalCode != null) {
            row.put("nominalCode", nominalCode);
        }
        if (externalRef != null) {
            row.put("externalRef", externalRef);
        }
        return row;
    }
}
