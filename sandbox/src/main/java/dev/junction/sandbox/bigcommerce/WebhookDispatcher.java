package dev.junction.sandbox.bigcommerce;

import dev.junction.sandbox.core.Faults;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Calls registered hooks back with BigCommerce's thin payload and each hook's custom headers. A failed
 * callback (non-2xx or no answer) is retried after each configured delay; every attempt of one event
 * carries the same {@code hash}, like a real redelivery.
 */
final class WebhookDispatcher {
    private static final int KEEP_EVENTS = 10_000;
    private static final int KEEP_DELIVERIES = 10_000;

    /**
     * One event, kept (the last {@link #KEEP_EVENTS}) for redelivery and {@code GET /_sandbox/webhooks/events}. Its
     * body is kept encoded, in one array: a kept event lives some 13 s at 764 orders/s, so it outlives a young
     * collection of the bench JVM and is copied into the old generation, and as a JSON tree it was ~25 objects
     * (thirteenth session: the event and delivery logs were part of the 7 MB each collection copied while the hub
     * under test waited on the simulators).
     */
    record Event(long id, String scope, String hash, byte[] body) {
        JsonObject payload() {
            return new JsonObject(Buffer.buffer(body));
        }
    }

    /** One delivery attempt, kept (the last {@link #KEEP_DELIVERIES}) for {@code GET /_sandbox/webhooks/deliveries}. */
    record Delivery(long eventId, int hookId, String scope, String destination, int attempt, Integer status,
                    String error, String hash) {
        JsonObject toJson() {
            return new JsonObject().put("event_id", eventId).put("hook_id", hookId).put("scope", scope)
                    .put("destination", destination).put("attempt", attempt).put("status", status)
                    .put("error", error).put("hash", hash);
        }
    }

    private final BigCommerceOptions options;
    private final Hooks hooks;
    private final Stats stats;
    private final LongSupplier clockMs;
    private final AtomicLong eventIds = new AtomicLong(1);
    private final Map<Long, Event> events = new ConcurrentHashMap<>();
    private final ConcurrentLinkedDeque<Delivery> deliveries = new ConcurrentLinkedDeque<>();
    /** The deque's own size() walks every node; at thousands of deliveries a second that was the simulator's top cost. */
    private final java.util.concurrent.atomic.AtomicInteger deliveriesKept = new java.util.concurrent.atomic.AtomicInteger();
    private Vertx vertx;
    private Faults faults;
    private WebClient client;

    WebhookDispatcher(BigCommerceOptions options, Hooks hooks, Stats stats, LongSupplier clockMs) {
        this.options = options;
        this.hooks = hooks;
        this.stats = stats;
        this.clockMs = clockMs;
    }

