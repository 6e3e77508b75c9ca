package dev.junction.plugin.shiphero.shipments;

import dev.junction.api.source.PollRequest;
import dev.junction.api.source.SourceHandler;
import dev.junction.api.source.SourcePage;
import dev.junction.api.source.SourceRecord;
import dev.junction.plugin.shiphero.client.NotFound;
import dev.junction.plugin.shiphero.client.Queries;
import dev.junction.plugin.shiphero.client.Relay;
import dev.junction.plugin.shiphero.client.ShipHeroClient;
import dev.junction.plugin.shiphero.warehouses.ShipHeroIds;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code shipments}: ShipHero shipments, pushed by the "Shipment Update" webhook (thin events, hydrated
 * through {@link #fetch}) and swept by {@code shipments(date_from, date_to)} as the safety net ShipHero
 * itself recommends, since webhook delivery is not guaranteed. Each shipment's order and the order's other
 * shipments are read too, so the record says which note it ships and whether it completes it.
 */
public final class ShipmentsSource implements SourceHandler {
    private final ShipHeroClient client;

    public ShipmentsSource(ShipHeroClient client) {
        this.client = client;
    }

    @Override
    public Future<SourcePage> poll(PollRequest request) {
        JsonObject vars = new JsonObject().put("from", request.since().toString()).put("first", Math.max(1, request.pageSize()))
                .put("after", request.pageToken());
        if (request.until() != null) {
            vars.put("to", request.until().toString());
        }
        return client.call("shipments", Queries.SHIPMENTS_IN_WINDOW, vars).compose(r -> {
            Relay page = Relay.of(r.getJsonObject("data"));
            // ShipHero's date_to is inclusive; the hub's window is not.
            List<JsonObject> shipments = page.nodes().stream().filter(s -> request.until() == null
                    || ShipmentPayload.instant(s.getString("created_date")).isBefore(request.until())).toList();
            Map<String, List<JsonObject>> byOrder = new LinkedHashMap<>();
            shipments.forEach(s -> byOrder.computeIfAbsent(s.getString("order_id"), k -> new ArrayList<>()).add(s));
            List<SourceRecord> records = new ArrayList<>();
            Future<Void> chain = Future.succeededFuture();
            for (Map.Entry<String, List<JsonObject>> e : byOrder.entrySet()) {
                chain = chain.compose(v -> loadOrder(e.getKey()).map(loaded -> {
                    e.getValue().forEach(s -> records.add(ShipmentPayload.record(loaded.order(), loaded.shipments(), s)));
                    return null;
                }));
            }
            return chain.map(v -> new SourcePage(records, page.endCursor()));
        });
    }

    @Override
    public Future<Optional<SourceRecord>> fetch(String id, JsonObject options) {
        String[] parts = ShipmentPayload.parseId(id);
        if (parts == null) {
            return Future.succeededFuture(Optional.empty());
        }
        return loadOrder(ShipHeroIds.graphId("Order", parts[0])).map(loaded -> loaded.shipments().stream()
                .filter(s -> parts[1].equals(ShipHeroIds.legacy(s.getValue("legacy_id", s.getValue("id")))))
                .findFirst().map(s -> ShipmentPayload.record(loaded.order(), loaded.shipments(), s)))
                .recover(e -> NotFound.is(e) ? Future.succeededFuture(Optional.empty()) : Future.failedFuture(e));
    }

    record Loaded(JsonObject order, List<JsonObject> shipments) {
    }

    private Future<Loaded> loadOrder(String orderId) {
        return client.call("order", Queries.ORDER, new JsonObject().put("id", orderId))
                .compose(o -> shipmentsOf(orderId, null, new ArrayList<>())
                        .map(list -> new Loaded(o.getJsonObject("data", new JsonObject()), list)));
    }

    private Future<List<JsonObject>> shipmentsOf(String orderId, String after, List<JsonObject> acc) {
        return client.call("shipments", Queries.SHIPMENTS_OF_ORDER, new JsonObject().put("order", orderId).put("after", after))
                .compose(r -> {
                    Relay page = Relay.of(r.getJsonObject("data"));
                    acc.addAll(page.nodes());
                    return page.endCursor().isPresent() && acc.size() < 1_000
                            ? shipmentsOf(orderId, page.endCursor().get(), acc) : Future.succeededFuture(acc);
                });
    }
}
