package dev.junction.plugin.shiphero.inventory;

import dev.junction.api.error.PermanentException;
import dev.junction.api.mapping.MappingContext;
import dev.junction.api.mapping.MappingHandler;
import dev.junction.api.model.InventoryLevel;
import dev.junction.plugin.shiphero.shipments.ShipmentPayload;
import dev.junction.plugin.shiphero.warehouses.ShipHeroIds;
import dev.junction.plugin.shiphero.warehouses.WarehouseTable;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;

/**
 * A ShipHero warehouse product as an {@link InventoryLevel} whose warehouse is the Brightpearl warehouse
 * id, found by reading the warehouse table (source option {@code warehouseTable}, default
 * {@code shiphero-warehouses}, the same table the {@code orders} sink uses) in reverse: see
 * {@link WarehouseTable#reverse}. So the Brightpearl {@code stock-corrections} sink corrects the warehouse
 * the merchant mapped, with no second table. Quantities may arrive as strings (as ShipHero sends them). Pure.
 */
public final class InventoryMapper implements MappingHandler<JsonObject, InventoryLevel> {

    @Override
    public InventoryLevel map(JsonObject p, MappingContext context) {
        String sku = p.getString("sku");
        if (sku == null || sku.isBlank()) {
            throw new PermanentException("ShipHero warehouse product " + p.getValue("id") + " has no SKU");
        }
        String graphId = p.getString("warehouse_id");
        String legacy = ShipHeroIds.legacy(graphId);
        String table = context.options().getString(WarehouseTable.OPTION, WarehouseTable.DEFAULT_NAME);
        String brightpearlWarehouse = WarehouseTable.reverse(context.tables(), table, graphId, legacy,
                p.getString("warehouse_identifier"));
        return new InventoryLevel(sku, brightpearlWarehouse, quantity(p, "on_hand", sku), quantity(p, "available", sku),
                ShipmentPayload.instant(p.getString("updated_at")));
    }

    private static BigDecimal quantity(JsonObject p, String field, String sku) {
        Object v = p.getValue(field);
        if (v == null) {
            return null;
        }
        try {
            return new BigDecimal(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            throw new PermanentException("ShipHero reported " + field + " '" + v + "' for " + sku + ", which is not a number");
        }
    }
}
