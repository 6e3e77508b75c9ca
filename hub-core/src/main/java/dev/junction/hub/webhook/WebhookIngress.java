package dev.junction.hub.webhook;

import dev.junction.api.webhook.WebhookHandler;
import dev.junction.api.webhook.WebhookRequest;
import dev.junction.api.webhook.WebhookVerdict;
import dev.junction.hub.connection.ConnectionRegistry;
import dev.junction.hub.connection.ConnectionRuntime;
import dev.junction.hub.flow.FlowEngine;
import dev.junction.hub.metrics.HubMetrics;
import dev.junction.hub.plugin.PluginHost;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code POST /webhooks/{connectionId}}: the connector verifies authenticity, the engine persists every
 * record, and only then does the remote get its 2xx. Anything that stops a record from being stored
 * answers 503, so the remote's own retry delivers it again: an acknowledged webhook is never lost.
 */
public final class WebhookIngress {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookIngress.class);

    private final Supplier<ConnectionRegistry> connections;
    private final Supplier<FlowEngine> engine;
    private final HubMetrics metrics;

    /** Suppliers, because the ingress listens before connections and flows have started. */
    public WebhookIngress(Supplier<ConnectionRegistry> connections, Supplier<FlowEngine> engine, HubMetrics metrics) {
        this.connections = connections;
        this.engine = engine;
        this.metrics = metrics;
    }

    public void mount(Router router) {
        router.post("/webhooks/:connectionId").handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        String id = ctx.pathParam("connectionId");
        ConnectionRegistry registry = connections.get();
        FlowEngine flows = engine.get();
        if (registry == null || flows == null) {
            error(ctx, 503, "the hub is starting; please retry");
            return;
        }
        Optional<ConnectionRuntime> rt = registry.get(id).filter(ConnectionRuntime::running);
        Optional<WebhookHandler> handler = rt.flatMap(r -> r.handlers().webhooks());
        if (handler.isEmpty()) {
            metrics.increment("webhooks.rejected", "connection", id, "reason", "unknown");
            error(ctx, 404, "no running connection '" + id + "' receives webhooks here");
            return;
        }
        WebhookRequest request = new WebhookRequest(ctx.request().method().name(), ctx.request().path(),
                ctx.request().headers(), ctx.queryParams(), ctx.body().buffer() == null ? io.vertx.core.buffer.Buffer.buffer() : ctx.body().buffer());
        Future<WebhookVerdict> verdict;
        try {
            verdict = PluginHost.withClassLoader(rt.get().classLoader(), () -> handler.get().receive(request));
        } catch (RuntimeException e) {
            verdict = Future.failedFuture(e);
        }
        verdict.compose(v -> {
            if (v instanceof WebhookVerdict.Rejected r) {
                LOG.warn("Webhook for {} refused ({}): {}", id, r.status(), r.reason());
                metrics.increment("webhooks.rejected", "connection", id, "reason", String.valueOf(r.status()));
                error(ctx, r.status(), "webhook refused");
                return Future.succeededFuture();
            }
            WebhookVerdict.Accepted a = (WebhookVerdict.Accepted) v;
            return flows.ingestWebhook(id, a.events()).map(inserted -> {
                metrics.increment("webhooks.accepted", "connection", id);
                if (a.responseBody() != null) {
                    ctx.response().putHeader("Content-Type", a.contentType() == null ? "application/json" : a.contentType())
                            .setStatusCode(200).end(a.responseBody());
                } else {
                    ctx.response().setStatusCode(200).end();
                }
                return null;
            });
        }).onFailure(err -> {
            LOG.warn("Webhook for {} not stored, answering 503 so it is sent again: {}", id, err.toString());
            metrics.increment("webhooks.deferred", "connection", id);
            if (!ctx.response().ended()) {
                error(ctx, 503, "not stored, please retry");
            }
        });
    }

    private static void error(RoutingContext ctx, int status, String message) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("error", message).encode());
    }
}
