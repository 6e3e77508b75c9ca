package dev.junction.sandbox.starshipit;

import dev.junction.sandbox.core.Faults;
import dev.junction.sandbox.core.Simulator;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.List;

/**
 * Starshipit's REST API under {@code /api/}: both {@code StarShipIT-Api-Key} and
 * {@code Ocp-Apim-Subscription-Key} are required (401), requests beyond the rate limit get 429 with
 * {@code Retry-After}, and every body uses the {@code success}/{@code errors[{message,details}]} envelope.
 * Validation failures answer 400, a duplicate {@code order_number} 409, an unknown order 404.
 * Control routes: {@link StarshipitControl}.
 */
public final class StarshipitSimulator implements Simulator {
    private final StarshipitOptions options;
    private final StarshipitStats stats = new StarshipitStats();
    private final StarshipitOrders orders;
    private final StarshipitWebhook webhook;
    private final StarshipitLabels labels;
    private final RateLimiter limiter;
    private Faults faults = new Faults(0);

    public StarshipitSimulator(StarshipitOptions options) {
        this.options = options;
        this.orders = new StarshipitOrders(options);
        this.webhook = new StarshipitWebhook(options, stats);
        this.labels = new StarshipitLabels(options, orders, webhook, stats);
        this.limiter = new RateLimiter(options.requestsPerSecond());
    }

    public StarshipitSimulator() {
        this(StarshipitOptions.defaults());
    }

    public StarshipitOptions options() {
        return options;
    }

    @Override
    public String name() {
        return "starshipit";
    }

    @Override
    public void attach(Vertx vertx, Faults faults, String baseUrl) {
        this.faults = faults;
        webhook.attach(vertx, faults);
        labels.attach(vertx);
    }

    @Override
    public void routes(Router router) {
        router.route("/api/*").handler(this::gate);
        router.post("/api/orders/shipment").handler(api(ctx -> ctx.json(labels.print(body(ctx)))));
        router.get("/api/orders/unshipped").handler(api(ctx -> list(ctx, false)));
        router.get("/api/orders/shipped").handler(api(ctx -> list(ctx, true)));
        router.get("/api/orders/search").handler(api(this::search));
        router.post("/api/orders").handler(api(ctx -> {
            JsonObject order = orders.create(body(ctx));
            labels.schedule(order);
            ctx.json(envelope("order", order));
        }));
        router.put("/api/orders").handler(api(ctx -> ctx.json(envelope("order", orders.update(body(ctx))))));
        router.get("/api/orders").handler(api(this::getOrder));
        router.get("/api/track").handler(api(this::track));
        router.route("/api/*").handler(ctx -> reply(ctx, 404, StarshipitError.envelope("Not found",
                ctx.request().method() + " " + ctx.request().path() + " is not an endpoint")));
        new StarshipitControl(orders, labels, webhook, stats).routes(router);
    }

    @Override
    public void reset() {
        orders.reset();
        stats.reset();
        limiter.reset();
        webhook.reset(options);
    }

    /** Outage, keys, rate limit and injected errors, in the order a gateway in front of the API applies them. */
    private void gate(RoutingContext ctx) {
        stats.requests.incrementAndGet();
        stats.endpoint(ctx.request().method() + " " + ctx.request().path());
        if (faults.down()) {
            stats.unavailable.incrementAndGet();
            reply(ctx, 503, StarshipitError.envelope("Service Unavailable", "Starshipit is temporarily unavailable"));
            return;
        }
        String apiKey = ctx.request().getHeader("StarShipIT-Api-Key");
        String subscription = ctx.request().getHeader("Ocp-Apim-Subscription-Key");
        if (!options.apiKey().equals(apiKey) || !options.subscriptionKey().equals(subscription)) {
            stats.unauthorized.incrementAndGet();
            String details = subscription == null ? "Missing Ocp-Apim-Subscription-Key header"
                    : apiKey == null ? "Missing StarShipIT-Api-Key header" : "Invalid API key or subscription key";
            reply(ctx, 401, StarshipitError.envelope("Access denied", details));
            return;
        }
        if (faults.forceThrottle() || !limiter.tryAcquire()) {
            stats.throttled.incrementAndGet();
            ctx.response().putHeader("Retry-After", "1");
            reply(ctx, 429, StarshipitError.envelope("Rate limit is exceeded. Try again in 1 seconds.",
                    "Rate limit of " + options.requestsPerSecond() + " requests per second exceeded"));
            return;
        }
        if (faults.injectError()) {
            stats.injectedErrors.incrementAndGet();
            reply(ctx, 500, StarshipitError.envelope("An error has occurred.", "Internal server error"));
            return;
        }
        ctx.next();
    }

