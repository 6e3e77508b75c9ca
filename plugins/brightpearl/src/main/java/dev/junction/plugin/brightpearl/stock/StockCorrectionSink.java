package dev.junction.plugin.brightpearl.stock;

import dev.junction.api.error.PermanentException;
import dev.junction.api.error.SkipException;
import dev.junction.api.model.InventoryLevel;
import dev.junction.api.sink.SinkHandler;
import dev.junction.api.sink.SinkRequest;
import dev.junction.api.sink.SinkResult;
import dev.junction.plugin.brightpearl.BrightpearlConnection;
import dev.junction.plugin.brightpearl.mapping.BpJson;
import dev.junction.plugin.brightpearl.support.ProductLookup;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * {@code stock-corrections}: makes a Brightpearl warehouse's on-hand equal to what the warehouse system
 * counted, by a stock correction of the difference. Reading availability first makes it idempotent: a
 * replay finds the quantities equal and writes nothing. Warehouse: table {@code warehouses} (the reporting
 * system's warehouse → Brightpearl id), else option {@code warehouseId}, else the reported id itself.
 */
public final class StockCorrectionSink implements SinkHandler<InventoryLevel> {
    private final BrightpearlConnection bp;
    private final ProductLookup products;

    public StockCorrectionSink(BrightpearlConnection bp, ProductLookup products) {
        this.bp = bp;
        this.products = products;
    }

    @Override
    public Future<SinkResult> write(SinkRequest<InventoryLevel> request) {
        InventoryLevel level = request.record();
        if (level.onHand() == null) {
            return Future.failedFuture(new PermanentException("stock level for " + level.sku() + " has no on-hand quantity"));
        }
        if (level.onHand().stripTrailingZeros().scale() > 0) {
            return Future.failedFuture(new PermanentException("Brightpearl corrects stock in whole units; "
                    + level.sku() + " reported " + level.onHand().toPlainString()));
        }
        Optional<String> wh = (level.warehouse() == null ? Optional.<String>empty()
                : bp.ctx().mappings().lookup("warehouses", level.warehouse()))
                .or(() -> Optional.ofNullable(request.options().getString("warehouseId")))
                .or(() -> Optional.ofNullable(level.warehouse()).filter(w -> w.matches("\\d+")));
        if (wh.isEmpty()) {
            return Future.failedFuture(new SkipException("warehouse '" + level.warehouse()
                    + "' is not mapped to a Brightpearl warehouse (table 'warehouses')"));
        }
        long warehouseId = Long.parseLong(wh.get().trim());
        return products.find(request.options().getString("productKey", "SKU"), level.sku()).compose(pid -> {
            if (pid.isEmpty()) {
                return Future.failedFuture(new SkipException("Brightpearl has no product with SKU '" + level.sku() + "'"));
            }
            return correct(pid.get(), warehouseId, level, request);
        });
    }

    private Future<SinkResult> correct(long productId, long warehouseId, InventoryLevel level, SinkRequest<InventoryLevel> request) {
        return bp.client().get("/warehouse-service/product-availability/" + productId).compose(v -> {
            JsonObject a = v instanceof JsonObject o ? o.getJsonObject(String.valueOf(productId)) : null;
            if (a == null) {
                return Future.failedFuture(new SkipException("product " + level.sku() + " is not stock tracked in Brightpearl"));
            }
            JsonObject inWh = a.getJsonObject("warehouses", new JsonObject()).getJsonObject(String.valueOf(warehouseId), new JsonObject());
            BigDecimal current = BpJson.decimalOr(inWh.getValue("onHand"), BigDecimal.ZERO);
            BigDecimal delta = level.onHand().subtract(current);
            String id = productId + ":" + warehouseId;
            if (delta.signum() == 0) {
                return Future.succeededFuture(SinkResult.alreadyPresent(id, level.sku() + " on hand is already "
                        + current.stripTrailingZeros().toPlainString() + " in warehouse " + warehouseId));
            }
            String source = request.source() == null ? "the warehouse system" : request.source().connectionId();
            JsonObject correction = new JsonObject().put("productId", productId).put("quantity", delta.intValueExact())
                    .put("reason", "Stock count from " + source + ": " + level.onHand().stripTrailingZeros().toPlainString());
            Object location = request.options().getValue("locationId");
            if (location != null) {
                correction.put("locationId", Long.parseLong(location.toString()));
            }
            return bp.client().post("/warehouse-service/warehouse/" + warehouseId + "/stock-correction",
                    new JsonObject().put("corrections", new JsonArray().add(correction)))
                    .map(r -> SinkResult.updated(id, level.sku() + " on hand " + current.stripTrailingZeros().toPlainString()
                            + " → " + level.onHand().stripTrailingZeros().toPlainString() + " in warehouse " + warehouseId)
                            .withFacts(Map.of("delta", delta.toPlainString())));
        });
    }
}
