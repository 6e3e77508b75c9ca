package dev.junction.sandbox.brightpearl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Duration;
import java.util.function.Function;

/**
 * {@code /_sandbox/...}: seed reference data and entities, inspect what the hub wrote, read counters and
 * change run-time options. Plain JSON (no Brightpearl envelope); errors answer 400 {@code {"error": ...}}.
 */
final class ControlApi {
    private final BpState state;
    private final Auth auth;
    private final Stats stats;
    private final Throttle throttle;
    private final Webhooks hooks;
    private final OrderService orders;
    private final GoodsOutService goodsOut;
    private final ProductService products;
    private final ContactService contacts;

    ControlApi(BpState state, Auth auth, Stats stats, Throttle throttle, Webhooks hooks, OrderService orders,
               GoodsOutService goodsOut, ProductService products, ContactService contacts) {
        this.state = state;
        this.auth = auth;
        this.stats = stats;
        this.throttle = throttle;
        this.hooks = hooks;
        this.orders = orders;
        this.goodsOut = goodsOut;
        this.products = products;
        this.contacts = contacts;
    }

    void routes(Router r) {
        String s = "/_sandbox";
        r.get(s + "/options").handler(ctx -> ok(ctx, options()));
        r.put(s + "/options").handler(ctx -> run(ctx, this::setOptions));
        r.get(s + "/stats").handler(ctx -> ok(ctx, stats.toJson().put("webhooks", new JsonObject()
                .put("delivered", hooks.delivered.get()).put("failed", hooks.failed.get())
                .put("dropped", hooks.dropped.get()))));
        r.post(s + "/stats/reset").handler(ctx -> {
            stats.reset();
            throttle.clear();
            ok(ctx, stats.toJson());
        });
        r.post(s + "/tokens/expire").handler(ctx -> {
            auth.expireAll();
            ok(ctx, new JsonObject().put("expired", true));
        });
        r.post(s + "/products").handler(ctx -> run(ctx, b -> each(b, p -> {
            Product seeded = products.seed(p);
            return products.json(seeded, true).put("stock", seeded.stockJson());
        })));
        r.get(s + "/products").handler(ctx -> ok(ctx, all(state.products.values().stream()
                .map(p -> products.json(p, true).put("stock", p.stockJson()).put("availability", p.availability())))));
        r.post(s + "/contacts").handler(ctx -> run(ctx, b -> each(b, this::seedContact)));
        r.get(s + "/contacts").handler(ctx -> ok(ctx, all(state.contacts.values().stream().map(contacts::json))));
        r.get(s + "/postal-addresses").handler(ctx -> ok(ctx, all(state.addresses.values().stream())));
        r.post(s + "/warehouses").handler(ctx -> run(ctx, b -> each(b, w -> state.warehouse(
                id(w, state.warehouses), w.getString("name", "Warehouse")))));
        r.post(s + "/shipping-methods").handler(ctx -> run(ctx, b -> each(b, m -> state.shippingMethod(
                id(m, state.shippingMethods), m.getString("name", "Shipping"), m.getString("code", "")))));
        r.post(s + "/order-statuses").handler(ctx -> run(ctx, b -> each(b, st -> state.orderStatus(
                id(st, state.orderStatuses), st.getString("name", "Status"), st.getString("color")))));
        r.post(s + "/orders").handler(ctx -> run(ctx, b -> each(b, o -> orders.json().flat(orders.create(o)))));
        // ?view=summary: id, ref, externalRef and createdOn only. The bench reads every order once at the end
        // of a run (120,000 of them); rendered whole, that held an event loop for 2-10 s.
        r.get(s + "/orders").handler(ctx -> {
            Function<Order, JsonObject> view = "summary".equals(ctx.request().getParam("view"))
                    ? orders.json()::summary : orders.json()::flat;
            ok(ctx, all(state.orders.values().stream().map(view)));
        });
        // a GET has no body: read only the path (run() would parse a body Vert.x leaves unset)
        r.get(s + "/orders/:id").handler(ctx -> {
            Order o;
            try {
                o = state.orders.get(Long.parseLong(ctx.pathParam("id")));
            } catch (NumberFormatException e) {
                err(ctx, "'" + ctx.pathParam("id") + "' is not an order id");
                return;
            }
            if (o == null) {
                ctx.response().setStatusCode(404).putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("error", "no order " + ctx.pathParam("id")).encode());
                return;
            }
            JsonObject flat;
            synchronized (o) {
                flat = orders.json().flat(o).put("notes", o.notes.copy()).put("customFields", o.customFields.copy());
            }
            ok(ctx, flat);
        });
        r.put(s + "/orders/:id/rows/:rowId").handler(ctx -> run(ctx, b -> routeRow(ctx, b)));
        r.get(s + "/goods-out-notes").handler(ctx -> ok(ctx, all(state.gons.values().stream()
                .map(g -> goodsOut.json().render(g).put("id", g.id)))));
        r.get(s + "/stock-corrections").handler(ctx -> ok(ctx, all(state.stockCorrections.values().stream())));
        r.get(s + "/webhooks").handler(ctx -> ok(ctx, hooks.list()));
        r.get(s + "/webhook-deliveries").handler(ctx -> ok(ctx, hooks.deliveries()));
    }

    private JsonObject options() {
        JsonObject pw = new JsonObject();
        state.productWarehouses.forEach((p, w) -> pw.put(p.toString(), w));
        BrightpearlOptions o = state.options;
        return new JsonObject().put("accountCode", o.accountCode()).put("seed", o.seed())
                .put("requestsPerMinute", state.requestsPerMinute).put("throttleWindowMs", state.throttleWindowMs)
                .put("forcedThrottlePeriodMs", state.forcedThrottlePeriodMs)
                .put("autoGoodsOutNotes", state.autoGoodsOutNotes)
                .put("staffTokenIdleMs", state.staffTokenIdle.toMillis())
                .put("accessTokenLifetimeMs", state.accessTokenLifetime.toMillis())
                .put("productWarehouses", pw).put("appRef", o.appRef()).put("accountToken", o.accountToken())
                .put("clientSecret", o.clientSecret()).put("staffEmail", o.staffEmail())
                .put("staffPassword", o.staffPassword()).put("installationInstanceId", o.installationInstanceId());
    }

    private Object setOptions(JsonObject b) {
        if (b.containsKey("throttleWindowMs")) {
            long w = b.getLong("throttleWindowMs");
            if (w <= 0) {
                throw new IllegalArgumentException("throttleWindowMs must be positive, got " + w);
            }
            state.throttleWindowMs = w;
            throttle.clear();
        }
        if (b.containsKey("forcedThrottlePeriodMs")) {
            long p = b.getLong("forcedThrottlePeriodMs");
            if (p <= 0) {
                throw new IllegalArgumentException("forcedThrottlePeriodMs must be positive, got " + p);
            }
            state.forcedThrottlePeriodMs = p;
        }
        if (b.containsKey("requestsPerMinute")) {
            state.requestsPerMinute = b.getInteger("requestsPerMinute");
            throttle.clear();
        }
        if (b.containsKey("autoGoodsOutNotes")) state.autoGoodsOutNotes = b.getBoolean("autoGoodsOutNotes");
        if (b.containsKey("staffTokenIdleMs")) state.staffTokenIdle = Duration.ofMillis(b.getLong("staffTokenIdleMs"));
        if (b.containsKey("accessTokenLifetimeMs")) {
            state.accessTokenLifetime = Duration.ofMillis(b.getLong("accessTokenLifetimeMs"));
        }
        JsonObject pw = b.getJsonObject("productWarehouses");
        if (pw != null) {
            state.productWarehouses.clear();
            pw.forEach(e -> state.productWarehouses.put(Long.parseLong(e.getKey()), ((Number) e.getValue()).longValue()));
        }
        return options();
    }

    private JsonObject seedContact(JsonObject b) {
        JsonObject api = b.copy();
        if (b.getString("email") != null) {
            api.put("communication", new JsonObject().put("emails",
                    new JsonObject().put("PRI", new JsonObject().put("email", b.getString("email")))));
        }
        JsonObject address = b.getJsonObject("address");
        if (address != null) {
            long aid = contacts.createAddress(address);
            api.put("postAddressIds", new JsonObject().put("DEF", aid).put("BIL", aid).put("DEL", aid));
        }
        return contacts.json(contacts.create(api, BpHttp.optLong(b, "id")));
    }

    /** Per-row warehouse override: automation and the flat GET then use it instead of the order's warehouse. */
    private Object routeRow(RoutingContext ctx, JsonObject b) {
        Order o = state.orders.get(Long.parseLong(ctx.pathParam("id")));
        Order.Row row = o == null ? null : o.rows.get(Long.parseLong(ctx.pathParam("rowId")));
        if (row == null) {
            throw new IllegalArgumentException("no row " + ctx.pathParam("rowId") + " on order " + ctx.pathParam("id"));
        }
        Long wh = BpHttp.optLong(b, "warehouseId");
        if (wh != null && !state.warehouses.containsKey(wh)) {
            throw new IllegalArgumentException("no warehouse " + wh);
        }
        synchronized (o) {
            row.warehouseId = wh;
        }
        return orders.json().flat(o);
    }

    private void run(RoutingContext ctx, Function<JsonObject, Object> action) {
        try {
            // no body at all (length -1, null buffer) and an empty one both mean "no arguments"
            Object body = ctx.body() == null || ctx.body().buffer() == null || ctx.body().length() <= 0
                    ? new JsonObject() : io.vertx.core.json.Json.decodeValue(ctx.body().buffer());
            JsonObject arg = body instanceof JsonObject o ? o : new JsonObject().put("items", body);
            Object result = action.apply(arg);
            ok(ctx, result);
        } catch (BpException e) {
            err(ctx, e.code() == null ? e.getMessage() : e.code() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            err(ctx, String.valueOf(e.getMessage()));
        }
    }

    /** A body of one object or an array of objects ({@code {"items":[...]}} after {@link #run}). */
    private static Object each(JsonObject b, Function<JsonObject, JsonObject> seed) {
        if (b.getValue("items") instanceof JsonArray items) {
            JsonArray out = new JsonArray();
            for (int i = 0; i < items.size(); i++) {
                out.add(seed.apply(items.getJsonObject(i)));
            }
            return out;
        }
        return seed.apply(b);
    }

    private long id(JsonObject b, java.util.Map<Long, JsonObject> map) {
        Long id = BpHttp.optLong(b, "id");
        return id != null ? id : state.nextReferenceId(map);
    }

    private static JsonArray all(java.util.stream.Stream<JsonObject> items) {
        JsonArray a = new JsonArray();
        items.forEach(a::add);
        return a;
    }

    private static void ok(RoutingContext ctx, Object body) {
        ctx.response().putHeader("Content-Type", "application/json")
                .end(body instanceof JsonObject o ? o.encode() : body instanceof JsonArray a ? a.encode() : String.valueOf(body));
    }

    private static void err(RoutingContext ctx, String message) {
        ctx.response().setStatusCode(400).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("error", message).encode());
    }
}
