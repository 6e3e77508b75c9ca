package dev.junction.plugin.starshipit.client;

import dev.junction.api.error.PermanentException;
import dev.junction.api.error.RetryableException;
import dev.junction.api.error.ThrottledException;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Starshipit's envelope read loosely, and each refusal mapped to what the hub should do. */
class StarshipitErrorsTest {

    @Test
    void successIsReadLoosely() {
        assertThat(StarshipitErrors.success(new JsonObject().put("success", true))).isTrue();
        assertThat(StarshipitErrors.success(new JsonObject().put("success", 1))).isTrue();
        assertThat(StarshipitErrors.success(new JsonObject().put("success", "true"))).isTrue();
        assertThat(StarshipitErrors.success(new JsonObject())).as("no envelope").isTrue();
        assertThat(StarshipitErrors.success(new JsonObject().put("success", false))).isFalse();
        assertThat(StarshipitErrors.success(new JsonObject().put("success", 0))).isFalse();
    }

    @Test
    void aValidationRefusalKeepsStarshipitsMessageAndDetails() {
        JsonObject body = new JsonObject("{\"success\":false,\"errors\":[{\"message\":\"Destination address is invalid: "
                + "post code 0000 not found for country AU\",\"details\":\"order.destination.post_code\"},"
                + "{\"message\":\"items[0].sku must be 50 characters or fewer\"}]}");
        var e = StarshipitErrors.toException("POST /orders", 400, body, null);

        assertThat(e).isInstanceOf(StarshipitRejection.class).isInstanceOf(PermanentException.class)
                .hasMessageContaining("Destination address is invalid: post code 0000 not found for country AU (order.destination.post_code)")
                .hasMessageContaining("items[0].sku must be 50 characters or fewer");
        assertThat(((StarshipitRejection) e).errors()).hasSize(2);
    }

    @Test
    void refusedKeysSayWhereToCopyThemFrom() {
        var e = StarshipitErrors.toException("GET /orders/unshipped", 401,
                new JsonObject("{\"success\":false,\"errors\":[{\"message\":\"Access denied\"}]}"), null);
        assertThat(e).isInstanceOf(PermanentException.class)
                .hasMessageStartingWith("Starshipit refused the API keys: copy both keys again from Settings > API");
    }

    @Test
    void serverErrorsAreRetryableAndThrottlingWaitsForRetryAfter() {
        var server = StarshipitErrors.toException("GET /orders/shipped", 503, new JsonObject(), null);
        var throttled = StarshipitErrors.toException("GET /orders/shipped", 429, new JsonObject(), "3");

        assertThat(server).isInstanceOf(RetryableException.class).isNotInstanceOf(ThrottledException.class);
        assertThat(throttled).isInstanceOf(ThrottledException.class);
        assertThat(((ThrottledException) throttled).retryAfter()).contains(Duration.ofSeconds(3));
    }

    @Test
    void configNeedsBothKeysAndHidesThemWhenPrinted() {
        var c = StarshipitConfig.from(new JsonObject().put("apiKey", "k-123456").put("subscriptionKey", "s-987654")
                .put("baseUrl", "http://127.0.0.1:9/api/"));
        assertThat(c.api("/orders")).isEqualTo("http://127.0.0.1:9/api/orders");
        assertThat(c.requestsPerSecond()).isEqualTo(2);
        assertThat(c.toString()).doesNotContain("k-123456").doesNotContain("s-987654");
        assertThat(c.limiterKey()).startsWith("starshipit:").doesNotContain("k-123456");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StarshipitConfig.from(new JsonObject().put("apiKey", "k")))
                .isInstanceOf(PermanentException.class).hasMessageContaining("Settings > API");
    }
}
