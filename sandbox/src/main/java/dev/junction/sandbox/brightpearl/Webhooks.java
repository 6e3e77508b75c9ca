package dev.junction.sandbox.brightpearl;

import dev.junction.sandbox.core.Faults;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code /integration-service/webhook} registry and the callbacks it really makes: an HTTP request to the
 * rendered {@code uriTemplate} carrying the rendered {@code bodyTemplate} (ids only, as Brightpearl sends).
 * A subscription to {@code order.modified} also receives {@code order.modified.order-status}: an event
 * matches a subscription equal to it or to one of its dotted prefixes.
 */
final class Webhooks {
    static final Set<String> EVENTS = Set.of(
            "sales-order.created", "order.modified", "order.modified.order-status", "order.modified.fully-shipped",
            "order.destroyed", "goods-out-note.created", "goods-out-note.destroyed", "goods-out-note.modified",
            "goods-out-note.modified.printed", "goods-out-note.modified.picked", "goods-out-note.modified.packed",
            "goods-out-note.modified.shipped", "goods-out-note.modified.un-printed", "goods-out-note.modified.un-picked",
            "goods-out-note.modified.un-packed", "product.created", "product.modified", "product.destroyed",
            "product.modified.on-hand-modified", "goods-in-note.created", "drop-ship-note.created",
            "drop-ship-note.modified.shipped");
    private static final int LOG_SIZE = 500;

    private final BpState state;
    private final Map<Long, JsonObject> hooks = new ConcurrentSkipListMap<>();
    private final ArrayDeque<JsonObject> log = new ArrayDeque<>();
    final AtomicLong delivered = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong dropped = new AtomicLong();
    private Vertx vertx;
    private WebClient client;
    private Faults faults;

    Webhooks(BpState state) {
        this.state = state;
    }

    void attach(Vertx vertx, Faults faults) {
        this.vertx = vertx;
        this.faults = faults;
        this.client = WebClient.create(vertx);
    }

    void reset() {
        hooks.clear();
        synchronized (log) {
            log.clear();
        }
        delivered.set(0);
        failed.set(0);
        dropped.set(0);
    }

    void routes(BpRoutes r) {
        r.post("/integration-service/webhook", this::create);
        r.get("/integration-service/webhook", req -> list());
        r.get("/integration-service/webhook/:ids", this::get);
        r.delete("/integration-service/webhook/:id", this::delete);
    }

    private Object create(BpRequest req) {
        JsonObject b = req.body();
        String event = b.getString("subscribeTo");
        if (event == null || !EVENTS.contains(event)) {
            throw BpException.badRequest("INTC-064", event + " either does not exist or cannot be subscribed too");
        }
        String uri = b.getString("uriTemplate");
        if (uri == null || !(uri.startsWith("http://") || uri.startsWith("https://"))) {
            throw BpException.badRequest("INTC-003", "uriTemplate is required and must be an http(s) URL");
        }
        long id = state.webhookIds.incrementAndGet();
        JsonObject hook = new JsonObject().put("id", id).put("subscribeTo", event)
                .put("httpMethod", b.getString("httpMethod", "POST")).put("uriTemplate", uri)
                .put("bodyTemplate", b.getString("bodyTemplate", "")).put("contentType",
                        b.getString("contentType", "application/json"))
                .put("idSetAccepted", b.getBoolean("idSetAccepted", false))
                .put("qualityOfService", b.getInteger("qualityOfService", 0));
        hooks.put(id, hook);
        return id;
    }

    JsonArray list() {
        JsonArray a = new JsonArray();
        hooks.values().forEach(h -> a.add(h.copy()));
        return a;
    }

    private Object get(BpRequest req) {
        IdSet ids = req.idSetParam("ids");
        JsonArray a = new JsonArray();
        hooks.values().stream().filter(h -> ids.contains(h.getLong("id"))).forEach(h -> a.add(h.copy()));
        if (a.isEmpty()) {
            throw BpException.notFound("Cannot find webhook: " + req.pathParam("ids"));
        }
        return a;
    }

    private Object delete(BpRequest req) {
        long id = req.idParam("id");
        if (hooks.remove(id) == null) {
            throw BpException.notFound("Cannot find webhook: " + id);
        }
        return new BpHttp.Raw(200, new JsonObject());
    }

    /** Raises {@code event} (e.g. {@code goods-out-note.modified.shipped}) for the given resource ids. */
    void fire(String event, Collection<Long> ids) {
        if (ids.isEmpty() || hooks.isEmpty() || client == null) {
            return;
        }
        for (JsonObject hook : hooks.values()) {
            String sub = hook.getString("subscribeTo");
            if (!event.equals(sub) && !event.startsWith(sub + ".")) {
                continue;
            }
            if (faults != null && faults.dropWebhooks()) {
                dropped.incrementAndGet();
                continue;
            }
            List<String> idTexts = hook.getBoolean("idSetAccepted")
                    ? List.of(IdSet.format(ids)) : ids.stream().sorted().map(String::valueOf).toList();
            for (String idText : idTexts) {
                send(hook, event, idText, 1);
            }
        }
    }

    private void send(JsonObject hook, String event, String idText, int attempt) {
        Instant raised = state.now().truncatedTo(ChronoUnit.SECONDS);
        String uri = render(hook.getString("uriTemplate"), event, idText, raised);
        String body = render(hook.getString("bodyTemplate"), event, idText, raised);
        HttpMethod method = HttpMethod.valueOf(hook.getString("httpMethod", "POST").toUpperCase());
        client.requestAbs(method, uri).putHeader("Content-Type", hook.getString("contentType"))
                .sendBuffer(Buffer.buffer(body)).onComplete(ar -> {
                    int status = ar.succeeded() ? ar.result().statusCode() : -1;
                    boolean ok = status >= 200 && status < 300;
                    record(hook, event, idText, body, status, attempt);
                    if (ok) {
                        delivered.incrementAndGet();
                        return;
                    }
                    // QoS 0 retries only on 503; QoS 1 on anything but 4xx (Brightpearl's documented rule)
                    boolean retry = hook.getInteger("qualityOfService", 0) == 0 ? status == 503
                            : status < 400 || status >= 500;
                    if (retry && attempt < 3) {
                        vertx.setTimer(200L * attempt, t -> send(hook, event, idText, attempt + 1));
                    } else {
                        failed.incrementAndGet();
                    }
                });
    }

    private String render(String template, String event, String idText, Instant raised) {
        if (template == null) {
            return "";
        }
        String[] parts = event.split("\\.", 3);
        return template.replace("${account-code}", state.options.accountCode())
                .replace("${resource-type}", parts[0])
                .replace("${resource-id}", idText)
                .replace("${lifecycle-event}", parts.length > 1 ? parts[1] : "")
                .replace("${resource-specifier}", parts.length > 2 ? parts[2] : "")
                .replace("${full-event}", event)
                .replace("${raised-on}", raised.toString())
                .replace("${brightpearl-version}", "sandbox");
    }

    private void record(JsonObject hook, String event, String idText, String body, int status, int attempt) {
        JsonObject entry = new JsonObject().put("webhookId", hook.getLong("id")).put("event", event)
                .put("resourceId", idText).put("body", body).put("status", status).put("attempt", attempt);
        synchronized (log) {
            log.addLast(entry);
            if (log.size() > LOG_SIZE) {
                log.pollFirst();
            }
        }
    }

    /** The most recent callback attempts (for {@code GET /_sandbox/webhook-deliveries}). */
    JsonArray deliveries() {
        synchronized (log) {
            return new JsonArray(List.copyOf(log));
        }
    }
}
