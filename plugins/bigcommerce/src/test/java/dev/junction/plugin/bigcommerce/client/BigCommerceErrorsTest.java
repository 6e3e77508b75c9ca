package dev.junction.plugin.bigcommerce.client;

import dev.junction.api.error.PermanentException;
import dev.junction.api.error.RetryableException;
import dev.junction.api.error.SyncException;
import dev.junction.api.error.ThrottledException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BigCommerceErrorsTest {

    @Test
    void v2ErrorArrayKeepsBigCommercesMessage() {
        SyncException e = BigCommerceErrors.toException("POST /v2/orders/218/shipments", 400,
                "[{\"status\":400,\"message\":\"The quantity specified is greater than the quantity that remains to be shipped.\"}]",
                h -> null);

        assertThat(e).isInstanceOf(PermanentException.class)
                .hasMessageContaining("POST /v2/orders/218/shipments")
                .hasMessageContaining("greater than the quantity that remains to be shipped");
    }

    @Test
    void v3ProblemJsonNamesTitleAndFields() {
        SyncException e = BigCommerceErrors.toException("PUT /v3/inventory/adjustments/absolute", 422,
                "{\"status\":422,\"title\":\"Item with variant_id 106 is tracked by product\",\"type\":\"x\",\"errors\":{\"items.0.sku\":\"unknown sku\"}}",
                h -> null);

        assertThat(e).isInstanceOf(PermanentException.class)
                .hasMessageContaining("tracked by product").hasMessageContaining("items.0.sku: unknown sku");
    }

    @Test
    void serverErrorsAreRetryableWithBigCommercesHint() {
        SyncException e = BigCommerceErrors.toException("GET /v2/orders", 503, "[{\"status\":503,\"message\":\"Service Unavailable\"}]",
                h -> Map.of("X-Retry-After", "7").get(h));

        assertThat(e).isInstanceOf(RetryableException.class).isNotInstanceOf(PermanentException.class);
        assertThat(((RetryableException) e).retryAfter()).contains(Duration.ofSeconds(7));
    }

    @Test
    void authFailuresSayWhatToFixWithoutTheToken() {
        SyncException e = BigCommerceErrors.toException("GET /v2/orders", 401, "[{\"status\":401,\"message\":\"The X-Auth-Token is invalid.\"}]", h -> null);

        assertThat(e).isInstanceOf(PermanentException.class).hasMessageContaining("accessToken");
    }

    @Test
    void throttledAfterRetriesIsBackpressure() {
        SyncException e = BigCommerceErrors.toException("GET /v2/orders", 429, "", h -> Map.of("X-Rate-Limit-Time-Reset-Ms", "900").get(h));

        assertThat(e).isInstanceOf(ThrottledException.class);
        assertThat(((ThrottledException) e).retryAfter()).contains(Duration.ofMillis(900));
    }

    @Test
    void nonJsonBodiesAreQuotedTrimmed() {
        assertThat(BigCommerceErrors.describe("<html>Bad gateway</html>")).isEqualTo("<html>Bad gateway</html>");
        assertThat(BigCommerceErrors.describe("x".repeat(2000))).hasSizeLessThan(600);
        assertThat(BigCommerceErrors.describe("")).isEmpty();
    }
}
