package dev.junction.sandbox.brightpearl;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BrightpearlThrottleAndFaultsTest extends BrightpearlTestSupport {
    private static final String TOO_MANY =
            "You have sent too many requests. Please wait before sending another request";

    @Override
    protected BrightpearlOptions options() {
        return BrightpearlOptions.defaults().withRequestsPerMinute(5);
    }

    @Test
    void budgetCountsDownThenAnswers503() throws Exception {
        for (int i = 4; i >= 0; i--) {
            HttpResponse<Buffer> r = get("/warehouse-service/warehouse");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.getHeader("brightpearl-requests-remaining")).isEqualTo(String.valueOf(i));
            long next = Long.parseLong(r.getHeader("brightpearl-next-throttle-period"));
            assertThat(next).isBetween(1L, 60_000L);
        }
        HttpResponse<Buffer> over = get("/warehouse-service/warehouse");
        assertThat(over.statusCode()).isEqualTo(503);
        assertThat(over.bodyAsJsonObject()).isEqualTo(new JsonObject().put("response", TOO_MANY));
        assertThat(over.getHeader("brightpearl-requests-remaining")).isEqualTo("0");
        assertThat(Long.parseLong(over.getHeader("brightpearl-next-throttle-period"))).isBetween(1L, 60_000L);

        JsonObject stats = control(HttpMethod.GET, "/stats", null).bodyAsJsonObject();
        assertThat(stats.getLong("throttled")).isEqualTo(1);
        assertThat(stats.getLong("total")).isEqualTo(6);
        assertThat(stats.getJsonObject("routes").getLong("GET /warehouse-service/warehouse")).isEqualTo(6);
    }

    @Test
    void unauthorisedRequestsCarryHeadersAndSpendBudget() throws Exception {
        HttpResponse<Buffer> r = await(raw(HttpMethod.GET, api("/warehouse-service/warehouse")).send());
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.getHeader("brightpearl-requests-remaining")).isEqualTo("4");
    }

    @Test
    void budgetCanBeChangedAtRunTime() throws Exception {
        control(HttpMethod.PUT, "/options", new JsonObject().put("requestsPerMinute", 0));
        for (int i = 0; i < 12; i++) {
            assertThat(get("/warehouse-service/warehouse").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void forceThrottleAnswersTheThrottledResponse() throws Exception {
        control(HttpMethod.PUT, "/faults", new JsonObject().put("forceThrottle", true));
        HttpResponse<Buffer> r = get("/warehouse-service/warehouse");
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.bodyAsJsonObject().getString("response")).isEqualTo(TOO_MANY);
    }

    @Test
    void downIsA503ThatIsNotThrottling() throws Exception {
        control(HttpMethod.PUT, "/faults", new JsonObject().put("down", true));
        HttpResponse<Buffer> r = get("/warehouse-service/warehouse");
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.bodyAsJsonObject().getString("response")).contains("unavailable").doesNotContain("too many");
        control(HttpMethod.PUT, "/faults", new JsonObject().put("down", false));
        assertThat(get("/warehouse-service/warehouse").statusCode()).isEqualTo(200);
    }

    @Test
    void errorRateInjectsCmnu003() throws Exception {
        control(HttpMethod.PUT, "/faults", new JsonObject().put("errorRate", 1.0));
        HttpResponse<Buffer> r = get("/warehouse-service/warehouse");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getString("code")).isEqualTo("CMNU-003");
    }
}