    /** Runs a handler, answering its refusals in the envelope. */
    private Handler<RoutingContext> api(Handler<RoutingContext> handler) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (StarshipitError e) {
                if (e.status == 400 || e.status == 409) stats.rejected.incrementAndGet();
                reply(ctx, e.status, e.body());
            } catch (StarshipitOrders.ValidationError e) {
                stats.rejected.incrementAndGet();
                reply(ctx, 400, e.body());
            } catch (ClassCastException e) {
                stats.rejected.incrementAndGet();
                reply(ctx, 400, StarshipitError.envelope("Invalid request", "A field has the wrong type: " + e.getMessage()));
            }
        };
    }

    private void getOrder(RoutingContext ctx) {
        String id = ctx.queryParams().get("order_id");
        String number = ctx.queryParams().get("order_number");
        if (id == null && number == null) throw new StarshipitError(400, "Invalid request", "order_id or order_number is required");
        JsonObject order = id != null ? orders.byId(id) : orders.byNumber(number);
        if (order == null) throw new StarshipitError(404, "Order not found", "No order with " + (id != null ? "order_id " + id : "order_number " + number));
        ctx.json(envelope("order", order));
    }

    private void list(RoutingContext ctx, boolean shipped) {
        List<JsonObject> found = orders.list(shipped, ctx.queryParams().get("since_last_updated"), ctx.queryParams().get("since_order_date"));
        ctx.json(StarshipitOrders.page(found, ctx.queryParams().get("limit"), ctx.queryParams().get("page"), "orders"));
    }

    private void search(RoutingContext ctx) {
        String phrase = ctx.queryParams().get("phrase");
        if (phrase == null || phrase.isBlank()) throw new StarshipitError(400, "Invalid request", "phrase is required");
        List<JsonObject> found = orders.search(phrase).stream().map(o -> new JsonObject().put("order_id", o.getInteger("order_id"))
                .put("order_date", o.getString("order_date")).put("order_number", o.getString("order_number"))
                .put("reference", o.getString("reference")).put("name", o.getJsonObject("destination").getString("name"))
                .put("carrier_name", o.getString("carrier_name")).put("tracking_number", o.getString("tracking_number"))
                .put("country", o.getJsonObject("destination").getString("country"))).toList();
        ctx.json(StarshipitOrders.page(found, ctx.queryParams().get("limit"), ctx.queryParams().get("page"), "orders"));
    }

    private void track(RoutingContext ctx) {
        String tracking = ctx.queryParams().get("tracking_number");
        String number = ctx.queryParams().get("order_number");
        if (tracking == null && number == null) throw new StarshipitError(400, "Invalid request", "tracking_number or order_number is required");
        JsonObject order = tracking != null ? orders.byTracking(tracking) : orders.byNumber(number);
        if (order == null || order.getString("tracking_number") == null) {
            throw new StarshipitError(404, "Tracking not found", "No shipment for " + (tracking != null ? tracking : "order " + number));
        }
        ctx.json(envelope("results", StarshipitLabels.trackResult(order)));
    }

    static JsonObject envelope(String key, JsonObject value) {
        return new JsonObject().put(key, value.copy()).put("success", true).put("errors", new JsonArray());
    }

    private static JsonObject body(RoutingContext ctx) {
        try {
            JsonObject b = ctx.body().asJsonObject();
            if (b == null) throw new StarshipitError(400, "Invalid request", "A JSON body is required");
            return b;
        } catch (DecodeException | ClassCastException e) {
            throw new StarshipitError(400, "Invalid request", "The body is not valid JSON");
        }
    }

    static void reply(RoutingContext ctx, int status, JsonObject body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }
}
