package dev.junction.plugin.brightpearl.stock;

import dev.junction.api.source.PollRequest;
import dev.junction.api.source.SourceHandler;
import dev.junction.api.source.SourcePage;
import dev.junction.api.source.SourceRecord;
import dev.junction.plugin.brightpearl.BrightpearlConnection;
import dev.junction.plugin.brightpearl.mapping.BpJson;
import dev.junction.plugin.brightpearl.support.Windows;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code stock}: availability of stock-tracked products per warehouse. Brightpearl has no "stock changed
 * since" search, so each poll sweeps the catalogue a page at a time (one search plus availability for
 * ≤200 products per request); the record's version is the quantities, so the hub passes on only levels
 * that changed. Option {@code warehouses} (ids, semicolon-separated) limits the warehouses.
 */
public final class StockSource implements SourceHandler {
    private final BrightpearlConnection bp;

    public StockSource(BrightpearlConnection bp) {
        this.bp = bp;
    }

    @Override
    public Future<SourcePage> poll(PollRequest req) {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("stockTracked", "true");
        Instant asOf = bp.ctx().clock().instant();
        Set<String> warehouses = warehouses(req.options());
        return bp.client().search("/product-service/product-search", filters, Windows.firstResult(req), Windows.pageSize(req))
                .compose(page -> {
                    Map<Long, String> skus = new LinkedHashMap<>();
                    page.rows().forEach(r -> {
                        Long id = BpJson.longId(r.getValue("productId"));
                        if (id != null && r.getValue("SKU") != null) {
                            skus.put(id, String.valueOf(r.getValue("SKU")));
                        }
                    });
                    return availability(skus, warehouses, asOf).map(records -> new SourcePage(records,
                            page.morePagesAvailable() ? Optional.of(String.valueOf(page.nextFirstResult())) : Optional.empty()));
                });
    }

    @Override
    public Future<Optional<SourceRecord>> fetch(String id, JsonObject options) {
        String[] parts = id.split(":");
        long productId = Long.parseLong(parts[0].trim());
        String warehouse = parts.length > 1 ? parts[1].trim() : null;
        return bp.client().get("/product-service/product/" + productId).compose(v -> {
            if (!(v instanceof JsonArray arr) || arr.isEmpty()) {
                return Future.succeededFuture(Optional.empty());
            }
            String sku = arr.getJsonObject(0).getJsonObject("identity", new JsonObject()).getString("sku");
            return availability(Map.of(productId, sku == null ? "" : sku), warehouse == null ? Set.of() : Set.of(warehouse),
                    bp.ctx().clock().instant()).map(list -> list.stream().filter(r -> r.id().equals(id)).findFirst()
                    .or(() -> list.stream().findFirst()));
        });
    }

    private Future<List<SourceRecord>> availability(Map<Long, String> skus, Set<String> warehouses, Instant asOf) {
        if (skus.isEmpty()) {
            return Future.succeededFuture(List.of());
        }
        return bp.client().getMap("/warehouse-service/product-availability/", skus.keySet(), "").map(all -> {
            List<SourceRecord> out = new ArrayList<>();
            for (Map.Entry<Long, String> p : skus.entrySet()) {
                JsonObject a = all.getJsonObject(String.valueOf(p.getKey()));
                if (a == null) {
                    continue; // not stock tracked: Brightpearl leaves it out
                }
                JsonObject byWarehouse = a.getJsonObject("warehouses", new JsonObject());
                for (String wh : byWarehouse.fieldNames()) {
                    if (!warehouses.isEmpty() && !warehouses.contains(wh)) {
                        continue;
                    }
                    JsonObject level = byWarehouse.getJsonObject(wh);
                    JsonObject payload = new JsonObject().put("productId", p.getKey()).put("sku", p.getValue())
                            .put("warehouseId", wh).put("availability", level).put("asOf", asOf.toString());
                    String version = level.getValue("onHand") + "/" + level.getValue("inStock") + "/" + level.getValue("allocated");
                    out.add(new SourceRecord(p.getKey() + ":" + wh, p.getKey() + ":" + wh, asOf, version, payload));
                }
            }
            return out;
        });
    }

    static Set<String> warehouses(JsonObject options) {
        Set<String> out = new java.util.LinkedHashSet<>();
        Object v = options.getValue("warehouses");
        if (v != null) {
            for (String part : String.valueOf(v).split(";")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }
}
