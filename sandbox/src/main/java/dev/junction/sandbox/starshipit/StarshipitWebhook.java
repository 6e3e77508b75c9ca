package dev.junction.sandbox.starshipit;

import dev.junction.sandbox.core.Faults;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The tracking webhook (one URL, configured in Starshipit's UI; here by options or the control API). When a
 * secret is set, {@code X-Starshipit-Signature} = base64(HMAC-SHA256(secret, raw body)). Starshipit's real
 * algorithm is undocumented; this is the simulator's choice, shared with the connector. Failed deliveries
 * are retried up to 3 times with back-off; every attempt is logged.
 */
final class StarshipitWebhook {
    private static final int MAX_RETRIES = 3;
    private static final long RETRY_BASE_MS = 500;

    private final StarshipitStats stats;
    private final List<JsonObject> deliveries = new ArrayList<>();
    private volatile String url;
    private volatile String secret;
    private Vertx vertx;
    private Faults faults;
    private WebClient client;

    StarshipitWebhook(StarshipitOptions options, StarshipitStats stats) {
        this.stats = stats;
        this.url = options.webhookUrl();
        this.secret = options.webhookSecret();
    }

    void attach(Vertx vertx, Faults faults) {
        this.vertx = vertx;
        this.faults = faults;
        this.client = WebClient.create(vertx);
    }

    void configure(String url, String secret) {
        this.url = url;
        this.secret = secret;
    }

    JsonObject config() {
        return new JsonObject().put("url", url).put("secret", secret);
    }

    void fire(JsonObject body) {
        String target = url;
        if (client == null || target == null || target.isBlank()) return;
        if (faults.dropWebhooks()) {
            stats.webhooksDropped.incrementAndGet();
            log(target, body, "dropped", 0, null);
            return;
        }
        attempt(target, secret, body, body.toBuffer(), 1);
    }

    private void attempt(String target, String key, JsonObject body, Buffer raw, int attempt) {
        var request = client.postAbs(target).putHeader("Content-Type", "application/json").timeout(10_000);
        if (key != null && !key.isEmpty()) request.putHeader("X-Starshipit-Signature", sign(key, raw.getBytes()));
        request.sendBuffer(raw).onComplete(ar -> {
            boolean ok = ar.succeeded() && ar.result().statusCode() / 100 == 2;
            log(target, body, ok ? "delivered" : "failed", attempt, ar.succeeded() ? ar.result().statusCode() : null);
            if (ok) {
                stats.webhooksSent.incrementAndGet();
            } else if (attempt <= MAX_RETRIES) {
                vertx.setTimer(RETRY_BASE_MS << (attempt - 1), t -> attempt(target, key, body, raw, attempt + 1));
            } else {
                stats.webhooksFailed.incrementAndGet();
            }
        });
    }

    static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private synchronized void log(String target, JsonObject body, String outcome, int attempt, Integer status) {
        deliveries.add(new JsonObject().put("url", target).put("order_number", body.getString("order_number"))
                .put("tracking_status", body.getString("tracking_status")).put("outcome", outcome)
                .put("attempt", attempt).put("status", status).put("at", StarshipitOrders.now()));
    }

    synchronized List<JsonObject> deliveries() {
        return List.copyOf(deliveries);
    }

    synchronized void reset(StarshipitOptions options) {
        deliveries.clear();
        url = options.webhookUrl();
        secret = options.webhookSecret();
    }
}
