package dev.junction.plugin.shiphero.orders;

import dev.junction.api.error.PermanentException;
import dev.junction.api.model.Fulfilment;
import dev.junction.api.sink.SinkHandler;
import dev.junction.api.sink.SinkRequest;
import dev.junction.api.sink.SinkResult;
import dev.junction.plugin.shiphero.ShipHeroConnection;
import dev.junction.plugin.shiphero.client.Queries;
import dev.junction.plugin.shiphero.client.Relay;
import dev.junction.plugin.shiphero.warehouses.ShipHeroIds;
import dev.junction.plugin.shiphero.warehouses.WarehouseTable;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code orders}: a Brightpearl goods-out note ({@link Fulfilment}) becomes one ShipHero order in the
 * ShipHero warehouse its Brightpearl warehouse maps to. Sink options: {@code warehouseTable} (default
 * {@code shiphero-warehouses}), {@code shippingMethodTable} (default {@code shiphero-shipping-methods}),
 * {@code shopName} (default {@code Brightpearl}). A note from an unmapped warehouse is skipped with the
 * reason, not failed: merchants leave warehouses that ShipHero does not serve unmapped on purpose.
 *
 * <p>Idempotent: the hub's link first, then {@code orders(partner_order_id:)} with the idempotency key, so
 * a note re-sent after a crash between the create and the hub's commit finds the order it made.
 * The facts (order reference, total, shipping method sent, warehouse) are what the sync log shows.
 */
public final class OrderSink implements SinkHandler<Fulfilment> {
    private final ShipHeroConnection sh;

    public OrderSink(ShipHeroConnection sh) {
        this.sh = sh;
    }

    @Override
    public Future<SinkResult> write(SinkRequest<Fulfilment> request) {
        Fulfilment f = request.record();
        JsonObject options = request.options();
        String warehouseTable = options.getString(WarehouseTable.OPTION, WarehouseTable.DEFAULT_NAME);
        String methodTable = options.getString(ShippingLine.OPTION, ShippingLine.DEFAULT_TABLE);
        ShippingLine shipping = ShippingLine.choose(sh.ctx().mappings(), methodTable, f.shippingMethod());
        Map<String, String> facts = facts(f, shipping);

        Optional<String> mapped = f.warehouse() == null ? Optional.empty()
                : WarehouseTable.forward(sh.ctx().mappings(), warehouseTable, f.warehouse());
        if (mapped.isEmpty()) {
            return Future.succeededFuture(SinkResult.skipped((f.warehouse() == null ? "goods-out note " + f.id()
                    + " names no warehouse, so it" : "warehouse " + f.warehouse()) + " is not mapped to a ShipHero warehouse"
                    + " (table '" + warehouseTable + "')").withFacts(facts));
        }
        if (request.linkedId().isPresent()) {
            String id = request.linkedId().get();
            return Future.succeededFuture(SinkResult.alreadyPresent(id, "already sent as ShipHero order " + id).withFacts(facts));
        }
        return sh.warehouses().resolve(mapped.get(), warehouseTable).compose(warehouse -> {
            facts.put("warehouse", warehouse.getString("identifier"));
            JsonObject input;
            try {
                input = OrderInput.build(f, request.idempotencyKey(), warehouse.getString("id"), shipping,
                        options.getString("shopName", "Brightpearl"));
            } catch (PermanentException e) {
                return Future.failedFuture(e);
            }
            return existing(request.idempotencyKey()).compose(found -> {
                if (found.isPresent()) {
                    String id = ShipHeroIds.legacy(found.get().getValue("legacy_id", found.get().getValue("id")));
                    facts.put("shipheroOrder", id);
                    return Future.succeededFuture(SinkResult.alreadyPresent(id, "ShipHero order " + id + " (#"
                            + found.get().getString("order_number") + ") already has this goods-out note").withFacts(facts));
                }
                return create(f, input, warehouse, facts);
            });
        });
    }

    private Future<Optional<JsonObject>> existing(String partnerOrderId) {
        return sh.client().call("orders", Queries.ORDER_BY_PARTNER_ID, new JsonObject().put("partner", partnerOrderId))
                .map(r -> {
                    List<JsonObject> nodes = Relay.nodes(r.getJsonObject("data"));
                    // ShipHero matches exactly; checked again so a looser match could never pass for ours.
                    return nodes.stream().filter(n -> partnerOrderId.equals(n.getString("partner_order_id"))).findFirst();
                });
    }

    private Future<SinkResult> create(Fulfilment f, JsonObject input, JsonObject warehouse, Map<String, String> facts) {
        return sh.client().call("order_create", Queries.ORDER_CREATE, new JsonObject().put("data", input)).map(r -> {
            JsonObject order = r.getJsonObject("order", new JsonObject());
            String id = ShipHeroIds.legacy(order.getValue("legacy_id", order.getValue("id")));
            facts.put("shipheroOrder", id);
            return SinkResult.created(id, "created ShipHero order " + id + " (#" + order.getString("order_number")
                    + ") for goods-out note " + f.id() + " in warehouse " + warehouse.getString("identifier")).withFacts(facts);
        });
    }

    private static Map<String, String> facts(Fulfilment f, ShippingLine shipping) {
        Map<String, String> facts = new LinkedHashMap<>();
        put(facts, "orderReference", f.orderReference());
        put(facts, "orderId", f.orderId());
        put(facts, "goodsOutNote", f.id());
        put(facts, "total", f.orderTotal() == null ? null : f.orderTotal().toString());
        put(facts, "shippingMethod", shipping == null ? null : shipping.sent());
        put(facts, "brightpearlWarehouse", f.warehouse());
        return facts;
    }

    private static void put(Map<String, String> m, String k, String v) {
        if (v != null) {
            m.put(k, v);
        }
    }
}
