package dev.junction.hub.admin;

import dev.junction.hub.Hub;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The admin HTTP API under {@code /api/v1}: bearer-token auth, JSON errors with a clear message.
 */
public final class AdminApi {
    private final Hub hub;

    public AdminApi(Hub hub) {
        this.hub = hub;
    }

    public void mount(Router router) {
        router.route("/api/v1/*").handler(this::authenticate);
        router.get("/api/v1/flows").handler(ctx -> {
            if (hub.engine() == null) {
                error(ctx, 503, "the hub is starting");
                return;
            }
            io.vertx.core.Future.all(hub.engine().flows().stream().map(f -> hub.engine().status(f)).toList())
                    .onSuccess(all -> ctx.json(new JsonObject().put("flows", all.list())))
                    .onFailure(e -> error(ctx, 500, e.getMessage()));
        });
    }

    private void authenticate(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
        if (hub.adminToken() == null || !hub.adminToken().matches(token)) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"junction\"");
            error(ctx, 401, token == null ? "missing bearer token: send 'Authorization: Bearer <admin token>'"
                    : "the bearer token is not this hub's admin token");
            return;
        }
        ctx.next();
    }

    static void error(RoutingContext ctx, int status, String message) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("error", message).put("status", status).encode());
    }
}
