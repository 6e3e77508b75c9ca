package dev.junction.sandbox.bigcommerce;

import dev.junction.sandbox.core.Faults;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * Runs before every API route, in the order the real gateway would: store lookup, outage, authentication,
 * throttling (quota and the forceThrottle knob), then injected server errors. Every answer from here on
 * carries the four rate-limit headers.
 */
final class Gatekeeper implements Handler<RoutingContext> {
    private final BigCommerceOptions options;
    private final Faults faults;
    private final RateLimiter limiter;
    private final Stats stats;

    Gatekeeper(BigCommerceOptions options, Faults faults, RateLimiter limiter, Stats stats) {
        this.options = options;
        this.faults = faults;
        this.limiter = limiter;
        this.stats = stats;
    }

    @Override
    public void handle(RoutingContext ctx) {
        stats.request(ctx.request().method().name(), ctx.request().path());
        ctx.addHeadersEndHandler(v -> stats.status(ctx.response().getStatusCode()));
        if (!options.storeHash().equals(ctx.pathParam("store_hash"))) {
            Replies.error(ctx, 404, "The requested store was not found.");
            return;
        }
        if (faults.down()) {
            headers(ctx.response(), limiter.peek());
            Replies.error(ctx, 503, "Service Unavailable");
            return;
        }
        String token = ctx.request().getHeader("X-Auth-Token");
        if (token == null || !token.equals(options.accessToken())) {
            headers(ctx.response(), limiter.peek());
            unauthorized(ctx, token == null);
            return;
        }
        RateLimiter.Decision d = faults.forceThrottle() ? throttled(limiter.peek()) : limiter.take();
        headers(ctx.response(), d);
        if (!d.allowed()) {
            ctx.response().putHeader("X-Retry-After", String.valueOf((d.resetMs() + 999) / 1000));
            Replies.error(ctx, 429, "You have exceeded the rate limit of this store. Wait for the window to reset.");
            return;
        }
        if (faults.injectError()) {
            Replies.error(ctx, 500, "Internal Server Error");
            return;
        }
        ctx.next();
    }

    private static RateLimiter.Decision throttled(RateLimiter.Decision now) {
        return new RateLimiter.Decision(false, now.quota(), 0, now.resetMs());
    }

    /** v2 answers with its array shape; v3 with the error object its specs declare for 401. */
    private static void unauthorized(RoutingContext ctx, boolean missing) {
        String message = missing ? "You must supply an X-Auth-Token header." : "The X-Auth-Token is invalid.";
        if (Replies.isV3(ctx)) {
            Replies.v3Error(ctx, 401, message, null, false);
        } else {
            Replies.v2Error(ctx, 401, message);
        }
    }

    private static void headers(HttpServerResponse r, RateLimiter.Decision d) {
        r.putHeader("X-Rate-Limit-Time-Window-Ms", String.valueOf(RateLimiter.WINDOW_MS))
                .putHeader("X-Rate-Limit-Time-Reset-Ms", String.valueOf(d.resetMs()))
                .putHeader("X-Rate-Limit-Requests-Quota", String.valueOf(d.quota()))
                .putHeader("X-Rate-Limit-Requests-Left", String.valueOf(d.left()));
    }
}
