package dev.junction.plugin.dropstream.api;

import dev.junction.api.ConnectionContext;
import dev.junction.api.error.PermanentException;
import dev.junction.api.error.RetryableException;
import dev.junction.api.http.RateLimitPolicy;
import dev.junction.api.http.RateLimitedClient;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * DropStream's read API: {@code GET /orders} and {@code GET /shipments} with a Bearer JWT. A 401 renews the
 * token once and repeats the call. Rate limits are undocumented, so a modest fixed budget is kept and 429
 * (with {@code Retry-After}) is honoured by the hub's client; 5xx and network errors are retryable, other
 * 4xx permanent with DropStream's own message.
 */
public final class DropStreamApi {
    /** Undocumented by DropStream; 2 requests a second keeps well clear of any sane limit. */
    static final RateLimitPolicy POLICY = RateLimitPolicy.fixed(120, Duration.ofMinutes(1));

    private final DropStreamConfig config;
    private final RateLimitedClient http;
    private final TokenKeeper tokens;

    public DropStreamApi(ConnectionContext ctx, DropStreamConfig config) {
        this.config = config;
        this.http = ctx.http().client("dropstream:" + config.username(), POLICY);
        this.tokens = new TokenKeeper(config, http, ctx.state(), ctx.clock());
    }

    /** Proves the API user works by getting a token. */
    public Future<Void> authenticate() {
        return tokens.renewAfterRejection("").mapEmpty();
    }

    /** DropStream orders whose {@code external_id} (our order number) is {@code orderNumber}. */
    public Future<List<JsonObject>> ordersByExternalId(String orderNumber) {
        return get("/orders", Map.of("external_id", orderNumber)).map(body -> objects(body instanceof JsonObject o
                ? o.getJsonArray("orders") : (JsonArray) body));
    }

    public Future<Optional<JsonObject>> orderByExternalId(String orderNumber) {
        return ordersByExternalId(orderNumber).map(list -> list.stream()
                .filter(o -> orderNumber.equals(o.getString("external_id"))).findFirst());
    }

    /** Shipments by filter ({@code shipped_at_min}, {@code shipped_at_max}, {@code tracking_number}, ...). */
    public Future<List<JsonObject>> shipments(Map<String, String> filter) {
        return get("/shipments", filter).map(body -> objects(body instanceof JsonArray a ? a
                : ((JsonObject) body).getJsonArray("shipments")));
    }

    Future<Object> get(String path, Map<String, String> query) {
        Map<String, String> q = new LinkedHashMap<>(query);
        return tokens.accessToken().compose(token -> send(path, q, token).compose(r -> {
            if (r.statusCode() != 401) {
                return Future.succeededFuture(r);
            }
            return tokens.renewAfterRejection(token).compose(t -> send(path, q, t));
        })).compose(r -> body(path, r));
    }

    private Future<HttpResponse<Buffer>> send(String path, Map<String, String> query, String token) {
        HttpRequest<Buffer> req = http.webClient().getAbs(config.baseUrl() + path)
                .putHeader("Authorization", "Bearer " + token).putHeader("Accept", "application/json");
        query.forEach(req::addQueryParam);
        return http.send(req);
    }

    private Future<Object> body(String path, HttpResponse<Buffer> r) {
        int status = r.statusCode();
        if (status / 100 == 2) {
            try {
                return Future.succeededFuture(Json.decodeValue(r.bodyAsBuffer() == null ? Buffer.buffer("null") : r.bodyAsBuffer()));
            } catch (RuntimeException e) {
                return Future.failedFuture(new RetryableException("DropStream " + path + " answered with a body that is not JSON"));
            }
        }
        String what = "DropStream " + path + " answered HTTP " + status + " (" + remoteMessage(r) + ")";
        if (status == 401 || status == 403) {
            return Future.failedFuture(new PermanentException(what + ": the API user '" + config.username()
                    + "' may not read it; check its permissions in DropStream"));
        }
        if (status >= 500 || status == 408 || status == 429) {
            return Future.failedFuture(new RetryableException(what));
        }
        return Future.failedFuture(new PermanentException(what));
    }

    static String remoteMessage(HttpResponse<Buffer> r) {
        try {
            JsonObject j = r.bodyAsJsonObject();
            String m = j == null ? null : j.getString("message", j.getString("error"));
            return m == null ? "HTTP " + r.statusCode() : m;
        } catch (RuntimeException e) {
            return "HTTP " + r.statusCode();
        }
    }

    private static List<JsonObject> objects(JsonArray a) {
        return a == null ? List.of() : a.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast).toList();
    }
}
