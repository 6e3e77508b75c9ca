package dev.junction.sandbox.shiphero;

import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counters behind {@code GET /_sandbox/stats}. */
final class ShipHeroStats {
    final AtomicLong requests = new AtomicLong();
    final AtomicLong throttled = new AtomicLong();
    final AtomicLong injectedErrors = new AtomicLong();
    final AtomicLong unavailable = new AtomicLong();
    final AtomicLong unauthorized = new AtomicLong();
    final AtomicLong webhooksSent = new AtomicLong();
    final AtomicLong webhooksFailed = new AtomicLong();
    final AtomicLong webhooksDropped = new AtomicLong();
    private final Map<String, Long> operations = new TreeMap<>();

    synchronized void operation(String name) {
        operations.merge(name, 1L, Long::sum);
    }

    synchronized JsonObject toJson() {
        return new JsonObject().put("requests", requests.get()).put("throttled", throttled.get())
                .put("injectedErrors", injectedErrors.get()).put("unavailable", unavailable.get())
                .put("unauthorized", unauthorized.get())
                .put("webhooks", new JsonObject().put("sent", webhooksSent.get()).put("failed", webhooksFailed.get())
                        .put("dropped", webhooksDropped.get()))
                .put("operations", new JsonObject(new TreeMap<String, Object>(operations)));
    }

    synchronized void reset() {
        for (AtomicLong c : new AtomicLong[]{requests, throttled, injectedErrors, unavailable, unauthorized,
                webhooksSent, webhooksFailed, webhooksDropped}) {
            c.set(0);
        }
        operations.clear();
    }
}
