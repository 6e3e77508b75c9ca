package dev.junction.hub.admin;

import dev.junction.hub.logging.SecretMasker;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Writing answers: every endpoint is a function from the request to a future of its body, so error
 * handling lives in one place ({@link ApiErrors}) instead of in each handler.
 */
final class JsonResponses {
    private JsonResponses() {
    }

    /** An endpoint: completes with a {@link JsonObject} (200), a {@link Reply} (its status) or null (204). */
    @FunctionalInterface
    interface Endpoint {
        Future<?> handle(RoutingContext ctx);
    }

    /** A body with a status other than 200. */
    record Reply(int status, JsonObject body) {
    }

    static Handler<RoutingContext> endpoint(Endpoint endpoint) {
        return ctx -> {
            Future<?> result;
            try {
                result = endpoint.handle(ctx);
            } catch (RuntimeException e) {
                result = Future.failedFuture(e);
            }
            result.onComplete(ar -> {
                if (ar.failed()) {
                    ApiErrors.fail(ctx, ar.cause());
                } else if (ar.result() instanceof Reply r) {
                    send(ctx, r.status(), r.body());
                } else if (ar.result() instanceof JsonObject body) {
                    send(ctx, 200, body);
                } else if (!ctx.response().ended()) {
                    ctx.response().setStatusCode(204).end();
                }
            });
        };
    }

    /**
     * Writes a JSON answer. Secrets are redacted where they are rendered ({@link SecretRedaction}); masking
     * every registered secret here as well is the safety net for a value that reaches a body some other
     * way (an error message from a connector, a remote echoing a token into a record).
     */
    static void send(RoutingContext ctx, int status, JsonObject body) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .end(SecretMasker.mask(body.encode()));
    }

    /** Jackson's complaint, without the echo of the body it may quote. */
    static String decodeProblem(DecodeException e) {
        String m = e.getMessage() == null ? "unreadable" : e.getMessage();
        m = m.replaceFirst("^Failed to decode:\\s*", "");
        int source = m.indexOf("\n at [Source");
        if (source < 0) {
            source = m.indexOf(" at [Source");
        }
        if (source >= 0) {
            m = m.substring(0, source);
        }
        return SecretMasker.mask(m.lines().findFirst().orElse(m).strip());
    }
}
