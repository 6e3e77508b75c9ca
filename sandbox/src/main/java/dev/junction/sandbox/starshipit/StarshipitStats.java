package dev.junction.sandbox.starshipit;

import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counters behind {@code GET /_sandbox/stats}. */
final class StarshipitStats {
    final AtomicLong requests = new AtomicLong();
    final AtomicLong throttled = new AtomicLong();
    final AtomicLong injectedErrors = new AtomicLong();
    final AtomicLong unavailable = new AtomicLong();
    final AtomicLong unauthorized = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong labelsPrinted = new AtomicLong();
    final AtomicLong webhooksSent = new AtomicLong();
    final AtomicLong webhooksFailed = new AtomicLong();
    final AtomicLong webhooksDropped = new AtomicLong();
    private final Map<String, Object> endpoints = new TreeMap<>();

    synchronized void endpoint(String name) {
        endpoints.merge(name, 1L, (a, b) -> (Long) a + (Long) b);
    }

    synchronized JsonObject toJson() {
        return new JsonObject().put("requests", requests.get()).put("throttled", throttled.get())
                .put("injectedErrors", injectedErrors.get()).put("unavailable", unavailable.get())
                .put("unauthorized", unauthorized.get()).put("rejected", rejected.get())
                .put("labelsPrinted", labelsPrinted.get())
                .put("webhooks", new JsonObject().put("sent", webhooksSent.get()).put("failed", webhooksFailed.get())
                        .put("dropped", webhooksDropped.get()))
                .put("endpoints", new JsonObject(new TreeMap<>(endpoints)));
    }

    synchronized void reset() {
        for (AtomicLong c : new AtomicLong[]{requests, throttled, injectedErrors, unavailable, unauthorized, rejected,
                labelsPrinted, webhooksSent, webhooksFailed, webhooksDropped}) {
            c.set(0);
        }
        endpoints.clear();
    }
}
