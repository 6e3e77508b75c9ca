package dev.junction.plugin.dropstream.inventory;

import dev.junction.api.error.SkipException;
import dev.junction.api.mapping.MappingContext;
import dev.junction.api.mapping.MappingHandler;
import dev.junction.api.model.InventoryLevel;
import dev.junction.plugin.dropstream.files.Problem;
import dev.junction.plugin.dropstream.orders.OrderSink;
import dev.junction.plugin.dropstream.support.SkuAliases;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * A stock line as a canonical {@link InventoryLevel} in Brightpearl's terms, pure: the warehouse code goes
 * through table {@code dropstream-warehouses} (option {@code warehouseTable}) to a Brightpearl warehouse id,
 * else option {@code warehouseId}; the SKU back through the SKU-alias table. So the Brightpearl
 * {@code stock-corrections} sink can bring that warehouse's on-hand to the warehouse's figure. A code that
 * maps nowhere is skipped with what to set.
 */
public final class InventoryMapper implements MappingHandler<JsonObject, InventoryLevel> {
    public static final String WAREHOUSE_TABLE = "dropstream-warehouses";

    @Override
    public InventoryLevel map(JsonObject p, MappingContext context) {
        Problem problem = Problem.of(p);
        if (problem != null) {
            throw new SkipException(problem.describe());
        }
        String code = p.getString("warehouse");
        String table = context.options().getString("warehouseTable", WAREHOUSE_TABLE);
        Optional<String> warehouse = context.tables().lookup(table, code).map(String::trim).filter(s -> !s.isEmpty())
                .or(() -> Optional.ofNullable(context.options().getValue("warehouseId")).map(String::valueOf));
        if (warehouse.isEmpty()) {
            throw new SkipException("DropStream warehouse '" + code + "' is not mapped to a Brightpearl warehouse: add it to table '"
                    + table + "' or set the flow option warehouseId");
        }
        SkuAliases skus = SkuAliases.of(context.tables(), context.options().getString("skuAliasTable", OrderSink.SKU_TABLE));
        return new InventoryLevel(skus.ours(p.getString("sku")), warehouse.get(), BigDecimal.valueOf(p.getInteger("on_hand")),
                BigDecimal.valueOf(p.getInteger("available")), Instant.parse(p.getString("as_of")));
    }
}
