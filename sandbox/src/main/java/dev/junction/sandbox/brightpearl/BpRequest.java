package dev.junction.sandbox.brightpearl;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * One API request as a service handler sees it: method, path parameters, query, headers and JSON body. Built
 * from a Vert.x request for a direct call, or from one message of a multi-message ({@link MultiMessage}), so the
 * same handler answers both without an HTTP round trip.
 */
final class BpRequest {
    private static final Object UNREAD = new Object();

    private final HttpMethod method;
    private final Map<String, String> pathParams;
    private final Supplier<MultiMap> querySource;
    private final UnaryOperator<String> headers;
    private final Supplier<Buffer> rawBody;
    private MultiMap query;
    private Object body = UNREAD; // JsonObject, JsonArray, or null when absent / not JSON

    private BpRequest(HttpMethod method, Map<String, String> pathParams, Supplier<MultiMap> query,
                      UnaryOperator<String> headers, Supplier<Buffer> rawBody, Object body) {
        this.method = method;
        this.pathParams = pathParams;
        this.querySource = query;
        this.headers = headers;
        this.rawBody = rawBody;
        if (rawBody == null) {
            this.body = body;
        }
    }

    /** A direct HTTP request; query and body are decoded only when a handler asks for them. */
    static BpRequest of(RoutingContext ctx) {
        return new BpRequest(ctx.request().method(), ctx.pathParams(), ctx::queryParams, ctx.request()::getHeader,
                () -> ctx.body() == null ? null : ctx.body().buffer(), null);
    }

    /**
     * One message of a multi-message: {@code query} is the part of its {@code uri} after {@code ?} (or null),
     * {@code body} its {@code body} value as sent. It carries no headers of its own (no {@code If-Match}).
     */
    static BpRequest message(HttpMethod method, Map<String, String> pathParams, String query, Object body) {
        return new BpRequest(method, pathParams, () -> decodeQuery(query), name -> null, null,
                body instanceof JsonObject || body instanceof JsonArray ? body : null);
    }

    HttpMethod method() {
        return method;
    }

    String pathParam(String name) {
        return pathParams.get(name);
    }

    long idParam(String name) {
        String v = pathParam(name);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw BpException.badRequest("CMNC-400", "'" + v + "' is not a valid id");
        }
    }

    IdSet idSetParam(String name) {
        String v = pathParam(name);
        try {
            return IdSet.parse(v);
        } catch (IllegalArgumentException e) {
            throw BpException.badRequest("CMNC-400", "Invalid id set '" + v + "': " + e.getMessage());
        }
    }

    MultiMap queryParams() {
        if (query == null) {
            query = querySource.get();
        }
        return query;
    }

    String query(String name, String dflt) {
        String v = queryParams().get(name);
        return v == null ? dflt : v;
    }

    String header(String name) {
        return headers.apply(name);
    }

    /** The body as a JSON object, or 400 CMNC-010 when absent or not a JSON object. */
    JsonObject body() {
        if (json() instanceof JsonObject o) {
            return o;
        }
        throw BpException.noBody();
    }

    /** The body as a JSON array (JSON-Patch, address lists), or 400 CMNC-010. */
    JsonArray bodyArray() {
        if (json() instanceof JsonArray a) {
            return a;
        }
        throw BpException.noBody();
    }

    private Object json() {
        if (body == UNREAD) {
            Buffer b = rawBody.get();
            try {
                body = b == null || b.length() == 0 ? null : Json.decodeValue(b);
            } catch (DecodeException e) {
                body = null;
            }
        }
        return body;
    }

    /** Query-string parameters as Vert.x decodes them: case-insensitive names, {@code +} and %-escapes decoded. */
    static MultiMap decodeQuery(String query) {
        MultiMap m = MultiMap.caseInsensitiveMultiMap();
        if (query == null || query.isEmpty()) {
            return m;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            m.add(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return m;
    }
}
