package dev.junction.hub.admin;

import dev.junction.hub.Hub;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The admin HTTP API under {@code /api/v1}: bearer-token auth, JSON errors with a clear message
 * ({@code {"error": "...", "status": n}}), and an OpenAPI document at {@code /api/v1/openapi.json}.
 * Routes live in one small class per resource; this class wires them in order: the document (public),
 * authentication, the resources, then JSON answers for unknown paths and failures.
 */
public final class AdminApi {
    public static final String BASE = "/api/v1";
    public static final String OPENAPI_PATH = BASE + "/openapi.json";

    private final Hub hub;

    public AdminApi(Hub hub) {
        this.hub = hub;
    }

    public void mount(Router router) {
        Buffer document = OpenApiDocument.load();
        // Before authentication: the document says nothing about this hub, and tools fetch it without a token.
        router.get(OPENAPI_PATH).handler(ctx -> OpenApiDocument.serve(ctx, document));
        router.route(BASE + "/*").handler(this::authenticate);

        ConnectorCatalog catalog = new ConnectorCatalog(hub);
        ConnectionViews views = new ConnectionViews(hub, catalog);
        new PluginRoutes(hub).mount(router);
        new ConnectionRoutes(hub, catalog, views).mount(router);
        new ConnectionActionRoutes(hub, catalog, views).mount(router);
        new FlowRoutes(hub).mount(router);
        new RecordRoutes(hub).mount(router);
        new MappingRoutes(hub).mount(router);
        new StatusRoutes(hub).mount(router);
        new OAuthRoutes(hub).mount(router);
        new SyncLogRoutes(hub).mount(router);

        router.route(BASE + "/*").handler(ctx -> ApiErrors.send(ctx, 404, "no endpoint " + ctx.request().method() + " "
                + ctx.request().path() + "; " + OPENAPI_PATH + " lists the endpoints"));
        router.route(BASE + "/*").failureHandler(ApiErrors::failureHandler);
    }

    private void authenticate(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
        if (hub.adminToken() == null || !hub.adminToken().matches(token)) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"junction\"");
            ApiErrors.send(ctx, 401, token == null ? "missing bearer token: send 'Authorization: Bearer <admin token>'"
                    : "the bearer token is not this hub's admin token");
            return;
        }
        ctx.next();
    }
}
