package dev.junction.sandbox.starshipit;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Control API of the Starshipit simulator (under {@code /_sandbox/}):
 * <ul>
 *   <li>{@code GET stats}: requests, throttled (429), rejected, labels printed, webhook counters, per endpoint;</li>
 *   <li>{@code GET orders}: every stored order, full object;</li>
 *   <li>{@code POST orders/{ref}/print} ({@code ref} = order_id or order_number), optional body as
 *       {@code POST /api/orders/shipment}: the merchant prints the label now; answers the label response;</li>
 *   <li>{@code POST orders/{ref}/track} {@code {"status":"Dispatched","details":"..."}}: a courier update;
 *       answers the order and fires the webhook;</li>
 *   <li>{@code PUT webhook} {@code {"url","secret"}} (secret optional) and {@code GET webhook};</li>
 *   <li>{@code GET webhooks/deliveries}: every delivery attempt.</li>
 * </ul>
 * Errors use the API's envelope and status.
 */
final class StarshipitControl {
    private final StarshipitOrders orders;
    private final StarshipitLabels labels;
    private final StarshipitWebhook webhook;
    private final StarshipitStats stats;

    StarshipitControl(StarshipitOrders orders, StarshipitLabels labels, StarshipitWebhook webhook, StarshipitStats stats) {
        this.orders = orders;
        this.labels = labels;
        this.webhook = webhook;
        this.stats = stats;
    }

    void routes(Router router) {
        router.get("/_sandbox/stats").handler(ctx -> ctx.json(stats.toJson()));
        router.get("/_sandbox/orders").handler(ctx -> ctx.json(new JsonArray(orders.all().stream().map(JsonObject::copy).toList())));
        router.post("/_sandbox/orders/:ref/print").handler(ctx -> guarded(ctx, () -> {
            JsonObject req = body(ctx).put("order_id", order(ctx).getInteger("order_id"));
            ctx.json(labels.print(req));
        }));
        router.post("/_sandbox/orders/:ref/track").handler(ctx -> guarded(ctx, () -> {
            JsonObject b = body(ctx);
            ctx.json(labels.track(order(ctx), b.getString("status", "Dispatched"), b.getString("details")).copy());
        }));
        router.put("/_sandbox/webhook").handler(ctx -> {
            JsonObject b = body(ctx);
            webhook.configure(b.getString("url"), b.getString("secret"));
            ctx.json(webhook.config());
        });
        router.get("/_sandbox/webhook").handler(ctx -> ctx.json(webhook.config()));
        router.get("/_sandbox/webhooks/deliveries").handler(ctx -> ctx.json(new JsonArray(webhook.deliveries())));
    }

    private JsonObject order(RoutingContext ctx) {
        String ref = ctx.pathParam("ref");
        JsonObject order = orders.byId(ref);
        if (order == null) order = orders.byNumber(ref);
        if (order == null) throw new StarshipitError(404, "Order not found", "No order " + ref);
        return order;
    }

    private static void guarded(RoutingContext ctx, Runnable action) {
        try {
            action.run();
        } catch (StarshipitError e) {
            StarshipitSimulator.reply(ctx, e.status, e.body());
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
}
