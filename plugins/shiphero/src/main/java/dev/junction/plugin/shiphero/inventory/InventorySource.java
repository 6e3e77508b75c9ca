package dev.junction.plugin.shiphero.inventory;

import dev.junction.api.source.PollRequest;
import dev.junction.api.source.SourceHandler;
import dev.junction.api.source.SourcePage;
import dev.junction.api.source.SourceRecord;
import dev.junction.plugin.shiphero.client.NotFound;
import dev.junction.plugin.shiphero.client.Queries;
import dev.junction.plugin.shiphero.client.Relay;
import dev.junction.plugin.shiphero.client.ShipHeroClient;
import dev.junction.plugin.shiphero.shipments.ShipmentPayload;
import dev.junction.plugin.shiphero.warehouses.ShipHeroIds;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code inventory}: stock of one SKU in one ShipHero warehouse. The "Inventory Update" webhook names the
 * SKU and warehouse that changed (its quantities are account-wide sums, so it is a thin event, hydrated
 * through {@link #fetch}); the periodic reconciliation pages through {@code warehouse_products} and keeps
 * those changed in the window. Record id {@code <sku>@<warehouse legacy id>}; payload = the warehouse
 * product node ({@code sku, warehouse_id, warehouse_identifier, on_hand, available, updated_at}); version =
 * update time and on-hand, so webhook and sweep of one unchanged level dedupe to one record.
 */
public final class InventorySource implements SourceHandler {
    private final ShipHeroClient client;

    public InventorySource(ShipHeroClient client) {
        this.client = client;
    }

    public static String recordId(String sku, String warehouseLegacy) {
        return sku + "@" + warehouseLegacy;
    }

    @Override
    public Future<SourcePage> poll(PollRequest request) {
        JsonObject vars = new JsonObject().put("first", Math.max(1, request.pageSize())).put("after", request.pageToken());
        return client.call("warehouse_products", Queries.WAREHOUSE_PRODUCTS, vars).map(r -> {
            Relay page = Relay.of(r.getJsonObject("data"));
            List<SourceRecord> records = page.nodes().stream().map(InventorySource::record)
                    .filter(rec -> !rec.modifiedAt().isBefore(request.since())
                            && (request.until() == null || rec.modifiedAt().isBefore(request.until()))).toList();
            return new SourcePage(records, page.endCursor());
        });
    }

    @Override
    public Future<Optional<SourceRecord>> fetch(String id, JsonObject options) {
        int at = id == null ? -1 : id.lastIndexOf('@');
        if (at <= 0 || at == id.length() - 1) {
            return Future.succeededFuture(Optional.empty());
        }
        String sku = id.substring(0, at);
        String warehouse = ShipHeroIds.graphId("Warehouse", id.substring(at + 1));
        return client.call("warehouse_products", Queries.WAREHOUSE_PRODUCTS, new JsonObject().put("sku", sku)
                        .put("warehouse", warehouse).put("first", 5))
                .map(r -> Relay.of(r.getJsonObject("data")).nodes().stream().filter(n -> sku.equals(n.getString("sku")))
                        .findFirst().map(InventorySource::record))
                .recover(e -> NotFound.is(e) ? Future.succeededFuture(Optional.empty()) : Future.failedFuture(e));
    }

    static SourceRecord record(JsonObject node) {
        String warehouseLegacy = ShipHeroIds.legacy(node.getValue("warehouse_id"));
        Instant at = ShipmentPayload.instant(node.getString("updated_at"));
        String id = recordId(node.getString("sku"), warehouseLegacy);
        return new SourceRecord(id, id, at, node.getString("updated_at") + "|" + node.getValue("on_hand"), node.copy());
    }
}
