package dev.junction.plugin.starshipit.client;

import dev.junction.api.error.PermanentException;
import dev.junction.api.http.RateLimitPolicy;
import dev.junction.api.http.RateLimitedClient;
import dev.junction.api.http.RemoteHttp;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * JSON client of one Starshipit account. Both keys go on every request; requests share the account's
 * token bucket, sized by {@code requestsPerSecond}, and a 429 is waited out by the hub's client (its
 * {@code Retry-After}), so throttling is backpressure, never a failure. Every answer is interpreted here:
 * callers see data, an empty result for "not found", or a {@link dev.junction.api.error.SyncException}.
 */
public final class StarshipitClient {

    /** One answer: status and parsed body (empty object when the body was empty). */
    public record Reply(int status, JsonObject body, String retryAfter) {
        public boolean ok() {
            return status >= 200 && status < 300 && StarshipitErrors.success(body);
        }
    }

    private final RateLimitedClient http;
    private final StarshipitConfig config;

    public StarshipitClient(RemoteHttp remote, StarshipitConfig config) {
        this.http = remote.client(config.limiterKey(), pacing(config.requestsPerSecond()));
        this.config = config;
    }

    /**
     * One request every {@code 1.1 / requestsPerSecond} seconds, no bursts: Starshipit counts arrivals, and
     * requests sent exactly at the limit arrive bunched by network jitter and get 429s. The 10% headroom
     * keeps them apart; a 429 that happens anyway is waited out ({@code Retry-After}) by the hub's client.
     */
    static RateLimitPolicy pacing(int requestsPerSecond) {
        return RateLimitPolicy.fixed(1, Duration.ofMillis(Math.max(1, Math.round(1100.0 / requestsPerSecond))));
    }

    public StarshipitConfig config() {
        return config;
    }

    public Future<JsonObject> get(String path, Map<String, String> query) {
        return exchange(HttpMethod.GET, path, query, null).compose(r -> require("GET " + path, r));
    }

    /** GET one object; empty when Starshipit answers 404. */
    public Future<Optional<JsonObject>> find(String path, Map<String, String> query) {
        return exchange(HttpMethod.GET, path, query, null).compose(r -> r.status() == 404
                ? Future.succeededFuture(Optional.empty())
                : require("GET " + path, r).map(Optional::of));
    }

    public Future<JsonObject> post(String path, JsonObject body) {
        return exchange(HttpMethod.POST, path, Map.of(), body).compose(r -> require("POST " + path, r));
    }

    /** Sends one request and answers whatever Starshipit said, for callers that treat some refusals specially. */
    public Future<Reply> exchange(HttpMethod method, String path, Map<String, String> query, JsonObject body) {
        HttpRequest<Buffer> request = http.webClient().requestAbs(method, config.api(path))
                .putHeader("StarShipIT-Api-Key", config.apiKey())
                .putHeader("Ocp-Apim-Subscription-Key", config.subscriptionKey())
                .putHeader("Accept", "application/json");
        query.forEach(request::addQueryParam);
        Buffer payload = null;
        if (body != null) {
            request.putHeader("Content-Type", "application/json");
            payload = body.toBuffer();
        }
        return http.send(request, payload).compose(response -> parse(method + " " + path, response));
    }

    /** The body of a successful answer, else the exception that says what Starshipit refused. */
    public static Future<JsonObject> require(String operation, Reply r) {
        if (r.ok()) {
            return Future.succeededFuture(r.body());
        }
        // A 200 with success false is a refusal in Starshipit's words, like a 400.
        int status = r.status() / 100 == 2 ? 400 : r.status();
        return Future.failedFuture(StarshipitErrors.toException(operation, status, r.body(), r.retryAfter()));
    }

    private static Future<Reply> parse(String operation, HttpResponse<Buffer> response) {
        String text = response.body() == null ? "" : response.bodyAsString().trim();
        JsonObject json;
        try {
            json = text.isEmpty() ? new JsonObject() : new JsonObject(text);
        } catch (DecodeException | ClassCastException e) {
            if (response.statusCode() / 100 == 2) {
                return Future.failedFuture(new PermanentException("Starshipit answered " + operation
                        + " with a body that is not JSON: check 'baseUrl' points at the Starshipit API"));
            }
            json = new JsonObject(); // error pages from a gateway: the status alone decides
        }
        return Future.succeededFuture(new Reply(response.statusCode(), json, response.getHeader("Retry-After")));
    }
}
