package dev.junction.hub.admin;

import dev.junction.api.OAuthSupport;
import dev.junction.hub.Hub;
import dev.junction.hub.connection.ConnectionRuntime;
import dev.junction.hub.plugin.PluginHost;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static dev.junction.hub.admin.JsonResponses.endpoint;

/**
 * OAuth sign-in for connectors that support it ({@link OAuthSupport}, e.g. a Brightpearl instance app):
 * {@code POST /api/v1/connections/{id}/oauth/authorize} gives the consent page to send the merchant to;
 * the remote then redirects the browser to {@code GET /oauth/callback}, which is public (a browser has no
 * admin token) and therefore trusts nothing but a one-time, short-lived {@code state} it issued itself.
 */
final class OAuthRoutes {
    static final String CALLBACK = "/oauth/callback";
    private static final Logger LOG = LoggerFactory.getLogger(OAuthRoutes.class);
    private static final Duration STATE_LIFETIME = Duration.ofMinutes(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Pending(String connectionId, Instant expires) {
    }

    private final Hub hub;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    OAuthRoutes(Hub hub) {
        this.hub = hub;
    }

    void mount(Router router) {
        router.post(AdminApi.BASE + "/connections/:id/oauth/authorize").handler(endpoint(this::authorize));
        router.get(CALLBACK).handler(this::callback);
    }

    private Future<JsonObject> authorize(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        ConnectionRuntime rt = running(id);
        OAuthSupport oauth = oauth(rt);
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String state = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = hub.clock().instant();
        pending.values().removeIf(p -> p.expires().isBefore(now));
        pending.put(state, new Pending(id, now.plus(STATE_LIFETIME)));
        String redirectUri = redirectUri();
        String url = PluginHost.withClassLoader(rt.classLoader(), () -> oauth.authorizeUrl(rt.context(), redirectUri, state));
        return Future.succeededFuture(new JsonObject().put("authorizeUrl", url).put("redirectUri", redirectUri)
                .put("expiresInSeconds", STATE_LIFETIME.toSeconds()));
    }

    private void callback(RoutingContext ctx) {
        String state = ctx.queryParams().get("state");
        String code = ctx.queryParams().get("code");
        String remoteError = ctx.queryParams().get("error");
        Pending p = state == null ? null : pending.remove(state);
        if (p == null || p.expires().isBefore(hub.clock().instant())) {
            page(ctx, 400, "Sign-in link expired or unknown", "Start the sign-in again from the hub; a link works once, for "
                    + STATE_LIFETIME.toMinutes() + " minutes.");
            return;
        }
        if (remoteError != null || code == null) {
            page(ctx, 400, "Sign-in was not completed", "The remote answered: " + (remoteError == null ? "no code" : remoteError)
                    + ". Start the sign-in again and approve the app.");
            return;
        }
        ConnectionRuntime rt;
        OAuthSupport oauth;
        try {
            rt = running(p.connectionId());
            oauth = oauth(rt);
        } catch (ApiException e) {
            page(ctx, 409, "Connection not available", e.getMessage());
            return;
        }
        PluginHost.withClassLoader(rt.classLoader(), () -> oauth.exchangeCode(rt.context(), code, redirectUri()))
                .onSuccess(v -> {
                    LOG.info("Connection {} signed in with OAuth", p.connectionId());
                    page(ctx, 200, "Connected", "Connection '" + p.connectionId() + "' is signed in. You can close this window.");
                })
                .onFailure(e -> {
                    LOG.warn("Connection {}: OAuth code exchange failed: {}", p.connectionId(), e.getMessage());
                    page(ctx, 502, "Sign-in failed", e.getMessage());
                });
    }

    private ConnectionRuntime running(String id) {
        ConnectionRuntime rt = Ready.of(hub.connections()).get(id)
                .orElseThrow(() -> ApiException.notFound("no connection '" + id + "'"));
        if (!rt.running()) {
            throw new ApiException(409, "connection '" + id + "' is not running: " + rt.error());
        }
        return rt;
    }

    private static OAuthSupport oauth(ConnectionRuntime rt) {
        if (!(rt.connector().connector() instanceof OAuthSupport o)) {
            throw new ApiException(409, "connector '" + rt.connectorId() + "' does not sign in with OAuth");
        }
        return o;
    }

    private String redirectUri() {
        return hub.publicUrl() + CALLBACK;
    }

    private static void page(RoutingContext ctx, int status, String title, String text) {
        String safe = SecretRedaction.mask(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        ctx.response().setStatusCode(status).putHeader("Content-Type", "text/html; charset=utf-8")
                .end("<!doctype html><html><head><title>Junction: " + title + "</title></head><body><h1>" + title
                        + "</h1><p>" + safe + "</p></body></html>");
    }
}
