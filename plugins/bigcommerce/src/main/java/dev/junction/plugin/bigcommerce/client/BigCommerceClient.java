package dev.junction.plugin.bigcommerce.client;

import dev.junction.api.error.PermanentException;
import dev.junction.api.http.RateLimitedClient;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Thin JSON client of one store's REST API (v2 and v3 share one root and one rate limit). Every answer is
 * interpreted here, so handlers see data or a {@link dev.junction.api.error.SyncException}, never a raw
 * status code.
 */
public final class BigCommerceClient {

    /** The most BigCommerce's v2 lists return per page. */
    public static final int V2_MAX_LIMIT = 250;

    private final RateLimitedClient http;
    private final String apiBase;
    private final String accessToken;

    public BigCommerceClient(RateLimitedClient http, BigCommerceConfig config) {
        this.http = http;
        this.apiBase = config.apiBase();
        this.accessToken = config.accessToken();
    }

    /** GET one object; absent when BigCommerce answers 404. */
    public Future<Optional<JsonObject>> getObject(String path, Map<String, String> query) {
        return send(HttpMethod.GET, path, query, null, true).map(r -> r.map(BigCommerceClient::asObject));
    }

    /** GET a v2 list (a bare array); 204 means an empty list. */
    public Future<JsonArray> getList(String path, Map<String, String> query) {
        return send(HttpMethod.GET, path, query, null, false).map(r -> r.map(BigCommerceClient::asArray).orElseGet(JsonArray::new));
    }

    /** GET every page of a v2 list, {@value #V2_MAX_LIMIT} at a time (for order sub-resources). */
    public Future<JsonArray> getAllPages(String path, Map<String, String> query) {
        return page(path, query, 1, new JsonArray());
    }

    private Future<JsonArray> page(String path, Map<String, String> query, int page, JsonArray acc) {
        Map<String, String> q = new LinkedHashMap<>(query);
        q.put("page", Integer.toString(page));
        q.put("limit", Integer.toString(V2_MAX_LIMIT));
        return getList(path, q).compose(items -> {
            acc.addAll(items);
            return items.size() < V2_MAX_LIMIT ? Future.succeededFuture(acc) : page(path, query, page + 1, acc);
        });
    }

    /** GET a v3 resource, answering its whole JSON ({@code data} and {@code meta}). */
    public Future<JsonObject> getV3(String path, Map<String, String> query) {
        return send(HttpMethod.GET, path, query, null, false).map(r -> r.map(BigCommerceClient::asObject).orElseGet(JsonObject::new));
    }

    public Future<JsonObject> post(String path, JsonObject body) {
        return send(HttpMethod.POST, path, Map.of(), body, false).map(r -> r.map(BigCommerceClient::asObject).orElseGet(JsonObject::new));
    }

    public Future<JsonObject> put(String path, JsonObject body) {
        return send(HttpMethod.PUT, path, Map.of(), body, false).map(r -> r.map(BigCommerceClient::asObject).orElseGet(JsonObject::new));
    }

    /**
     * Sends one request. Answers the parsed body, or empty for 204 (and for 404 when {@code notFoundIsEmpty}).
     */
    private Future<Optional<Object>> send(HttpMethod method, String path, Map<String, String> query, JsonObject body,
                                          boolean notFoundIsEmpty) {
        HttpRequest<Buffer> request = http.webClient().requestAbs(method, apiBase + path)
                .putHeader("X-Auth-Token", accessToken)
                .putHeader("Accept", "application/json");
        if (method == HttpMethod.GET) {
            // The v2 spec marks Content-Type as required on every operation, reads included.
            request.putHeader("Content-Type", "application/json");
        }
        query.forEach(request::addQueryParam);
        Buffer payload = null;
        if (body != null) {
            request.putHeader("Content-Type", "application/json");
            payload = body.toBuffer();
        }
        String operation = method.name() + " " + path;
        return http.send(request, payload).compose(response -> interpret(operation, response, notFoundIsEmpty));
    }

    static Future<Optional<Object>> interpret(String operation, HttpResponse<Buffer> response, boolean notFoundIsEmpty) {
        int status = response.statusCode();
        if (status == 204 || (status == 404 && notFoundIsEmpty)) {
            return Future.succeededFuture(Optional.empty());
        }
        if (status >= 200 && status < 300) {
            try {
                return Future.succeededFuture(decode(response.body()));
            } catch (DecodeException e) {
                return Future.failedFuture(new PermanentException("BigCommerce answered " + operation
                        + " with a body that is not JSON; check 'baseUrl' points at the store API"));
            }
        }
        String text = response.body() == null ? "" : response.bodyAsString();
        return Future.failedFuture(BigCommerceErrors.toException(operation, status, text, response::getHeader));
    }

    /**
     * A 2xx body as a {@link JsonObject} or {@link JsonArray} (empty when blank), parsed from its bytes: an
     * order with its line items is some 10 KB, and making it a String first (then trimming it, then parsing
     * characters) was a copy and a decode more per fetch on the flow's event loop.
     */
    static Optional<Object> decode(Buffer body) {
        int first = firstNonBlank(body);
        if (first < 0) {
            return Optional.empty();
        }
        return Optional.of(body.getByte(first) == '[' ? new JsonArray(body) : new JsonObject(body));
    }

    /** Index of the first byte that is not JSON whitespace; -1 for a null or blank body. */
    private static int firstNonBlank(Buffer body) {
        if (body == null) {
            return -1;
        }
        for (int i = 0, n = body.length(); i < n; i++) {
            byte b = body.getByte(i);
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return i;
            }
        }
        return -1;
    }

    private static JsonObject asObject(Object o) {
        if (o instanceof JsonObject j) {
            return j;
        }
        throw new PermanentException("BigCommerce answered with a list where an object was expected");
    }

    private static JsonArray asArray(Object o) {
        if (o instanceof JsonArray a) {
            return a;
        }
        // v3-style envelope on a list call: unwrap its data.
        if (o instanceof JsonObject j && j.getValue("data") instanceof JsonArray a) {
            return a;
        }
        throw new PermanentException("BigCommerce answered with an object where a list was expected");
    }
}
