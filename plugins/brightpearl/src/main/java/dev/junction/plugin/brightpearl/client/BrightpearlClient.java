package dev.junction.plugin.brightpearl.client;

import dev.junction.api.ConnectionContext;
import dev.junction.api.http.RateLimitedClient;
import dev.junction.api.service.Metrics;
import dev.junction.plugin.brightpearl.auth.Authenticator;
import dev.junction.plugin.brightpearl.auth.OAuthAuth;
import dev.junction.plugin.brightpearl.auth.PrivateAppAuth;
import dev.junction.plugin.brightpearl.auth.StaffAuth;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.slf4j.Logger;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Brightpearl's REST API for one account: every request goes through the hub's rate-limited client keyed by
 * host and account (Brightpearl counts 200 requests a minute per account), carries the auth mode's headers,
 * renews an expired token once, and comes back as the {@code response} value or a typed failure.
 */
public final class BrightpearlClient {
    /** Brightpearl's largest search page. */
    public static final int PAGE_SIZE = 500;
    private static final int MAX_PAGES = 2_000;

    private final BrightpearlConfig config;
    private final RateLimitedClient http;
    private final Authenticator auth;
    private final Metrics metrics;
    /** Null when writes go one request each ({@code batchWrites: false}). */
    private final WriteBatcher writes;

    public BrightpearlClient(BrightpearlConfig config, RateLimitedClient http, Authenticator auth, Metrics metrics,
                             WriteBatching batching, Logger log, WriteBatcher.Scheduler scheduler) {
        this.config = config;
        this.http = http;
        this.auth = auth;
        this.metrics = metrics;
        this.writes = batching.enabled() ? new WriteBatcher(this::callNow, auth::refused, batching.writeConcurrency(),
                batching.lingerMs(), scheduler, metrics, log, System::nanoTime) : null;
    }

    public static BrightpearlClient create(ConnectionContext ctx, BrightpearlConfig config) {
        RateLimitedClient http = ctx.http().client(config.limiterKey(), new BrightpearlRatePolicy());
        Authenticator auth = switch (config.authMode()) {
            case PRIVATE_APP -> new PrivateAppAuth(config);
            case STAFF -> new StaffAuth(config, http, ctx.state());
            case OAUTH -> new OAuthAuth(config, http, ctx.state(), ctx.clock());
        };
        return new BrightpearlClient(config, http, auth, ctx.metrics(), WriteBatching.from(ctx.config()), ctx.logger(),
                (ms, task) -> ctx.vertx().setTimer(ms, id -> task.run()));
    }

    public BrightpearlConfig config() {
        return config;
    }

    public Authenticator auth() {
        return auth;
    }

    public Future<Object> get(String path) {
        return call(HttpMethod.GET, path, null);
    }

    public Future<Object> post(String path, Object body) {
        return call(HttpMethod.POST, path, body);
    }

    public Future<Object> put(String path, Object body) {
        return call(HttpMethod.PUT, path, body);
    }

    public Future<Object> patch(String path, Object body) {
        return call(HttpMethod.PATCH, path, body);
    }

    public Future<Object> delete(String path) {
        return call(HttpMethod.DELETE, path, null);
    }

    /** A GET where 404 means "no such thing" (contacts, products, webhooks answer unknown ids with 404). */
    public Future<Optional<Object>> getIfExists(String path) {
        return get(path).map(Optional::ofNullable).recover(e -> e instanceof BrightpearlFailure f && f.status() == 404
                ? Future.succeededFuture(Optional.empty()) : Future.failedFuture(e));
    }

    /** GETs {@code prefix + idSet + suffix} for each ≤200-id chunk, in turn, and concatenates list answers. */
    public Future<JsonArray> getList(String prefix, Collection<Long> ids, String suffix) {
        Future<JsonArray> acc = Future.succeededFuture(new JsonArray());
        for (String chunk : IdSets.chunks(ids)) {
            acc = acc.compose(all -> get(prefix + chunk + suffix).map(v -> {
                if (v instanceof JsonArray a) {
                    all.addAll(a);
                }
                return all;
            }));
        }
        return acc;
    }

    /** Like {@link #getList} for answers keyed by id (GONs, availability, custom fields): merged maps. */
    public Future<JsonObject> getMap(String prefix, Collection<Long> ids, String suffix) {
        Future<JsonObject> acc = Future.succeededFuture(new JsonObject());
        for (String chunk : IdSets.chunks(ids)) {
            acc = acc.compose(all -> get(prefix + chunk + suffix).map(v -> {
                if (v instanceof JsonObject o) {
                    all.mergeIn(o);
                }
                return all;
            }));
        }
        return acc;
    }

