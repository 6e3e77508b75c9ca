package dev.junction.sandbox.bigcommerce;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
class BigCommerceRateLimitAndFaultsTest {
    private BcSandbox bc;

    @AfterEach
    void stop() {
        if (bc != null) bc.close();
    }

    @Test
    void everyResponseCarriesRateHeadersAndTheQuotaRunsOutWith429(Vertx vertx) {
        bc = new BcSandbox(vertx, 5);
        for (int i = 1; i <= 5; i++) {
            HttpResponse<Buffer> r = bc.get("/v2/orders");
            assertThat(r.statusCode()).isEqualTo(204);
            assertThat(r.getHeader("X-Rate-Limit-Time-Window-Ms")).isEqualTo("30000");
            assertThat(r.getHeader("X-Rate-Limit-Requests-Quota")).isEqualTo("5");
            assertThat(r.getHeader("X-Rate-Limit-Requests-Left")).isEqualTo(String.valueOf(5 - i));
            assertThat(Long.parseLong(r.getHeader("X-Rate-Limit-Time-Reset-Ms"))).isBetween(1L, 30_000L);
        }
        HttpResponse<Buffer> throttled = bc.get("/v3/hooks");
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.getHeader("X-Rate-Limit-Requests-Left")).isEqualTo("0");
        assertThat(Integer.parseInt(throttled.getHeader("X-Retry-After"))).isBetween(1, 30);
        assertThat(throttled.bodyAsJsonObject().getInteger("status")).isEqualTo(429);
        assertThat(bc.get("/v2/orders").bodyAsJsonArray().getJsonObject(0).getInteger("status")).isEqualTo(429);

        JsonObject stats = bc.control(HttpMethod.GET, "/_sandbox/stats", null).bodyAsJsonObject();
        assertThat(stats.getLong("throttled")).isEqualTo(2);
        assertThat(stats.getJsonObject("routes").getLong("GET /v2/orders")).isEqualTo(6);
        assertThat(stats.getJsonObject("routes").getLong("GET /v3/hooks")).isEqualTo(1);
    }

    @Test
    void faultKnobsAnswerInEachVersionsShape(Vertx vertx) {
        bc = new BcSandbox(vertx, 0);
        bc.seedOrder();
        HttpResponse<Buffer> ok = bc.get("/v2/orders");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.getHeader("X-Rate-Limit-Requests-Left")).isNotNull();

        bc.control(HttpMethod.PUT, "/_sandbox/faults", new JsonObject().put("forceThrottle", true));
        HttpResponse<Buffer> forced = bc.get("/v2/orders");
        assertThat(forced.statusCode()).isEqualTo(429);
        assertThat(forced.getHeader("X-Retry-After")).isNotNull();

        bc.control(HttpMethod.PUT, "/_sandbox/faults", new JsonObject().put("forceThrottle", false).put("errorRate", 1.0));
        HttpResponse<Buffer> v2 = bc.get("/v2/orders");
        assertThat(v2.statusCode()).isEqualTo(500);
        assertThat(v2.bodyAsJsonArray().getJsonObject(0).getInteger("status")).isEqualTo(500);
        HttpResponse<Buffer> v3 = bc.get("/v3/catalog/products");
        assertThat(v3.statusCode()).isEqualTo(500);
        assertThat(v3.bodyAsJsonObject().getString("title")).isNotBlank();

        bc.control(HttpMethod.PUT, "/_sandbox/faults", new JsonObject().put("errorRate", 0.0).put("down", true));
        assertThat(bc.get("/v2/orders").statusCode()).isEqualTo(503);
        // Control routes keep working during an outage.
        assertThat(bc.control(HttpMethod.GET, "/_sandbox/orders", null).statusCode()).isEqualTo(200);

        bc.control(HttpMethod.PUT, "/_sandbox/faults", new JsonObject().put("down", false));
        assertThat(bc.get("/v2/orders").statusCode()).isEqualTo(200);
        assertThat(bc.api(HttpMethod.GET, "/v2/no-such-thing", null).statusCode()).isEqualTo(404);
    }

    @Test
    void resetForgetsEverything(Vertx vertx) {
        bc = new BcSandbox(vertx, 0);
        assertThat(bc.seedOrder().getInteger("id")).isEqualTo(100);
        bc.control(HttpMethod.POST, "/_sandbox/reset", null);
        assertThat(bc.get("/v2/orders").statusCode()).isEqualTo(204);
        assertThat(bc.seedOrder().getInteger("id")).isEqualTo(100);
    }
}
