package dev.junction.sandbox.shiphero;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.List;

/**
 * Control API of the ShipHero simulator (under {@code /_sandbox/}):
 * <ul>
 *   <li>{@code GET stats}: request, throttle and webhook counters, operations by root field;</li>
 *   <li>{@code GET orders}, {@code GET shipments}: everything stored, as GraphQL would return it;</li>
 *   <li>{@code POST orders/{ref}/ship} with optional {@code {"line_items":[{"sku"|"partner_line_item_id"|"line_item_id",
 *       "quantity"}], "packages":n}}: the warehouse ships now (all that is left when no lines are given);
 *       {@code ref} is the order id, legacy id, partner_order_id or order_number; 201 with the shipment;</li>
 *   <li>{@code PUT inventory} {@code {"sku","warehouse_id"(id, legacy id or identifier; default the first),
 *       "on_hand"}}: sets stock and fires "Inventory Update";</li>
 *   <li>{@code POST warehouses} {@code {"identifier","company_name","address":{...}}}: adds a warehouse;</li>
 *   <li>{@code PUT credits} {@code {"credits":n}}: sets the credits left now (reach the throttle quickly);</li>
 *   <li>{@code GET webhooks} (registered, with secrets) and {@code GET webhooks/deliveries} (every attempt).</li>
 * </ul>
 * Errors answer {@code {"error": "..."}} with 400, 404 or 409.
 */
final class ShipHeroControl {
    private final ShipHeroStore store;
    private final ShipHeroStats stats;
    private final CreditBucket credits;
    private final ShipHeroWarehouse warehouse;
    private final ShipHeroResolvers resolvers;
    private final ShipHeroWebhooks webhooks;

    ShipHeroControl(ShipHeroStore store, ShipHeroStats stats, CreditBucket credits, ShipHeroWarehouse warehouse,
                    ShipHeroResolvers resolvers, ShipHeroWebhooks webhooks) {
        this.store = store;
        this.stats = stats;
        this.credits = credits;
        this.warehouse = warehouse;
        this.resolvers = resolvers;
        this.webhooks = webhooks;
    }

    void routes(Router router) {
        router.get("/_sandbox/stats").handler(ctx -> ctx.json(stats.toJson().put("user_quota", credits.userQuota())));
        router.get("/_sandbox/orders").handler(ctx -> ctx.json(new JsonArray(
                store.orders().stream().map(ShipHeroOrders::render).toList())));
        router.get("/_sandbox/shipments").handler(ctx -> ctx.json(new JsonArray(
                store.shipments().stream().map(ShipHeroResolvers::renderShipment).toList())));
        router.post("/_sandbox/orders/:ref/ship").handler(this::ship);
        router.put("/_sandbox/inventory").handler(this::inventory);
        router.post("/_sandbox/warehouses").handler(ctx -> {
            JsonObject b = body(ctx);
            if (b.getString("identifier") == null) {
                fail(ctx, 400, "identifier is required");
                return;
            }
            ctx.response().setStatusCode(201);
            ctx.json(store.addWarehouse(b.getString("identifier"), b.getString("company_name", b.getString("identifier")),
                    b.getJsonObject("address")));
        });
        router.put("/_sandbox/credits").handler(ctx -> {
            credits.set(body(ctx).getInteger("credits", 0));
            ctx.json(credits.userQuota());
        });
        router.get("/_sandbox/webhooks").handler(ctx -> ctx.json(new JsonArray(store.webhooks())));
        router.get("/_sandbox/webhooks/deliveries").handler(ctx -> ctx.json(new JsonArray(webhooks.deliveries())));
    }

    private void ship(RoutingContext ctx) {
        String ref = ctx.pathParam("ref");
        JsonObject order = store.order(ref);
        if (order == null) {
            order = store.orders().stream().filter(o -> ref.equals(o.getString("partner_order_id"))
                    || ref.equals(o.getString("order_number"))).findFirst().orElse(null);
        }
        if (order == null) {
            fail(ctx, 404, "order not found: " + ref);
            return;
        }
        JsonObject b = body(ctx);
        int packages = b.getInteger("packages", 0);
        try {
            JsonObject shipment;
            if (b.getJsonArray("line_items") == null) {
                shipment = warehouse.shipRemaining(order, packages);
            } else {
                List<ShipHeroWarehouse.ShipLine> lines = new ArrayList<>();
                for (JsonObject l : ShipHeroStore.objects(b.getJsonArray("line_items"))) {
                    Object lineRef = l.getValue("line_item_id", l.getValue("partner_line_item_id", l.getValue("sku")));
                    JsonObject line = ShipHeroWarehouse.findLine(order, lineRef);
                    if (line == null) {
                        fail(ctx, 400, "no line " + lineRef + " on order " + ref);
                        return;
                    }
                    lines.add(new ShipHeroWarehouse.ShipLine(line, l.getInteger("quantity", line.getInteger("quantity_pending_fulfillment"))));
                }
                shipment = warehouse.ship(order, lines, packages);
            }
            ctx.response().setStatusCode(201);
            ctx.json(ShipHeroResolvers.renderShipment(shipment));
        } catch (ShipHeroError e) {
            fail(ctx, 409, e.getMessage());
        }
    }

    private void inventory(RoutingContext ctx) {
        JsonObject b = body(ctx);
        Object wh = b.getValue("warehouse_id", store.defaultWarehouse().getString("id"));
        try {
            ctx.json(resolvers.inventory("inventory_replace", new JsonObject().put("sku", b.getString("sku"))
                    .put("warehouse_id", wh).put("quantity", b.getInteger("on_hand"))));
        } catch (ShipHeroError e) {
            fail(ctx, 400, e.getMessage());
        }
    }

    private static JsonObject body(RoutingContext ctx) {
        try {
            JsonObject b = ctx.body().asJsonObject();
            return b == null ? new JsonObject() : b;
        } catch (RuntimeException e) {
            return new JsonObject();
        }
    }

    private static void fail(RoutingContext ctx, int status, String message) {
        ctx.response().setStatusCode(status);
        ctx.json(new JsonObject().put("error", message));
    }
}
