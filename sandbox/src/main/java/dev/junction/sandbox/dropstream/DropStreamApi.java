package dev.junction.sandbox.dropstream;

import dev.junction.sandbox.core.Faults;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * DropStream's read API: {@code POST /auth/token} (HTTP Basic, {@code grant_type=client_credentials}, JSON or
 * form body) issues an HS256 JWT; {@code GET /orders}, {@code /shipments}, {@code /products},
 * {@code /warehouses} need it as Bearer and answer 401 once it expires. DropStream's error shape is
 * undocumented; this simulator answers {@code {"error":"<code>","message":"..."}}: 401 {@code unauthorized}
 * or {@code token_expired}, 400 {@code invalid_parameter}, 429 {@code rate_limited} (with Retry-After,
 * only under the forceThrottle knob), 500 {@code internal_error}, 503 {@code service_unavailable}.
 * Dates in filters are ISO-8601 only (the real API also takes natural language).
 */
final class DropStreamApi {
    private final DropStreamOptions options;
    private final DropStreamStore store;
    private final DropStreamStats stats;
    private final Map<String, Long> tokens = new HashMap<>();
    private final byte[] signingKey;
    private Faults faults = new Faults(0);

    DropStreamApi(DropStreamOptions options, DropStreamStore store, DropStreamStats stats) {
        this.options = options;
        this.store = store;
        this.stats = stats;
        this.signingKey = ("dropstream-sandbox-" + options.seed()).getBytes(StandardCharsets.UTF_8);
    }

    void attach(Faults faults) {
        this.faults = faults;
    }

    synchronized void reset() {
        tokens.clear();
    }

    void routes(Router router) {
        router.post("/auth/token").handler(this::token);
        router.get("/orders").handler(ctx -> guarded(ctx, () -> ctx.json(new JsonObject().put("orders",
                new JsonArray(new ArrayList<>(store.orders().stream().filter(orderFilter(ctx)).toList()))))));
        router.get("/shipments").handler(ctx -> guarded(ctx, () -> ctx.json(new JsonArray(
                new ArrayList<>(store.shipments().stream().filter(shipmentFilter(ctx)).toList())))));
        router.get("/products").handler(ctx -> guarded(ctx, () -> {
            String sku = ctx.queryParams().get("sku");
            String customer = ctx.queryParams().get("customer_id");
            ctx.json(page(ctx, "products", store.products().stream()
                    .filter(p -> sku == null || sku.equals(p.getString("sku")))
                    .filter(p -> customer == null || customer.equals(String.valueOf(p.getValue("customer_id")))).toList()));
        }));
        router.get("/warehouses").handler(ctx -> guarded(ctx, () -> ctx.json(page(ctx, "warehouses", store.warehouses()))));
    }

    private void token(RoutingContext ctx) {
        if (outage(ctx)) return;
        String auth = ctx.request().getHeader("Authorization");
        String expected = "Basic " + Base64.getEncoder().encodeToString(
                (options.username() + ":" + options.password()).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(auth)) {
            stats.unauthorized.incrementAndGet();
            fail(ctx, 401, "unauthorized", "Invalid client credentials");
            return;
        }
        String grant = ctx.request().getFormAttribute("grant_type");
        if (grant == null) {
            try {
                JsonObject body = ctx.body().asJsonObject();
                grant = body == null ? null : body.getString("grant_type");
            } catch (RuntimeException e) {
                grant = null;
            }
        }
        if (!"client_credentials".equals(grant)) {
            fail(ctx, 400, "unsupported_grant_type", "grant_type must be client_credentials");
            return;
        }
        ctx.json(new JsonObject().put("access_token", issue()).put("token_type", "Bearer"));
    }

    private synchronized String issue() {
        long now = Instant.now().getEpochSecond();
        String header = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64(new JsonObject().put("sub", options.username()).put("iat", now)
                .put("exp", now + options.tokenTtl().toSeconds()).put("jti", Long.toHexString(store.nextRandom(Long.MAX_VALUE)))
                .encode().getBytes(StandardCharsets.UTF_8));
        String token = header + "." + payload + "." + b64(hmac(header + "." + payload));
        tokens.put(token, System.currentTimeMillis() + options.tokenTtl().toMillis());
        return token;
    }

