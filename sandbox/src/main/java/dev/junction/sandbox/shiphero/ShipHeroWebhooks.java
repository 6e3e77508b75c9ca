package dev.junction.sandbox.shiphero;

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
import java.util.UUID;

/**
 * Delivers webhooks as ShipHero does: POST of the JSON body, {@code x-shiphero-hmac-sha256} =
 * base64(HMAC-SHA256(shared_signature_secret, raw body)), a per-delivery {@code X-Shiphero-Message-ID}, and
 * up to 5 retries (with back-off) when the receiver does not answer 2xx. Every attempt is logged for
 * {@code GET /_sandbox/webhooks/deliveries}.
 */
final class ShipHeroWebhooks {
    static final int MAX_RETRIES = 5;

    private final ShipHeroStore store;
    private final ShipHeroStats stats;
    private final List<JsonObject> deliveries = new ArrayList<>();
    private Vertx vertx;
    private Faults faults;
    private WebClient client;
    private static final long RETRY_BASE_MS = 500;

    ShipHeroWebhooks(ShipHeroStore store, ShipHeroStats stats) {
        this.store = store;
        this.stats = stats;
    }

    void attach(Vertx vertx, Faults faults) {
        this.vertx = vertx;
        this.faults = faults;
        this.client = WebClient.create(vertx);
    }

    /** Sends {@code body} to every hook of {@code type} registered for {@code shopName}. */
    void fire(String type, String shopName, JsonObject body) {
        if (client == null) return;
        for (JsonObject hook : store.hooksFor(type, shopName)) {
            if (faults.dropWebhooks()) {
                stats.webhooksDropped.incrementAndGet();
                log(hook, type, null, "dropped", 0, null);
                continue;
            }
            Buffer raw = body.toBuffer();
            String messageId = new UUID(store.nextRandom(Long.MAX_VALUE), store.nextRandom(Long.MAX_VALUE)).toString();
            attempt(hook, type, raw, messageId, 1);
        }
    }

    private void attempt(JsonObject hook, String type, Buffer raw, String messageId, int attempt) {
        client.postAbs(hook.getString("url"))
                .putHeader("Content-Type", "application/json")
                .putHeader("x-shiphero-hmac-sha256", sign(hook.getString("shared_signature_secret"), raw.getBytes()))
                .putHeader("X-Shiphero-Message-ID", messageId)
                .timeout(10_000)
                .sendBuffer(raw)
                .onComplete(ar -> {
                    boolean ok = ar.succeeded() && ar.result().statusCode() / 100 == 2;
                    Integer status = ar.succeeded() ? ar.result().statusCode() : null;
                    log(hook, type, messageId, ok ? "delivered" : "failed", attempt, status);
                    if (ok) {
                        stats.webhooksSent.incrementAndGet();
                    } else if (attempt <= MAX_RETRIES) {
                        vertx.setTimer(RETRY_BASE_MS << (attempt - 1), t -> attempt(hook, type, raw, messageId, attempt + 1));
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

    private synchronized void log(JsonObject hook, String type, String messageId, String outcome, int attempt, Integer status) {
        deliveries.add(new JsonObject().put("webhook_type", type).put("url", hook.getString("url"))
                .put("message_id", messageId).put("outcome", outcome).put("attempt", attempt).put("status", status)
                .put("at", ShipHeroStore.now()));
    }

    synchronized List<JsonObject> deliveries() {
        return List.copyOf(deliveries);
    }

    synchronized void reset() {
        deliveries.clear();
    }
}
