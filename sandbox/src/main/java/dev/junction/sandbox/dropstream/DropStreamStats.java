package dev.junction.sandbox.dropstream;

import io.vertx.core.json.JsonObject;

import java.util.concurrent.atomic.AtomicLong;

/** Counters behind {@code GET /_sandbox/stats}: HTTP requests and outcomes, and the file exchange. */
final class DropStreamStats {
    final AtomicLong requests = new AtomicLong();
    final AtomicLong throttled = new AtomicLong();
    final AtomicLong injectedErrors = new AtomicLong();
    final AtomicLong unavailable = new AtomicLong();
    final AtomicLong unauthorized = new AtomicLong();
    final AtomicLong filesReceived = new AtomicLong();
    final AtomicLong ordersIngested = new AtomicLong();
    final AtomicLong filesRejected = new AtomicLong();
    final AtomicLong shipmentFilesWritten = new AtomicLong();
    final AtomicLong inventoryFilesWritten = new AtomicLong();

    JsonObject toJson() {
        return new JsonObject().put("requests", requests.get()).put("throttled", throttled.get())
                .put("injectedErrors", injectedErrors.get()).put("unavailable", unavailable.get())
                .put("unauthorized", unauthorized.get())
                .put("files", new JsonObject().put("received", filesReceived.get()).put("ingested", ordersIngested.get())
                        .put("rejected", filesRejected.get()).put("shipmentsWritten", shipmentFilesWritten.get())
                        .put("inventoryWritten", inventoryFilesWritten.get()));
    }

    void reset() {
        for (AtomicLong c : new AtomicLong[]{requests, throttled, injectedErrors, unavailable, unauthorized, filesReceived,
                ordersIngested, filesRejected, shipmentFilesWritten, inventoryFilesWritten}) {
            c.set(0);
        }
    }
}
