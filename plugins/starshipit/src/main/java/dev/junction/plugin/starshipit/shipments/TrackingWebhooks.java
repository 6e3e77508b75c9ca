package dev.junction.plugin.starshipit.shipments;

import dev.junction.api.webhook.WebhookEvent;
import dev.junction.api.webhook.WebhookHandler;
import dev.junction.api.webhook.WebhookRequest;
import dev.junction.api.webhook.WebhookVerdict;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;

/**
 * Starshipit's tracking webhook (Settings > Tracking & notifications; set there, not through the API): one
 * POST per courier update, {@code {order_number, carrier_name, tracking_number, tracking_status, ...}}.
 *
 * <p>With {@code webhookSecret} configured, {@value #SIGNATURE_HEADER} must be base64(HMAC-SHA256(secret,
 * raw body)); without one every call is accepted (Starshipit makes the secret optional), and the poll of
 * shipped orders remains the check on what arrives.
 *
 * <p>Events are thin: the body lacks the order's reference, which is what names the Brightpearl fulfilment,
 * so the hub fetches the order by number through the {@code shipments} source. A call without a tracking
 * number (nothing printed yet) is acknowledged with no event.
 */
public final class TrackingWebhooks implements WebhookHandler {
    public static final String SIGNATURE_HEADER = "X-Starshipit-Signature";

    private final String secret;

    public TrackingWebhooks(String secret) {
        this.secret = secret == null || secret.isBlank() ? null : secret;
    }

    @Override
    public Future<WebhookVerdict> receive(WebhookRequest request) {
        byte[] raw = request.body() == null ? new byte[0] : request.body().getBytes();
        if (secret != null) {
            String presented = request.headers() == null ? null : request.headers().get(SIGNATURE_HEADER);
            if (presented == null || presented.isBlank()) {
                return Future.succeededFuture(WebhookVerdict.rejected(401, "missing " + SIGNATURE_HEADER
                        + " header; a webhook secret is configured for this connection"));
            }
            if (!MessageDigest.isEqual(sign(secret, raw).getBytes(StandardCharsets.US_ASCII),
                    presented.trim().getBytes(StandardCharsets.US_ASCII))) {
                return Future.succeededFuture(WebhookVerdict.rejected(401, SIGNATURE_HEADER + " does not match the body: "
                        + "check 'webhookSecret' equals the secret in Starshipit's webhook settings"));
            }
        }
        JsonObject body;
        try {
            body = raw.length == 0 ? null : new JsonObject(new String(raw, StandardCharsets.UTF_8));
        } catch (DecodeException | ClassCastException e) {
            body = null;
        }
        if (body == null) {
            return Future.succeededFuture(WebhookVerdict.rejected(400, "tracking webhook body is not a JSON object"));
        }
        String number = body.getString("order_number");
        String tracking = body.getString("tracking_number");
        if (number == null || number.isBlank() || tracking == null || tracking.isBlank()) {
            return Future.succeededFuture(WebhookVerdict.accepted(List.of()));
        }
        return Future.succeededFuture(WebhookVerdict.accepted(List.of(WebhookEvent.thin("shipments", number.trim()))));
    }

    /** base64(HMAC-SHA256(secret, body)). */
    public static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
