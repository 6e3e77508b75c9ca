package dev.junction.plugin.bigcommerce.webhooks;

import dev.junction.api.service.ConnectionState;
import dev.junction.api.webhook.WebhookEvent;
import dev.junction.api.webhook.WebhookHandler;
import dev.junction.api.webhook.WebhookRequest;
import dev.junction.api.webhook.WebhookVerdict;
import dev.junction.plugin.bigcommerce.client.BigCommerceClient;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * BigCommerce order webhooks. BigCommerce signs nothing by default but echoes the custom headers set at
 * registration on every callback, so registration puts a random secret in {@value #SECRET_HEADER} (made
 * once, kept in the connection's encrypted state) and every callback must carry it. Callbacks are thin
 * ({@code data.id} only): events name the order and the hub fetches it through the source.
 */
public final class OrderWebhooks implements WebhookHandler {

    public static final String SECRET_HEADER = "X-Junction-Secret";
    public static final String SECRET_STATE_KEY = "webhook.secret";
    public static final List<String> SCOPES = List.of("store/order/created", "store/order/updated", "store/order/statusUpdated");

    private final ConnectionState state;
    private final WebhookRegistrar registrar;

    public OrderWebhooks(ConnectionState state, BigCommerceClient client) {
        this.state = state;
        this.registrar = new WebhookRegistrar(client);
    }

    @Override
    public Future<WebhookVerdict> receive(WebhookRequest request) {
        return state.get(SECRET_STATE_KEY).map(secret -> verdict(request, secret));
    }

    private static WebhookVerdict verdict(WebhookRequest request, Optional<String> secret) {
        if (secret.isEmpty()) {
            return WebhookVerdict.rejected(401, "no webhook secret on record for this connection: register webhooks first");
        }
        String presented = request.headers() == null ? null : request.headers().get(SECRET_HEADER);
        if (presented == null || !MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                secret.get().getBytes(StandardCharsets.UTF_8))) {
            return WebhookVerdict.rejected(401, "missing or wrong " + SECRET_HEADER + " header");
        }
        JsonObject body;
        try {
            body = request.body() == null ? null : new JsonObject(request.body());
        } catch (DecodeException | ClassCastException e) {
            body = null;
        }
        if (body == null) {
            return WebhookVerdict.rejected(400, "webhook body is not a JSON object");
        }
        String scope = body.getString("scope", "");
        JsonObject data = body.getJsonObject("data");
        Object id = data == null ? null : data.getValue("id");
        if (id == null || !"order".equals(data.getString("type", "order"))) {
            // Acknowledge what we did not ask for: a non-2xx would only make BigCommerce retry it for two days.
            return WebhookVerdict.accepted(List.of());
        }
        String orderId = String.valueOf(id);
        return switch (scope) {
            case "store/order/created", "store/order/updated" -> WebhookVerdict.accepted(List.of(WebhookEvent.thin("orders", orderId)));
            case "store/order/statusUpdated" -> WebhookVerdict.accepted(List.of(
                    WebhookEvent.thin("orders", orderId), WebhookEvent.thin("order-status-changes", orderId)));
            default -> WebhookVerdict.accepted(List.of());
        };
    }

    @Override
    public Future<Void> register(String callbackUrl) {
        return secret().compose(secret -> registrar.ensure(callbackUrl, SCOPES, SECRET_HEADER, secret));
    }

    /** The connection's webhook secret, made on first registration and reused ever after. */
    private Future<String> secret() {
        return state.get(SECRET_STATE_KEY).compose(existing -> {
            if (existing.isPresent()) {
                return Future.succeededFuture(existing.get());
            }
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            String secret = HexFormat.of().formatHex(bytes);
            return state.put(SECRET_STATE_KEY, secret).map(v -> secret);
        });
    }
}
