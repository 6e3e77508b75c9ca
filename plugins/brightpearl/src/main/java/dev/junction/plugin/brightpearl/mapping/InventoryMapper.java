package dev.junction.plugin.brightpearl.mapping;

import dev.junction.api.error.PermanentException;
import dev.junction.api.mapping.MappingContext;
import dev.junction.api.mapping.MappingHandler;
import dev.junction.api.model.InventoryLevel;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;

/**
 * A {@code stock} payload ({@code {productId, sku, warehouseId, availability:{inStock,onHand,allocated,
 * inTransit}, asOf}}) as an {@link InventoryLevel}: on hand is what is physically there, available what is
 * not yet allocated ({@code inStock}). Pure: the poll time travels in the payload.
 */
public final class InventoryMapper implements MappingHandler<JsonObject, InventoryLevel> {

    @Override
    public InventoryLevel map(JsonObject p, MappingContext context) {
        String sku = BpJson.text(p, "sku");
        if (sku == null) {
            throw new PermanentException("product " + p.getValue("productId") + " has no SKU in Brightpearl");
        }
        JsonObject a = p.getJsonObject("availability", new JsonObject());
        return new InventoryLevel(sku, BpJson.text(p, "warehouseId"), BpJson.decimalOr(a.getValue("onHand"), BigDecimal.ZERO),
                BpJson.decimalOr(a.getValue("inStock"), BigDecimal.ZERO), BpJson.instant(p.getValue("asOf")));
    }
}
