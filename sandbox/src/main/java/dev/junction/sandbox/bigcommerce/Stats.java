package dev.junction.sandbox.bigcommerce;

import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/** Request counters per route template and outcome, for {@code GET /_sandbox/stats} and benchmarks. */
final class Stats {
    private static final Pattern STORE = Pattern.compile("^/stores/[^/]+/");
    private static final Pattern NUMBER = Pattern.compile("/\\d+(?=/|$)");

    private final Map<String, LongAdder> perRoute = new ConcurrentHashMap<>();
    private final Map<Integer, LongAdder> perStatus = new ConcurrentHashMap<>();
    private final LongAdder throttled = new LongAdder();
    private final LongAdder webhooksDelivered = new LongAdder();
    private final LongAdder webhooksFailed = new LongAdder();
    private final LongAdder webhooksDropped = new LongAdder();

    /** "GET /v2/orders/{id}/shipments" for "GET /stores/abc/v2/orders/101/shipments". */
    static String routeKey(String method, String path) {
        String p = STORE.matcher(path).replaceFirst("/");
        return method + " " + NUMBER.matcher(p).replaceAll("/{id}");
    }

    void request(String method, String path) {
        perRoute.computeIfAbsent(routeKey(method, path), k -> new LongAdder()).increment();
    }

    void status(int status) {
        perStatus.computeIfAbsent(status, k -> new LongAdder()).increment();
        if (status == 429) throttled.increment();
    }

    void webhookDelivered() {
        webhooksDelivered.increment();
    }

    void webhookFailed() {
        webhooksFailed.increment();
    }

    void webhookDropped() {
        webhooksDropped.increment();
    }

    long throttled() {
        return throttled.sum();
    }

    JsonObject toJson() {
        JsonObject routes = new JsonObject();
        new TreeMap<>(perRoute).forEach((k, v) -> routes.put(k, v.sum()));
        JsonObject statuses = new JsonObject();
        new TreeMap<>(perStatus).forEach((k, v) -> statuses.put(String.valueOf(k), v.sum()));
        long total = perRoute.values().stream().mapToLong(LongAdder::sum).sum();
        return new JsonObject().put("requests", total).put("routes", routes).put("statuses", statuses)
                .put("throttled", throttled.sum())
                .put("webhooks", new JsonObject().put("delivered", webhooksDelivered.sum())
                        .put("failed", webhooksFailed.sum()).put("dropped", webhooksDropped.sum()));
    }

    void clear() {
        perRoute.clear();
        perStatus.clear();
        throttled.reset();
        webhooksDelivered.reset();
        webhooksFailed.reset();
        webhooksDropped.reset();
    }
}
