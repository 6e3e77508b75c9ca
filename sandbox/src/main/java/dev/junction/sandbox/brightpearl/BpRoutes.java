package dev.junction.sandbox.brightpearl;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The API routes as data (method + path pattern after {@code /public-api/{account}}, {@code :name} segments
 * binding path parameters): registered on the Vert.x router for direct calls, and matched by {@link MultiMessage}
 * to run a message through the same handler. The first route that matches wins, in both cases.
 */
final class BpRoutes {
    /** One route; {@code segments} is the pattern split on {@code /}. */
    record Route(HttpMethod method, String pattern, String[] segments, Function<BpRequest, Object> handler) {
    }

    /** A matched route and the path parameters it bound. */
    record Match(Route route, Map<String, String> params) {
    }

    private final List<Route> routes = new ArrayList<>();

    BpRoutes get(String pattern, Function<BpRequest, Object> handler) {
        return add(HttpMethod.GET, pattern, handler);
    }

    BpRoutes post(String pattern, Function<BpRequest, Object> handler) {
        return add(HttpMethod.POST, pattern, handler);
    }

    BpRoutes put(String pattern, Function<BpRequest, Object> handler) {
        return add(HttpMethod.PUT, pattern, handler);
    }

    BpRoutes patch(String pattern, Function<BpRequest, Object> handler) {
        return add(HttpMethod.PATCH, pattern, handler);
    }

    BpRoutes delete(String pattern, Function<BpRequest, Object> handler) {
        return add(HttpMethod.DELETE, pattern, handler);
    }

    private BpRoutes add(HttpMethod method, String pattern, Function<BpRequest, Object> handler) {
        routes.add(new Route(method, pattern, segments(pattern), handler));
        return this;
    }

    /** Registers every route under {@code prefix} (e.g. {@code /public-api/:account}), in table order. */
    void register(Router router, String prefix) {
        for (Route r : routes) {
            router.route(r.method(), prefix + r.pattern()).handler(BpHttp.route(r.handler()));
        }
    }

    /** The first route for {@code method} whose pattern matches {@code path} (no query string), or null. */
    Match match(HttpMethod method, String path) {
        String[] given = segments(path);
        for (Route r : routes) {
            if (!r.method().equals(method) || r.segments().length != given.length) {
                continue;
            }
            Map<String, String> params = new HashMap<>();
            boolean ok = true;
            for (int i = 0; i < given.length && ok; i++) {
                String want = r.segments()[i];
                // '+' is a literal in a path; only %-escapes are decoded, as Vert.x does for path parameters
                String seg = URLDecoder.decode(given[i].replace("+", "%2B"), StandardCharsets.UTF_8);
                if (want.startsWith(":")) {
                    params.put(want.substring(1), seg);
                } else {
                    ok = want.equals(seg);
                }
            }
            if (ok) {
                return new Match(r, params);
            }
        }
        return null;
    }

    /** Non-empty segments, so a trailing or doubled slash does not matter. */
    private static String[] segments(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out.toArray(new String[0]);
    }
}
