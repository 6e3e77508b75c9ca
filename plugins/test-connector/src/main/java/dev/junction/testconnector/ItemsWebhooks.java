package dev.junction.testconnector;

import dev.junction.api.ConnectionContext;
import dev.junction.api.webhook.WebhookEvent;
import dev.junction.api.webhook.WebhookHandler;
import dev.junction.api.webhook.WebhookRequest;
import dev.junction.api.webhook.WebhookVerdict;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Webhooks carry {@code {"items":[{...full item...}]}} or {@code {"ids":["a1"]}} (thin) and must present
 * the shared secret in {@code X-Test-Secret}.
 */
final class ItemsWebhooks implements WebhookHandler {
    private final ConnectionContext ctx;

    ItemsWebhooks(ConnectionContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Future<WebhookVerdict> receive(WebhookRequest request) {
        String expected = ctx.config().getString("webhookSecret");
        String presented = request.headers().get("X-Test-Secret");
        if (expected == null || presented == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8))) {
            return Future.succeededFuture(WebhookVerdict.rejected(401, "X-Test-Secret missing or wrong"));
        }
        JsonObject body = request.body().toJsonObject();
        List<WebhookEvent> events = new ArrayList<>();
        body.getJsonArray("items", new io.vertx.core.json.JsonArray())
                .forEach(o -> events.add(WebhookEvent.full("items", ItemsSource.record((JsonObject) o))));
        body.getJsonArray("ids", new io.vertx.core.json.JsonArray())
                .forEach(id -> events.add(WebhookEvent.thin("items", String.valueOf(id))));
        return Future.succeededFuture(WebhookVerdict.accepted(events));
    }
}
