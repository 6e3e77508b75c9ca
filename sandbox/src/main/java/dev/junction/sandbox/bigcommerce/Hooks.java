package dev.junction.sandbox.bigcommerce;

import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The store's webhook registrations ({@code /v3/hooks}) with BigCommerce's documented limits. */
final class Hooks {
    static final int MAX_PER_SCOPE = 10;
    static final String CLIENT_ID = "junction-sandbox-client";

    /** Scopes this simulator knows; a typo such as {@code store/orders/created} is refused, not silently idle. */
    static final Set<String> SCOPES = Set.of("store/order/*", "store/order/created", "store/order/updated",
            "store/order/archived", "store/order/statusUpdated", "store/order/message/created",
            "store/order/refund/created", "store/shipment/*", "store/shipment/created", "store/shipment/updated",
            "store/shipment/deleted", "store/product/*", "store/product/created", "store/product/updated",
            "store/product/deleted", "store/product/inventory/updated", "store/product/inventory/order/updated",
            "store/sku/*", "store/sku/inventory/updated", "store/sku/inventory/order/updated",
            "store/customer/*", "store/customer/created", "store/customer/updated", "store/customer/deleted");

    record Hook(int id, String scope, String destination, boolean active, JsonObject headers, long createdAt,
                long updatedAt) {
        boolean matches(String eventScope) {
            return scope.equals(eventScope)
                    || (scope.endsWith("/*") && eventScope.startsWith(scope.substring(0, scope.length() - 1)));
        }

        JsonObject json(String storeHash) {
            return new JsonObject().put("id", id).put("client_id", CLIENT_ID).put("store_hash", storeHash)
                    .put("scope", scope).put("destination", destination).put("is_active", active)
                    .put("headers", headers == null ? null : headers.copy())
                    .put("created_at", createdAt).put("updated_at", updatedAt);
        }
    }

    private final ConcurrentHashMap<Integer, Hook> hooks = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger(22561593);

    synchronized Hook create(JsonObject in, long nowSeconds) {
        String scope = scope(in.getValue("scope"));
        String destination = destination(in.getValue("destination"));
        checkLimits(scope, destination, -1);
        Hook h = new Hook(ids.getAndIncrement(), scope, destination, bool(in, "is_active", true),
                headers(in), nowSeconds, nowSeconds);
        hooks.put(h.id(), h);
        return h;
    }

    synchronized Hook update(int id, JsonObject in, long nowSeconds) {
        Hook old = hooks.get(id);
        if (old == null) return null;
        String scope = in.containsKey("scope") ? scope(in.getValue("scope")) : old.scope();
        String destination = in.containsKey("destination") ? destination(in.getValue("destination")) : old.destination();
        checkLimits(scope, destination, id);
        Hook h = new Hook(id, scope, destination, bool(in, "is_active", old.active()),
                in.containsKey("headers") ? headers(in) : old.headers(), old.createdAt(), nowSeconds);
        hooks.put(id, h);
        return h;
    }

    Hook get(int id) {
        return hooks.get(id);
    }

    Hook delete(int id) {
        return hooks.remove(id);
    }

    List<Hook> all() {
        List<Hook> out = new ArrayList<>(hooks.values());
        out.sort(Comparator.comparingInt(Hook::id));
        return out;
    }

    void clear() {
        hooks.clear();
        ids.set(22561593);
    }

    private void checkLimits(String scope, String destination, int self) {
        int sameScope = 0;
        for (Hook h : hooks.values()) {
            if (h.id() == self || !h.scope().equals(scope)) continue;
            if (h.destination().equals(destination)) {
                throw new Formats.BadInput("A webhook for scope " + scope + " and destination " + destination
                        + " already exists (id " + h.id() + ")");
            }
            sameScope++;
        }
        if (sameScope >= MAX_PER_SCOPE) {
            throw new Formats.BadInput("At most " + MAX_PER_SCOPE + " webhooks per scope are allowed");
        }
    }

    private static String scope(Object value) {
        if (!(value instanceof String s) || s.isBlank()) throw new Formats.BadInput("scope is required");
        if (!SCOPES.contains(s)) throw new Formats.BadInput("scope '" + s + "' is not a valid webhook scope");
        return s;
    }

    /**
     * BigCommerce only calls https destinations on port 443. Loopback destinations are exempt so tests
     * and the demo can receive callbacks on plain http and ephemeral ports.
     */
    private static String destination(Object value) {
        if (!(value instanceof String s) || s.isBlank()) throw new Formats.BadInput("destination is required");
        URI uri;
        try {
            uri = URI.create(s);
        } catch (IllegalArgumentException e) {
            throw new Formats.BadInput("destination is not a valid URL");
        }
        String scheme = uri.getScheme();
        String host = uri.getHost();
        if (host == null || !("http".equals(scheme) || "https".equals(scheme))) {
            throw new Formats.BadInput("destination is not a valid URL");
        }
        boolean loopback = host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]");
        if (!loopback && (!"https".equals(scheme) || (uri.getPort() != -1 && uri.getPort() != 443))) {
            throw new Formats.BadInput("destination must use https on port 443");
        }
        return s;
    }

    private static JsonObject headers(JsonObject in) {
        Object h = in.getValue("headers");
        if (h == null) return null;
        if (!(h instanceof JsonObject obj)) throw new Formats.BadInput("headers must be an object of strings");
        for (String k : obj.fieldNames()) {
            if (!(obj.getValue(k) instanceof String)) throw new Formats.BadInput("headers must be an object of strings");
        }
        return obj.copy();
    }

    private static boolean bool(JsonObject in, String field, boolean fallback) {
        Object v = in.getValue(field);
        if (v == null) return fallback;
        if (!(v instanceof Boolean b)) throw new Formats.BadInput(field + " must be a boolean");
        return b;
    }
}
