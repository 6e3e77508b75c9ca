package dev.junction.hub.admin;

import dev.junction.hub.logging.SecretMasker;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.NoSuchElementException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Turns whatever a handler failed with into {@code {"error": "...", "status": n}}. Expected failures
 * keep their message; anything else is a 500 that names a reference into the log instead of a stack
 * trace, because an exception's message can carry a URL, a header or a setting.
 */
final class ApiErrors {
    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    private ApiErrors() {
    }

    static void send(RoutingContext ctx, int status, String message) {
        send(ctx, new ApiException(status, message));
    }

    static void send(RoutingContext ctx, ApiException e) {
        JsonObject body = new JsonObject().put("error", e.getMessage()).put("status", e.status());
        if (!e.problems().isEmpty()) {
            body.put("problems", new JsonArray(e.problems()));
        }
        JsonResponses.send(ctx, e.status(), body);
    }

    /** Answers a failed request; safe to call after a partial answer (it then only logs). */
    static void fail(RoutingContext ctx, Throwable failure) {
        ApiException e = toApi(ctx, failure);
        if (ctx.response().ended() || ctx.response().headWritten()) {
            LOG.warn("{} {} failed after its answer began: {}", ctx.request().method(), ctx.request().path(), e.getMessage());
            return;
        }
        send(ctx, e);
    }

    /** Router failure handler for /api/v1: body too large, a handler that threw past our wrapper, ... */
    static void failureHandler(RoutingContext ctx) {
        if (ctx.failure() != null) {
            fail(ctx, ctx.failure());
            return;
        }
        int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
        String message = switch (status) {
            case 413 -> "request body is too large";
            case 401 -> "missing or wrong bearer token";
            case 404 -> "not found";
            default -> "request failed";
        };
        if (!ctx.response().ended()) {
            send(ctx, status, message);
        }
    }

    private static ApiException toApi(RoutingContext ctx, Throwable failure) {
        Throwable t = unwrap(failure);
        if (t instanceof ApiException api) {
            return api;
        }
        if (t instanceof DecodeException d) {
            return ApiException.badRequest("request body is not valid JSON: " + JsonResponses.decodeProblem(d));
        }
        if (t instanceof NoSuchElementException n && n.getMessage() != null) {
            return ApiException.notFound(SecretMasker.mask(n.getMessage()));
        }
        String ref = Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
        // The log layout masks registered secrets, so the full exception is safe there and useful.
        LOG.error("{} {} failed unexpectedly (ref {})", ctx.request().method(), ctx.request().path(), ref, t);
        return new ApiException(500, "unexpected error (ref " + ref + "); the hub log has the details under that ref");
    }

    static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while ((e instanceof java.util.concurrent.CompletionException || e instanceof java.util.concurrent.ExecutionException)
                && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
