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
    private final LongAdder webhooksDropped = new LongAdder();
    /** Failed callbacks by why ("HTTP 503", "TimeoutException"): a sweep-only recovery hides which one it was. */
    private final Map<String, LongAdder> webhookFailures = new ConcurrentHashMap<>();
    /** Events whose last retry failed too: only the receiver's own sweep can still find them. */
    private final LongAdder webhooksAbandoned = new LongAdder();
    /** Answered callbacks by round trip (queueing for a connection included), upper bounds in ms. */
    private static final long[] ANSWERED_WITHIN_MS = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, Long.MAX_VALUE};
    private final LongAdder[] webhookAnswerTimes = newAdders(ANSWERED_WITHIN_MS.length);

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

    /** A callback that got an HTTP answer (any status) after {@code ms}. */
    void webhookAnswered(long ms) {
        int i = 0;
        while (ms > ANSWERED_WITHIN_MS[i]) i++;
        webhookAnswerTimes[i].increment();
    }

    private static LongAdder[] newAdders(int n) {
        LongAdder[] a = new LongAdder[n];
        for (int i = 0; i < n; i++) a[i] = new LongAdder();
        return a;
    }

    void webhookFailed(String reason, boolean lastAttempt) {
        webhookFailures.computeIfAbsent(reason, k -> new LongAdder()).increment();
        if (lastAttempt) webhooksAbandoned.increment();
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
        JsonObject answered = new JsonObject();
        for (int i = 0; i < ANSWERED_WITHIN_MS.length; i++) {
            long n = webhookAnswerTimes[i].sum();
            if (n > 0) answered.put(ANSWERED_WITHIN_MS[i] == Long.MAX_VALUE ? "more" : "<=" + ANSWERED_WITHIN_MS[i] + "ms", n);
        }
        JsonObject failures = new JsonObject();
        new TreeMap<>(webhookFailures).forEach((k, v) -> failures.put(k, v.sum()));
        long failed = webhookFailures.values().stream().mapToLong(LongAdder::sum).sum();
        long total = perRoute.values().stream().mapToLong(LongAdder::sum).sum();
        return new JsonObject().put("requests", total).put("routes", routes).put("statuses", statuses)
                .put("throttled", throttled.sum())
                .put("webhooks", new JsonObject().put("delivered", webhooksDelivered.sum())
                        .put("failed", failed).put("dropped", webhooksDropped.sum())
                        .put("abandoned", webhooksAbandoned.sum()).put("failedBy", failures)
                        .put("answeredWithin", answered));
    }

    void clear() {
        perRoute.clear();
        perStatus.clear();
        throttled.reset();
        webhooksDelivered.reset();
        webhooksDropped.reset();
        webhookFailures.clear();
        webhooksAbandoned.reset();
        for (LongAdder a : webhookAnswerTimes) a.reset();
    }
}
