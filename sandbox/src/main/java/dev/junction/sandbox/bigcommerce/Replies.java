package dev.junction.sandbox.bigcommerce;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.function.Function;

/** Response writers in BigCommerce's two dialects: v2 (bare arrays, array errors) and v3 (envelopes, problem JSON). */
final class Replies {
    static final String STATUS_CODES_DOC = "https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes";

    private Replies() {
    }

    static boolean isV3(RoutingContext ctx) {
        return ctx.request().path().contains("/v3/");
    }

    /** v2 error: {@code [{"status":400,"message":"..."}]}. */
    static void v2Error(RoutingContext ctx, int status, String message) {
        JsonArray body = new JsonArray().add(new JsonObject().put("status", status).put("message", message));
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }

    /**
     * v3 error: {@code {"status":422,"title":"...","type":"...","errors":{...}}}. With {@code errors} null the
     * field is left out, as in the specs' plain {@code error_Full} answers (401, 404, 5xx).
     */
    static void v3Error(RoutingContext ctx, int status, String title, JsonObject errors, boolean problemJson) {
        JsonObject body = new JsonObject().put("status", status).put("title", title).put("type", STATUS_CODES_DOC);
        if (errors != null) body.put("errors", errors);
        ctx.response().setStatusCode(status)
                .putHeader("Content-Type", problemJson ? "application/problem+json" : "application/json")
                .end(body.encode());
    }

    /** An error in the dialect of the route's API version. */
    static void error(RoutingContext ctx, int status, String message) {
        if (isV3(ctx)) {
            v3Error(ctx, status, message, null, false);
        } else {
            v2Error(ctx, status, message);
        }
    }

    static void json(RoutingContext ctx, int status, Object body) {
        String text = body instanceof JsonObject o ? o.encode() : ((JsonArray) body).encode();
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(text);
    }

    /** A v2 list: a bare array, or 204 with an empty body when nothing matched. */
    static void v2List(RoutingContext ctx, JsonArray items) {
        if (items.isEmpty()) {
            ctx.response().setStatusCode(204).end();
        } else {
            json(ctx, 200, items);
        }
    }

    /** Page/limit of a v2 list (page default 1, limit default 50, max 250). */
    record Page(int page, int limit) {
        int from() {
            return (page - 1) * limit;
        }

        <T> List<T> slice(List<T> all) {
            int from = Math.min(from(), all.size());
            return all.subList(from, Math.min(all.size(), from + limit));
        }
    }

    static Page page(RoutingContext ctx, int defaultLimit, int maxLimit) {
        int page = intParam(ctx, "page", 1);
        int limit = intParam(ctx, "limit", defaultLimit);
        if (page < 1) throw new Formats.BadInput("page must be 1 or greater");
        if (limit < 1 || limit > maxLimit) throw new Formats.BadInput("limit must be between 1 and " + maxLimit);
        return new Page(page, limit);
    }

    static int intParam(RoutingContext ctx, String name, int fallback) {
        String v = ctx.request().getParam(name);
        if (v == null || v.isBlank()) return fallback;
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new Formats.BadInput(name + " must be an integer");
        }
    }

    /** A v3 list envelope with {@code meta.pagination}. */
    static <T> void v3List(RoutingContext ctx, List<T> all, Function<T, JsonObject> render) {
        Page p = page(ctx, 50, 250);
        List<T> slice = p.slice(all);
        JsonArray data = new JsonArray();
        slice.forEach(item -> data.add(render.apply(item)));
        int totalPages = (all.size() + p.limit() - 1) / p.limit();
        JsonObject links = new JsonObject().put("current", "?page=" + p.page() + "&limit=" + p.limit());
        if (p.page() > 1) links.put("previous", "?page=" + (p.page() - 1) + "&limit=" + p.limit());
        if (p.page() < totalPages) links.put("next", "?page=" + (p.page() + 1) + "&limit=" + p.limit());
        JsonObject pagination = new JsonObject().put("total", all.size()).put("count", slice.size())
                .put("per_page", p.limit()).put("current_page", p.page()).put("total_pages", totalPages)
                .put("links", links);
        json(ctx, 200, new JsonObject().put("data", data).put("meta", new JsonObject().put("pagination", pagination)));
    }

    /** The request body as an object, or a 400 in the route's dialect when it is missing or not JSON. */
    static JsonObject body(RoutingContext ctx) {
        try {
            JsonObject body = ctx.body().asJsonObject();
            if (body == null) throw new Formats.BadInput("The request body must be a JSON object");
            return body;
        } catch (io.vertx.core.json.DecodeException | ClassCastException e) {
            throw new Formats.BadInput("The request body must be a JSON object");
        }
    }

    /**
     * Wraps a route: a {@link Formats.BadInput} becomes 400 on v2 (array) and 422 on v3 (problem JSON), and
     * an unexpected failure a 500 in the route's dialect rather than a hung request.
     */
    static io.vertx.core.Handler<RoutingContext> guard(io.vertx.core.Handler<RoutingContext> handler) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (Formats.BadInput e) {
                if (isV3(ctx)) {
                    v3Error(ctx, 422, e.getMessage(), new JsonObject(), false);
                } else {
                    v2Error(ctx, 400, e.getMessage());
                }
            } catch (RuntimeException e) {
                error(ctx, 500, "Internal error in the BigCommerce sandbox: " + e);
            }
        };
    }

    static void notFound(RoutingContext ctx) {
        error(ctx, 404, "The requested resource was not found.");
    }
}
