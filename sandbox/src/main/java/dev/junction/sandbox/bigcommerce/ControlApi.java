package dev.junction.sandbox.bigcommerce;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.function.Function;


/**
 * The simulator's own {@code /_sandbox/...} routes: seed the catalog, customers and orders, move an order's
 * status as a merchant would, and inspect what clients wrote. No auth, no quota, no faults; errors are
 * plain {@code {"error": "..."}}.
 */
final class ControlApi {
    private final BcStore store;
    private final OrderFactory factory;
    private final OrderEvents events;
    private final WebhookDispatcher dispatcher;
    private final CatalogApi catalog;
    private final OrderGenerator generator;

    ControlApi(BcStore store, OrderFactory factory, OrderEvents events, WebhookDispatcher dispatcher,
               CatalogApi catalog, OrderGenerator generator) {
        this.store = store;
        this.factory = factory;
        this.events = events;
        this.dispatcher = dispatcher;
        this.catalog = catalog;
        this.generator = generator;
    }

    void routes(Router router) {
        router.post("/_sandbox/products").handler(control(ctx -> many(ctx, in ->
                catalog.product(store.catalog.addProduct(in, store.now()), java.util.Set.of("variants")))));
        router.get("/_sandbox/products").handler(control(ctx -> {
            JsonArray out = new JsonArray();
            store.catalog.products().forEach(p -> out.add(catalog.product(p, java.util.Set.of("variants"))));
            Replies.json(ctx, 200, out);
        }));
        router.post("/_sandbox/customers").handler(control(ctx -> many(ctx, in ->
                CatalogApi.customer(store.catalog.addCustomer(in, store.now())))));
        router.get("/_sandbox/customers").handler(control(ctx -> {
            JsonArray out = new JsonArray();
            store.catalog.customers().forEach(c -> out.add(CatalogApi.customer(c)));
            Replies.json(ctx, 200, out);
        }));
        router.post("/_sandbox/orders").handler(control(ctx -> many(ctx, in -> {
            BcOrder order = factory.create(in, OrderStatuses.AWAITING_FULFILLMENT, "www");
            store.put(order);
            events.created(order.id);
            return order.snapshot(store.apiBase());
        })));
        router.get("/_sandbox/orders").handler(control(ctx -> {
            JsonArray out = new JsonArray();
            store.orders().forEach(o -> out.add(o.snapshot(store.apiBase())));
            Replies.json(ctx, 200, out);
        }));
        router.get("/_sandbox/orders/:order_id").handler(control(ctx -> {
            BcOrder o = store.order(Replies.intParam(ctx, "order_id", -1));
            if (o == null) error(ctx, 404, "no such order");
            else Replies.json(ctx, 200, o.snapshot(store.apiBase()));
        }));
        router.put("/_sandbox/orders/:order_id/status").handler(control(this::status));
        router.get("/_sandbox/shipments").handler(control(ctx -> {
            JsonArray out = new JsonArray();
            store.orders().forEach(o -> o.shipments().forEach(out::add));
            Replies.json(ctx, 200, out);
        }));
        router.get("/_sandbox/inventory").handler(control(ctx -> {
            JsonArray out = new JsonArray();
            store.inventory.levels().forEach(l -> out.add(new JsonObject().put("sku", l.sku())
                    .put("variant_id", l.variantId()).put("product_id", l.productId())
                    .put("location_id", l.locationId()).put("on_hand", l.onHand())));
            Replies.json(ctx, 200, out);
        }));
        router.post("/_sandbox/locations").handler(control(ctx -> {
            JsonObject in = Replies.body(ctx);
            Inventory.Location l = new Inventory.Location(in.getInteger("id"), in.getString("code", "LOC-" + in.getInteger("id")),
                    in.getString("name", "Location " + in.getInteger("id")));
            store.inventory.addLocation(l);
            Replies.json(ctx, 201, l.json());
        }));
        router.get("/_sandbox/hooks").handler(control(ctx -> {
            JsonArray out = new JsonArray();
            store.hooks.all().forEach(h -> out.add(h.json(store.options.storeHash())));
            Replies.json(ctx, 200, out);
        }));
        router.get("/_sandbox/webhooks/events").handler(control(ctx -> Replies.json(ctx, 200, dispatcher.events())));
        router.get("/_sandbox/webhooks/deliveries").handler(control(ctx -> Replies.json(ctx, 200, dispatcher.deliveries())));
        router.post("/_sandbox/webhooks/redeliver").handler(control(ctx -> {
            long eventId = Replies.body(ctx).getLong("event_id", -1L);
            if (dispatcher.redeliver(eventId)) ctx.response().setStatusCode(202).end();
            else error(ctx, 404, "no such event");
        }));
        router.get("/_sandbox/stats").handler(control(ctx -> Replies.json(ctx, 200,
                store.stats.toJson().put("orders", store.orderCount()))));
        router.post("/_sandbox/generate-orders").handler(control(ctx -> {
            JsonObject in = Replies.body(ctx);
            int count = in.getInteger("count", 10);
            if (count < 1 || count > 100_000) throw new Formats.BadInput("count must be 1..100000");
            JsonArray ids = new JsonArray();
            double repeatRate = in.getDouble("repeatRate", -1.0);
            if (repeatRate > 1) throw new Formats.BadInput("repeatRate must be 0..1");
            double addressChangeRate = in.getDouble("addressChangeRate", OrderGenerator.DEFAULT_ADDRESS_CHANGE_RATE);
            if (in.containsKey("hold") && !(in.getValue("hold") instanceof Boolean)) {
                throw new Formats.BadInput("hold must be true or false");
            }
            boolean hold = in.getBoolean("hold", false);
            if (in.getValue("pool") != null && !(in.getValue("pool") instanceof String)) {
                throw new Formats.BadInput("pool must be a name");
            }
            for (BcOrder o : generator.generate(count, in.getLong("seed", store.options.seed()), repeatRate, addressChangeRate,
                    in.getString("pool"))) {
                if (hold) {
                    store.hold(o);
                } else {
                    store.put(o);
                    events.created(o.id);
                }
                ids.add(o.id);
            }
            JsonObject out = new JsonObject().put(hold ? "held" : "created", ids.size()).put("order_ids", ids);
            if (hold) out.put("heldTotal", store.heldCount());
            Replies.json(ctx, 201, out);
        }));
        router.post("/_sandbox/release-orders").handler(control(ctx -> {
            JsonObject in = Replies.body(ctx);
            if (!(in.getValue("count", 1) instanceof Integer count) || count < 1) {
                throw new Formats.BadInput("count must be a whole number, at least 1");
            }
            JsonArray ids = new JsonArray();
            for (BcOrder o : store.releaseHeld(count)) {
                events.created(o.id);
                ids.add(o.id);
            }
            Replies.json(ctx, 200, new JsonObject().put("created", ids.size()).put("order_ids", ids)
                    .put("heldTotal", store.heldCount()));
        }));
    }

