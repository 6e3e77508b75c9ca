package dev.junction.sandbox.starshipit;

import dev.junction.sandbox.testing.WebhookReceiver;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import static dev.junction.sandbox.starshipit.StarshipitHarness.await;
import static org.assertj.core.api.Assertions.assertThat;

/** Starshipit contract: keys, envelopes, validation, paging, labels, tracking webhook, rate limit, faults. */
@ExtendWith(VertxExtension.class)
class StarshipitSimulatorTest {
    private Vertx vertx;
    private StarshipitHarness ss;

    @BeforeEach
    void start(Vertx vertx) throws Exception {
        this.vertx = vertx;
        ss = StarshipitHarness.start(vertx, StarshipitOptions.forTests());
    }

    private static JsonObject firstError(HttpResponse<Buffer> r) {
        JsonObject body = r.bodyAsJsonObject();
        assertThat(body.getBoolean("success")).isFalse();
        return body.getJsonArray("errors").getJsonObject(0);
    }

    @Test
    void bothKeysAreRequired() throws Exception {
        HttpResponse<Buffer> noSubscription = await(ss.client.getAbs(ss.server.baseUrl() + "/api/orders/unshipped")
                .putHeader("StarShipIT-Api-Key", StarshipitOptions.DEFAULT_API_KEY).send());
        assertThat(noSubscription.statusCode()).isEqualTo(401);
        assertThat(firstError(noSubscription).getString("details")).contains("Ocp-Apim-Subscription-Key");
        HttpResponse<Buffer> wrongKey = await(ss.client.getAbs(ss.server.baseUrl() + "/api/orders/unshipped")
                .putHeader("StarShipIT-Api-Key", "wrong")
                .putHeader("Ocp-Apim-Subscription-Key", StarshipitOptions.DEFAULT_SUBSCRIPTION_KEY).send());
        assertThat(wrongKey.statusCode()).isEqualTo(401);
        HttpResponse<Buffer> ok = ss.get("/api/orders/unshipped");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.bodyAsJsonObject().getBoolean("success")).isTrue();
        assertThat(ok.bodyAsJsonObject().getJsonArray("orders")).isEmpty();
    }

    @Test
    void invalidOrdersAreRejectedInTheEnvelope() throws Exception {
        JsonObject missing = new JsonObject().put("order", new JsonObject().put("destination", new JsonObject().put("name", "Jo"))
                .put("items", new JsonArray().add(new JsonObject().put("sku", "A").put("quantity", 0))));
        HttpResponse<Buffer> r = ss.send(HttpMethod.POST, "/api/orders", missing);
        assertThat(r.statusCode()).isEqualTo(400);
        JsonArray errors = r.bodyAsJsonObject().getJsonArray("errors");
        assertThat(errors.stream().map(e -> ((JsonObject) e).getString("message")))
                .contains("order_number is required", "destination.street is required", "destination.post_code is required",
                        "destination.country is required", "items[0].quantity must be greater than zero");

        HttpResponse<Buffer> tooLong = ss.send(HttpMethod.POST, "/api/orders", StarshipitHarness.order("X".repeat(51), null, "2000"));
        assertThat(tooLong.statusCode()).isEqualTo(400);

        HttpResponse<Buffer> badAddress = ss.send(HttpMethod.POST, "/api/orders", StarshipitHarness.order("1001", null, "0000"));
        assertThat(badAddress.statusCode()).isEqualTo(400);
        assertThat(firstError(badAddress).getString("message"))
                .isEqualTo("Destination address is invalid: post code 0000 not found for country AU");

        ss.create("1001", "bp:1001");
        HttpResponse<Buffer> duplicate = ss.send(HttpMethod.POST, "/api/orders", StarshipitHarness.order("1001", null, "2000"));
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(ss.get("/_sandbox/stats").bodyAsJsonObject().getLong("rejected")).isEqualTo(4);
    }

    @Test
    void ordersAreReadUpdatedListedAndSearched() throws Exception {
        int id = ss.create("1001", "bp:1001");
        ss.create("1002", "bp:1002");
        ss.create("1003", "bp:1003");

        JsonObject byId = ss.get("/api/orders?order_id=" + id).bodyAsJsonObject();
        assertThat(byId.getBoolean("success")).isTrue();
        assertThat(byId.getJsonObject("order").getString("order_number")).isEqualTo("1001");
        assertThat(ss.get("/api/orders?order_number=1002").bodyAsJsonObject().getJsonObject("order").getString("reference")).isEqualTo("bp:1002");
        assertThat(ss.get("/api/orders?order_number=nope").statusCode()).isEqualTo(404);

        JsonObject update = new JsonObject().put("order", new JsonObject().put("order_id", id).put("shipping_method", "Express"));
        HttpResponse<Buffer> updated = ss.send(HttpMethod.PUT, "/api/orders", update);
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(updated.bodyAsJsonObject().getJsonObject("order").getString("shipping_method")).isEqualTo("Express");

        JsonObject page1 = ss.get("/api/orders/unshipped?limit=2&page=1").bodyAsJsonObject();
        assertThat(page1.getInteger("total_pages")).isEqualTo(2);
        assertThat(page1.getJsonArray("orders")).hasSize(2);
        assertThat(ss.get("/api/orders/unshipped?limit=2&page=2").bodyAsJsonObject().getJsonArray("orders")).hasSize(1);
        assertThat(ss.get("/api/orders/unshipped?since_last_updated=2999-01-01T00:00:00Z").bodyAsJsonObject()
                .getJsonArray("orders")).isEmpty();

        JsonObject found = ss.get("/api/orders/search?phrase=bp:1003").bodyAsJsonObject();
        assertThat(found.getJsonArray("orders")).hasSize(1);
        assertThat(found.getJsonArray("orders").getJsonObject(0).getString("order_number")).isEqualTo("1003");
    }

    @Test
    void printingALabelAssignsTrackingAndFiresASignedWebhook() throws Exception {
        WebhookReceiver receiver = WebhookReceiver.start(vertx);
        ss.control(HttpMethod.PUT, "/_sandbox/webhook", new JsonObject().put("url", receiver.url()).put("secret", "s3cret"));
        int id = ss.create("2001", "bp:2001");

        HttpResponse<Buffer> label = ss.send(HttpMethod.POST, "/api/orders/shipment", new JsonObject().put("order_id", id));
        assertThat(label.statusCode()).isEqualTo(200);
        JsonObject printed = label.bodyAsJsonObject();
        assertThat(printed.getBoolean("success")).isTrue();
        assertThat(printed.getString("carrier_name")).isEqualTo("Australia Post");
        String tracking = printed.getJsonArray("tracking_numbers").getString(0);
        assertThat(tracking).startsWith("QQQ");
        assertThat(new String(Base64.getDecoder().decode(printed.getJsonArray("labels").getString(0)), StandardCharsets.US_ASCII))
                .startsWith("%PDF-");

        WebhookReceiver.Received hook = receiver.next();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("s3cret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertThat(hook.headers().get("X-Starshipit-Signature"))
                .isEqualTo(Base64.getEncoder().encodeToString(mac.doFinal(hook.body().getBytes())));
        JsonObject body = hook.body().toJsonObject();
        assertThat(body.getString("order_number")).isEqualTo("2001");
        assertThat(body.getString("tracking_number")).isEqualTo(tracking);
        assertThat(body.getString("tracking_status")).isEqualTo("Printed");
        assertThat(body.fieldNames()).contains("carrier_name", "carrier_service", "shipment_date", "last_updated_date");

        assertThat(ss.get("/api/orders/unshipped").bodyAsJsonObject().getJsonArray("orders")).isEmpty();
        assertThat(ss.get("/api/orders/shipped").bodyAsJsonObject().getJsonArray("orders")).hasSize(1);
        JsonObject results = ss.get("/api/track?tracking_number=" + tracking).bodyAsJsonObject().getJsonObject("results");
        assertThat(results.getString("order_number")).isEqualTo("2001");
        assertThat(results.getJsonArray("tracking_events")).hasSize(1);
        assertThat(ss.send(HttpMethod.POST, "/api/orders/shipment", new JsonObject().put("order_id", id)).statusCode()).isEqualTo(400);
        assertThat(ss.send(HttpMethod.PUT, "/api/orders", new JsonObject().put("order", new JsonObject().put("order_id", id)
                .put("shipping_method", "x"))).statusCode()).isEqualTo(400);

        ss.control(HttpMethod.POST, "/_sandbox/orders/2001/track", new JsonObject().put("status", "Dispatched"));
        assertThat(receiver.next().body().toJsonObject().getString("tracking_status")).isEqualTo("Dispatched");
    }

    @Test
    void merchantPrintsByItselfAfterTheConfiguredDelay() throws Exception {
        WebhookReceiver receiver = WebhookReceiver.start(vertx);
        StarshipitHarness auto = StarshipitHarness.start(vertx, StarshipitOptions.forTests()
                .withPrintAfter(Duration.ofMillis(50)).withWebhook(receiver.url(), null));
        auto.create("3001", "bp:3001");
        WebhookReceiver.Received hook = receiver.next();
        assertThat(hook.body().toJsonObject().getString("order_number")).isEqualTo("3001");
        assertThat(hook.headers().contains("X-Starshipit-Signature")).isFalse();
        assertThat(auto.get("/api/orders/shipped").bodyAsJsonObject().getJsonArray("orders")).hasSize(1);
    }

    @Test
    void requestsBeyondTheRateLimitGet429() throws Exception {
        StarshipitHarness limited = StarshipitHarness.start(vertx, StarshipitOptions.forTests().withRateLimit(2));
        int throttled = 0;
        HttpResponse<Buffer> last429 = null;
        for (int i = 0; i < 6; i++) {
            HttpResponse<Buffer> r = limited.get("/api/orders/unshipped");
            if (r.statusCode() == 429) {
                throttled++;
                last429 = r;
            }
        }
        assertThat(throttled).isGreaterThan(0);
        assertThat(last429.getHeader("Retry-After")).isEqualTo("1");
        assertThat(firstError(last429).getString("message")).startsWith("Rate limit is exceeded");
        assertThat(limited.get("/_sandbox/stats").bodyAsJsonObject().getLong("throttled")).isEqualTo(throttled);
    }

    @Test
    void faultKnobsAnswerOutageErrorsAndThrottling() throws Exception {
        ss.control(HttpMethod.PUT, "/_sandbox/faults", new JsonObject().put("down", true));
        assertThat(ss.get("/api/orders/unshipped").statusCode()).isEqualTo(503);
        ss.control(HttpMethod.PUT, "/_sandbox/faults", new JsonObject().put("down", false).put("errorRate", 1.0));
        HttpResponse<Buffer> error = ss.get("/api/orders/unshipped");
        assertThat(error.statusCode()).isEqualTo(500);
        assertThat(error.bodyAsJsonObject().getBoolean("success")).isFalse();
        ss.control(HttpMethod.PUT, "/_sandbox/faults", new JsonObject().put("errorRate", 0.0).put("forceThrottle", true));
        assertThat(ss.get("/api/orders/unshipped").statusCode()).isEqualTo(429);
        ss.control(HttpMethod.POST, "/_sandbox/reset", new JsonObject());
        assertThat(ss.get("/api/orders/unshipped").statusCode()).isEqualTo(200);
    }
}