    void attach(Vertx vertx, Faults faults) {
        this.vertx = vertx;
        this.faults = faults;
        // BigCommerce sends from a fleet of servers, many deliveries at once: the default pool of 5 connections
        // would make this sender, not the receiving app, the bottleneck (deliveries queued past their timeout)
        this.client = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(2000).setKeepAlive(true),
                new io.vertx.core.http.PoolOptions().setHttp1MaxSize(64));
    }

    /** Records an event and sends it to every active hook whose scope matches. */
    Event fire(String scope, JsonObject data) {
        long id = eventIds.getAndIncrement();
        String hash = hash(id, scope, data);
        JsonObject payload = new JsonObject().put("scope", scope).put("store_id", options.storeId())
                .put("data", data).put("hash", hash)
                .put("created_at", clockMs.getAsLong() / 1000).put("producer", "stores/" + options.storeHash());
        Event event = new Event(id, scope, hash, payload.toBuffer().getBytes());
        events.put(id, event);
        if (events.size() > KEEP_EVENTS) events.remove(id - KEEP_EVENTS);
        send(event);
        return event;
    }

    /** Sends a past event again, unchanged (same hash), as BigCommerce's duplicate deliveries do. */
    boolean redeliver(long eventId) {
        Event event = events.get(eventId);
        if (event == null) return false;
        send(event);
        return true;
    }

    JsonArray events() {
        JsonArray out = new JsonArray();
        events.values().stream().sorted((a, b) -> Long.compare(a.id(), b.id()))
                .forEach(e -> out.add(new JsonObject().put("id", e.id()).put("scope", e.scope()).put("payload", e.payload())));
        return out;
    }

    JsonArray deliveries() {
        JsonArray out = new JsonArray();
        deliveries.forEach(d -> out.add(d.toJson()));
        return out;
    }

    void clear() {
        events.clear();
        deliveries.clear();
        deliveriesKept.set(0);
        eventIds.set(1);
    }

    private void send(Event event) {
        if (vertx == null) return;
        for (Hooks.Hook hook : hooks.all()) {
            if (!hook.active() || !hook.matches(event.scope())) continue;
            if (faults.dropWebhooks()) {
                stats.webhookDropped();
                log(event, hook, 0, null, "dropped by the dropWebhooks fault");
                continue;
            }
            attempt(event, hook, 0);
        }
    }

    private void attempt(Event event, Hooks.Hook hook, int attempt) {
        HttpRequest<Buffer> req = client.postAbs(hook.destination()).timeout(5000)
                .putHeader("Content-Type", "application/json").putHeader("Accept", "application/json");
        if (hook.headers() != null) {
            hook.headers().forEach(e -> req.putHeader(e.getKey(), String.valueOf(e.getValue())));
        }
        long sentAt = System.nanoTime();
        req.sendBuffer(Buffer.buffer(event.body())).onComplete(ar -> {
            Integer status = ar.succeeded() ? ar.result().statusCode() : null;
            if (status != null) stats.webhookAnswered((System.nanoTime() - sentAt) / 1_000_000);
            if (status != null && status >= 200 && status < 300) {
                stats.webhookDelivered();
                log(event, hook, attempt, status, null);
                return;
            }
            List<Long> delays = options.webhookRetryDelaysMs();
            boolean retried = attempt < delays.size() && hooks.get(hook.id()) != null;
            stats.webhookFailed(status != null ? "HTTP " + status : failureKind(ar.cause()), !retried);
            log(event, hook, attempt, status, ar.failed() ? ar.cause().toString() : "HTTP " + status);
            if (attempt >= delays.size()) {
                // BigCommerce: after the last retry (some 48 hours) the hook gets is_active:false and the app's
                // owner an email; nothing more is sent to it until someone turns it back on
                hooks.update(hook.id(), new JsonObject().put("is_active", false), clockMs.getAsLong() / 1000);
            }
            if (retried) {
                vertx.setTimer(Math.max(1, delays.get(attempt)), t -> {
                    Hooks.Hook current = hooks.get(hook.id());
                    if (current != null && current.active() && !faults.dropWebhooks()) {
                        attempt(event, current, attempt + 1);
                    }
                });
            }
        });
    }

    /** The failure without its variable parts: "getting a connection" and "executing POST" are different troubles. */
    private static String failureKind(Throwable t) {
        String m = String.valueOf(t.getMessage());
        m = m.replaceAll("\\d+(\\.\\d+)*(:\\d+)?", "N").replaceAll("https?://\\S+", "URL");
        return t.getClass().getSimpleName() + ": " + (m.length() > 120 ? m.substring(0, 120) : m);
    }

    private void log(Event event, Hooks.Hook hook, int attempt, Integer status, String error) {
        deliveries.addLast(new Delivery(event.id(), hook.id(), event.scope(), hook.destination(), attempt, status, error,
                event.hash()));
        if (deliveriesKept.incrementAndGet() > KEEP_DELIVERIES && deliveries.pollFirst() != null) {
            deliveriesKept.decrementAndGet();
        }
    }

    /** 40 hex characters, like BigCommerce's, and deterministic: the same event always has the same hash. */
    private String hash(long id, String scope, JsonObject data) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            String input = options.storeHash() + "|" + options.seed() + "|" + id + "|" + scope + "|" + data.encode();
            return HexFormat.of().formatHex(sha1.digest(input.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