    /** Outage and error knobs, the Bearer check, then the handler; bad parameters answer 400. */
    private void guarded(RoutingContext ctx, Runnable handler) {
        if (outage(ctx)) return;
        String auth = ctx.request().getHeader("Authorization");
        Long expires;
        synchronized (this) {
            expires = auth != null && auth.startsWith("Bearer ") ? tokens.get(auth.substring(7).trim()) : null;
        }
        if (expires == null || System.currentTimeMillis() >= expires) {
            stats.unauthorized.incrementAndGet();
            if (expires == null) fail(ctx, 401, "unauthorized", "A valid Bearer token is required");
            else fail(ctx, 401, "token_expired", "The access token has expired; request a new one");
            return;
        }
        try {
            handler.run();
        } catch (IllegalArgumentException e) {
            fail(ctx, 400, "invalid_parameter", e.getMessage());
        }
    }

    private boolean outage(RoutingContext ctx) {
        stats.requests.incrementAndGet();
        if (faults.down()) {
            stats.unavailable.incrementAndGet();
            fail(ctx, 503, "service_unavailable", "DropStream is temporarily unavailable");
            return true;
        }
        if (faults.forceThrottle()) {
            stats.throttled.incrementAndGet();
            ctx.response().putHeader("Retry-After", "1");
            fail(ctx, 429, "rate_limited", "Too many requests");
            return true;
        }
        if (faults.injectError()) {
            stats.injectedErrors.incrementAndGet();
            fail(ctx, 500, "internal_error", "Internal server error");
            return true;
        }
        return false;
    }

    private static Predicate<JsonObject> orderFilter(RoutingContext ctx) {
        var q = ctx.queryParams();
        return range("ordered_at", q.get("ordered_at_min"), q.get("ordered_at_max"))
                .and(range("created_at", q.get("created_at_min"), q.get("created_at_max")))
                .and(equal("store_id", q.get("store_id"))).and(equal("external_id", q.get("external_id")))
                .and(equal("external_display_id", q.get("external_display_id"))).and(equal("fulfillment_state", q.get("state")));
    }

    private static Predicate<JsonObject> shipmentFilter(RoutingContext ctx) {
        var q = ctx.queryParams();
        return range("shipped_at", q.get("shipped_at_min"), q.get("shipped_at_max"))
                .and(range("created_at", q.get("created_at_min"), q.get("created_at_max")))
                .and(equal("tracking_number", q.get("tracking_number"))).and(equal("warehouse_id", q.get("warehouse_id")))
                .and(equal("state", q.get("state")));
    }

    private static Predicate<JsonObject> equal(String field, String wanted) {
        return o -> wanted == null || wanted.equals(String.valueOf(o.getValue(field)));
    }

    private static Predicate<JsonObject> range(String field, String min, String max) {
        Instant lo = min == null ? null : instant(min, field + "_min");
        Instant hi = max == null ? null : instant(max, field + "_max");
        return o -> {
            if (lo == null && hi == null) return true;
            if (o.getString(field) == null) return false;
            Instant v = Instant.parse(o.getString(field));
            return (lo == null || !v.isBefore(lo)) && (hi == null || !v.isAfter(hi));
        };
    }

    private static Instant instant(String s, String name) {
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an ISO-8601 date-time, got '" + s + "'");
        }
    }

    private static JsonObject page(RoutingContext ctx, String key, List<JsonObject> all) {
        int page = intParam(ctx, "page", 1);
        int limit = intParam(ctx, "limit", 50);
        if (page < 1 || limit < 1 || limit > 250) throw new IllegalArgumentException("page must be >= 1 and limit 1..250");
        int from = Math.min(all.size(), (page - 1) * limit);
        int to = Math.min(all.size(), from + limit);
        return new JsonObject().put(key, new JsonArray(new ArrayList<>(all.subList(from, to)))).put("page", page)
                .put("limit", limit).put("total_count", all.size()).put("total_pages", (all.size() + limit - 1) / limit);
    }

    private static int intParam(RoutingContext ctx, String name, int dflt) {
        String v = ctx.queryParams().get(name);
        try {
            return v == null ? dflt : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be an integer");
        }
    }

    static void fail(RoutingContext ctx, int status, String error, String message) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("error", error).put("message", message).encode());
    }

    private byte[] hmac(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingKey, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