    private void status(RoutingContext ctx) {
        BcOrder o = store.order(Replies.intParam(ctx, "order_id", -1));
        if (o == null) {
            error(ctx, 404, "no such order");
            return;
        }
        Integer statusId = Replies.body(ctx).getInteger("status_id");
        if (statusId == null || !OrderStatuses.exists(statusId)) throw new Formats.BadInput("status_id must be 0-14");
        int previous = o.setStatus(statusId, store.now());
        Replies.json(ctx, 200, o.render(store.apiBase()));
        if (previous != statusId) events.statusChanged(o.id, previous, statusId);
        else events.updated(o.id);
    }

    /** Accepts one object or an array of objects; answers with one result or an array accordingly. */
    private static void many(RoutingContext ctx, Function<JsonObject, JsonObject> create) {
        Object body;
        try {
            body = ctx.body().asString() == null ? null : io.vertx.core.json.Json.decodeValue(ctx.body().asString());
        } catch (io.vertx.core.json.DecodeException e) {
            throw new Formats.BadInput("body must be JSON");
        }
        if (body instanceof JsonObject one) {
            Replies.json(ctx, 201, create.apply(one));
        } else if (body instanceof JsonArray list) {
            JsonArray out = new JsonArray();
            for (Object o : list) {
                if (!(o instanceof JsonObject item)) throw new Formats.BadInput("array items must be objects");
                out.add(create.apply(item));
            }
            Replies.json(ctx, 201, out);
        } else {
            throw new Formats.BadInput("body must be a JSON object or array");
        }
    }

    private static io.vertx.core.Handler<RoutingContext> control(io.vertx.core.Handler<RoutingContext> h) {
        return ctx -> {
            try {
                h.handle(ctx);
            } catch (Formats.BadInput e) {
                error(ctx, 400, e.getMessage());
            } catch (RuntimeException e) {
                error(ctx, 500, e.toString());
            }
        };
    }

    private static void error(RoutingContext ctx, int status, String message) {
        Replies.json(ctx, status, new JsonObject().put("error", message));
    }
}
