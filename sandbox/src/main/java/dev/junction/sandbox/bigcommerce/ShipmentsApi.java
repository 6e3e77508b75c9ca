package dev.junction.sandbox.bigcommerce;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import static dev.junction.sandbox.bigcommerce.Replies.guard;

/** {@code /v2/orders/{id}/shipments}: create (201), list (204 when none), count, get, update, delete. */
final class ShipmentsApi {
    private final BcStore store;
    private final OrdersApi orders;
    private final OrderEvents events;

    ShipmentsApi(BcStore store, OrdersApi orders, OrderEvents events) {
        this.store = store;
        this.orders = orders;
        this.events = events;
    }

    void routes(Router router, String v2) {
        String base = v2 + "/orders/:order_id/shipments";
        router.get(base + "/count").handler(guard(ctx -> orders.withOrder(ctx,
                o -> Replies.json(ctx, 200, new JsonObject().put("count", o.shipments().size())))));
        router.get(base).handler(guard(ctx -> orders.withOrder(ctx, o -> {
            Replies.Page p = Replies.page(ctx, 50, 250);
            Replies.v2List(ctx, new io.vertx.core.json.JsonArray(p.slice(o.shipments().getList())));
        })));
        router.post(base).handler(guard(this::create));
        router.get(base + "/:shipment_id").handler(guard(ctx -> orders.withOrder(ctx, o -> {
            JsonObject s = o.shipment(Replies.intParam(ctx, "shipment_id", -1));
            if (s == null) Replies.notFound(ctx);
            else Replies.json(ctx, 200, s);
        })));
        router.put(base + "/:shipment_id").handler(guard(ctx -> orders.withOrder(ctx, o -> {
            int id = Replies.intParam(ctx, "shipment_id", -1);
            JsonObject s = Shipments.update(o, id, Replies.body(ctx), store.now());
            if (s == null) {
                Replies.notFound(ctx);
                return;
            }
            Replies.json(ctx, 200, s);
            events.shipment("updated", id, o.id);
        })));
        router.delete(base + "/:shipment_id").handler(guard(ctx -> orders.withOrder(ctx, o -> {
            int id = Replies.intParam(ctx, "shipment_id", -1);
            if (Shipments.delete(o, id, store.now()) == null) {
                Replies.notFound(ctx);
                return;
            }
            ctx.response().setStatusCode(204).end();
            events.shipment("deleted", id, o.id);
            events.updated(o.id);
        })));
    }

    private void create(RoutingContext ctx) {
        orders.withOrder(ctx, order -> {
            JsonObject body = Replies.body(ctx);
            Shipments.Outcome out = Shipments.create(order, body, store.shipmentIds.getAndIncrement(), store.now());
            Replies.json(ctx, 201, out.shipment());
            events.shipment("created", out.shipment().getInteger("id"), order.id);
            if (out.statusChanged()) {
                events.statusChanged(order.id, out.previousStatus(), out.newStatus());
            } else {
                events.updated(order.id);
            }
        });
    }
}