    /** One page of a {@code *-search}, rows decoded by column name. */
    public Future<SearchPage> search(String path, Map<String, String> filters, int firstResult, int pageSize) {
        String query = filters.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        String url = path + "?" + (query.isEmpty() ? "" : query + "&") + "firstResult=" + firstResult + "&pageSize=" + pageSize;
        return exchange(HttpMethod.GET, url, null).map(resp -> {
            // one text copy and one decode of the body for both the envelope and the reference: search answers
            // are the largest the hub reads, and the index reads several a second
            String body = resp.bodyAsString();
            Object whole = Envelope.decode(body);
            Object response = interpret(HttpMethod.GET, url, resp, body, whole);
            JsonObject reference;
            if (whole instanceof JsonObject o) {
                reference = o.getJsonObject("reference");
            } else {
                // not an object (rare): decode as before, so a 2xx body that is not JSON still fails the search
                Object again = body == null ? null : Json.decodeValue(body);
                reference = again instanceof JsonObject a ? a.getJsonObject("reference") : null;
            }
            return SearchPage.decode(response, reference);
        });
    }

    /** Every row of a search, page after page while Brightpearl says more are available. */
    public Future<List<JsonObject>> searchAll(String path, Map<String, String> filters) {
        return searchFrom(path, filters, 1, new ArrayList<>(), 0);
    }

    private Future<List<JsonObject>> searchFrom(String path, Map<String, String> filters, int first,
                                                List<JsonObject> acc, int pages) {
        return search(path, filters, first, PAGE_SIZE).compose(page -> {
            acc.addAll(page.rows());
            if (page.morePagesAvailable() && !page.rows().isEmpty() && pages + 1 < MAX_PAGES) {
                return searchFrom(path, filters, page.nextFirstResult(), acc, pages + 1);
            }
            return Future.succeededFuture(acc);
        });
    }

    /**
     * POST, PUT and DELETE may travel in a multi-message ({@link WriteBatcher}); PATCH does not, as nothing in
     * the contract notes says a multi-message carries it (the client library they cite predates PATCH).
     */
    private Future<Object> call(HttpMethod method, String path, Object body) {
        if (writes != null && (method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.DELETE)) {
            return writes.submit(method, path, body);
        }
        return callNow(method, path, body);
    }

    private Future<Object> callNow(HttpMethod method, String path, Object body) {
        return exchange(method, path, body).map(resp -> interpret(method, path, resp));
    }

    private Object interpret(HttpMethod method, String path, HttpResponse<Buffer> resp) {
        String body = resp.bodyAsString();
        return interpret(method, path, resp, body, Envelope.decode(body));
    }

    private Object interpret(HttpMethod method, String path, HttpResponse<Buffer> resp, String body, Object json) {
        return Envelope.parse(resp.statusCode(), body, json, method + " " + stripQuery(path), auth::refused,
                BrightpearlRatePolicy.nextPeriod(resp.getHeader(BrightpearlRatePolicy.NEXT_PERIOD)));
    }

    /** Sends with the auth headers; a 401 that says the token expired renews it and sends once more. */
    private Future<HttpResponse<Buffer>> exchange(HttpMethod method, String path, Object body) {
        return send(method, path, body).compose(resp -> {
            if (resp.statusCode() == 401 && auth.renewable(remoteMessage(resp))) {
                metrics.increment("brightpearl.auth.renewed", "mode", config.authMode().configValue);
                return auth.renew().compose(v -> send(method, path, body));
            }
            return Future.succeededFuture(resp);
        });
    }

    private Future<HttpResponse<Buffer>> send(HttpMethod method, String path, Object body) {
        return auth.headers().compose(headers -> {
            String url;
            try {
                url = config.apiUrl(auth.apiBaseUrl().orElse(config.baseUrl()), path);
            } catch (RuntimeException e) {
                return Future.failedFuture(e);
            }
            var request = http.webClient().requestAbs(method, url);
            headers.forEach(request::putHeader);
            Buffer payload = null;
            if (body != null) {
                request.putHeader("Content-Type", "application/json");
                payload = Buffer.buffer(body instanceof JsonObject o ? o.encode()
                        : body instanceof JsonArray a ? a.encode() : Json.encode(body));
            }
            metrics.increment("remote.calls", "system", "brightpearl", "method", method.name());
            return http.send(request, payload);
        });
    }

    private static String remoteMessage(HttpResponse<Buffer> resp) {
        try {
            Object v = Json.decodeValue(resp.bodyAsString());
            return v instanceof JsonObject o && o.getValue("response") instanceof String s ? s : String.valueOf(v);
        } catch (RuntimeException e) {
            return resp.bodyAsString();
        }
    }

    /** The path without its query string, for messages. */
    static String stripQuery(String path) {
        int q = path.indexOf('?');
        return q < 0 ? path : path.substring(0, q);
    }

    public static String enc(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
