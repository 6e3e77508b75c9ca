package dev.junction.sandbox.bench;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/** Blocking calls (from the bench's own thread, never an event loop) to the simulators' control APIs and the hub. */
final class BenchHttp {
    private final WebClient client;

    BenchHttp(Vertx vertx) {
        this.client = WebClient.create(vertx, new WebClientOptions().setKeepAlive(true));
    }

    Object call(HttpMethod method, String url, Object body, String bearer) {
        HttpRequest<Buffer> req = client.requestAbs(method, url).timeout(120_000);
        if (bearer != null) req.bearerTokenAuthentication(bearer);
        HttpResponse<Buffer> r;
        try {
            r = (body == null ? req.send() : req.sendJson(body)).await(130, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(method + " " + url + " did not answer in 130 s", e);
        }
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + url + " answered " + r.statusCode() + ": " + r.bodyAsString());
        }
        String text = r.bodyAsString();
        return text == null || text.isBlank() ? null : Json.decodeValue(text);
    }

    Object get(String url) {
        return call(HttpMethod.GET, url, null, null);
    }

    Object get(String url, String bearer) {
        return call(HttpMethod.GET, url, null, bearer);
    }

    Object post(String url, Object body) {
        return call(HttpMethod.POST, url, body, null);
    }

    Object put(String url, Object body) {
        return call(HttpMethod.PUT, url, body, null);
    }

    void close() {
        client.close();
    }

    /** Per-route request counts added between two {@code /_sandbox/stats} snapshots (BigCommerce and Brightpearl shapes). */
    static JsonObject routeDelta(JsonObject before, JsonObject after) {
        return delta(before, after, "routes");
    }

    /** Brightpearl's writes carried inside multi-messages, per route (not requests: see {@link #routeDelta}). */
    static JsonObject messageDelta(JsonObject before, JsonObject after) {
        return delta(before, after, "messages");
    }

    private static JsonObject delta(JsonObject before, JsonObject after, String key) {
        JsonObject b = before.getJsonObject(key, new JsonObject());
        JsonObject a = after.getJsonObject(key, new JsonObject());
        JsonObject out = new JsonObject();
        new TreeMap<>(a.getMap()).forEach((k, v) -> {
            long d = ((Number) v).longValue() - b.getLong(k, 0L);
            if (d != 0) out.put(k, d);
        });
        return out;
    }

    /**
     * Every count in {@code after} less the same count in {@code before}, nested objects included, in
     * {@code after}'s order (answer-time buckets stay in ascending order); zeros left out.
     */
    static JsonObject countsDelta(JsonObject before, JsonObject after) {
        JsonObject out = new JsonObject();
        for (String k : after.fieldNames()) {
            Object v = after.getValue(k);
            if (v instanceof Number n) {
                long d = n.longValue() - (before.getValue(k) instanceof Number m ? m.longValue() : 0L);
                if (d != 0) out.put(k, d);
            } else if (v instanceof JsonObject inner) {
                JsonObject d = countsDelta(before.getValue(k) instanceof JsonObject was ? was : new JsonObject(), inner);
                if (!d.isEmpty()) out.put(k, d);
            }
        }
        return out;
    }

    static long sum(JsonObject routes) {
        long n = 0;
        for (String k : routes.fieldNames()) n += routes.getLong(k);
        return n;
    }

    /**
     * How many times the route whose key ends with {@code suffix} (e.g. "POST /order-service/sales-order") was
     * served: as requests of its own plus as messages inside Brightpearl multi-messages.
     */
    static long route(JsonObject stats, String suffix) {
        long n = 0;
        for (String key : new String[]{"routes", "messages"}) {
            JsonObject routes = stats.getJsonObject(key, new JsonObject());
            for (String k : routes.fieldNames()) {
                if (k.endsWith(suffix)) {
                    n += routes.getLong(k);
                    break;
                }
            }
        }
        return n;
    }
}
