package dev.junction.plugin.bigcommerce.inventory;

import dev.junction.api.ConnectionContext;
import dev.junction.api.error.PermanentException;
import dev.junction.api.error.SkipException;
import dev.junction.api.model.InventoryLevel;
import dev.junction.api.sink.SinkHandler;
import dev.junction.api.sink.SinkRequest;
import dev.junction.api.sink.SinkResult;
import dev.junction.plugin.bigcommerce.client.BigCommerceClient;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;

/**
 * Sets a SKU's stock at a BigCommerce inventory location to what the warehouse says is available (absolute
 * adjustment, BigCommerce's recommended method), and writes nothing when it already matches, so a full
 * stock sweep costs one read per unchanged SKU.
 *
 * <p>Location: table {@code locations} (warehouse → location id), else flow option {@code locationId}
 * (default 1, BigCommerce's default location).
 */
public final class InventorySink implements SinkHandler<InventoryLevel> {

    public static final String LOCATION_OPTION = "locationId";
    public static final String LOCATION_TABLE = "locations";

    private final ConnectionContext ctx;
    private final BigCommerceClient client;

    public InventorySink(ConnectionContext ctx, BigCommerceClient client) {
        this.ctx = ctx;
        this.client = client;
    }

    @Override
    public Future<SinkResult> write(SinkRequest<InventoryLevel> request) {
        InventoryLevel level = request.record();
        if (level.sku() == null || level.sku().isBlank()) {
            return Future.failedFuture(new PermanentException("stock level without a SKU cannot be matched to BigCommerce"));
        }
        String sku = level.sku().trim();
        int location;
        try {
            location = location(level, request.options());
        } catch (NumberFormatException e) {
            return Future.failedFuture(new PermanentException("BigCommerce location id must be a whole number: " + e.getMessage()));
        }
        BigDecimal source = level.available() != null ? level.available() : level.onHand();
        if (source == null) {
            return Future.failedFuture(new PermanentException("stock level for " + sku + " has neither available nor on-hand quantity"));
        }
        // BigCommerce counts whole units and cannot sell negative stock.
        int quantity = source.max(BigDecimal.ZERO).setScale(0, RoundingMode.DOWN).intValueExact();
        Map<String, String> query = Map.of("sku:in", sku, "location_id:in", Integer.toString(location));
        return client.getV3("/v3/inventory/items", query).compose(answer -> {
            Optional<JsonObject> item = find(answer.getJsonArray("data", new JsonArray()), sku);
            if (item.isEmpty()) {
                return Future.failedFuture(new SkipException("SKU " + sku + " is not in the BigCommerce catalogue"));
            }
            Optional<Integer> current = onHand(item.get(), location);
            if (current.isPresent() && current.get() == quantity) {
                return Future.succeededFuture(SinkResult.skipped("stock of " + sku + " at location " + location
                        + " is already " + quantity));
            }
            JsonObject body = new JsonObject()
                    .put("reason", "Junction stock sync" + (level.warehouse() == null ? "" : " from " + level.warehouse()))
                    .put("items", new JsonArray().add(new JsonObject().put("location_id", location).put("sku", sku).put("quantity", quantity)));
            return client.put("/v3/inventory/adjustments/absolute", body).map(done -> SinkResult.updated(sku,
                            "set " + sku + " to " + quantity + " at location " + location
                                    + current.map(c -> " (was " + c + ")").orElse(""))
                    .withFacts(Map.of("quantity", Integer.toString(quantity), "locationId", Integer.toString(location))));
        });
    }

    private int location(InventoryLevel level, JsonObject options) {
        if (level.warehouse() != null) {
            Optional<String> mapped = ctx.mappings().lookup(LOCATION_TABLE, level.warehouse());
            if (mapped.isPresent()) {
                return Integer.parseInt(mapped.get().trim());
            }
        }
        Object option = options.getValue(LOCATION_OPTION);
        return option == null ? 1 : Integer.parseInt(String.valueOf(option).trim());
    }

    private static Optional<JsonObject> find(JsonArray data, String sku) {
        for (Object o : data) {
            JsonObject item = (JsonObject) o;
            JsonObject identity = item.getJsonObject("identity", new JsonObject());
            if (sku.equalsIgnoreCase(identity.getString("sku", ""))) {
                return Optional.of(item);
            }
        }
        return Optional.empty();
    }

    private static Optional<Integer> onHand(JsonObject item, int location) {
        for (Object o : item.getJsonArray("locations", new JsonArray())) {
            JsonObject l = (JsonObject) o;
            if (Integer.valueOf(location).equals(l.getInteger("location_id"))) {
                return Optional.ofNullable(l.getInteger("total_inventory_onhand"));
            }
        }
        return Optional.empty();
    }
}
