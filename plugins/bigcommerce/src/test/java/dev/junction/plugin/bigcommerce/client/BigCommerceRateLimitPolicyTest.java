package dev.junction.plugin.bigcommerce.client;

import dev.junction.api.http.RateLimitPolicy;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class BigCommerceRateLimitPolicyTest {

    private final BigCommerceRateLimitPolicy policy = new BigCommerceRateLimitPolicy();

    @Test
    void budgetComesFromBigCommercesHeadersAndTheQuotaIsLearnt() {
        assertThat(policy.capacity()).isEqualTo(150);
        assertThat(policy.window()).isEqualTo(Duration.ofSeconds(30));

        var budget = policy.observe(headers(Map.of("X-Rate-Limit-Requests-Left", "37",
                "X-Rate-Limit-Time-Reset-Ms", "12500", "X-Rate-Limit-Requests-Quota", "450")));

        assertThat(budget).contains(new RateLimitPolicy.Budget(37, Duration.ofMillis(12500)));
        assertThat(policy.capacity()).isEqualTo(450);
    }

    @Test
    void noHeadersMeansNoOpinion() {
        assertThat(policy.observe(headers(Map.of()))).isEmpty();
    }

    @Test
    void status429WaitsForTheWindowReset() {
        assertThat(policy.throttled(429, headers(Map.of("X-Rate-Limit-Time-Reset-Ms", "4200")))).contains(Duration.ofMillis(4200));
        assertThat(policy.throttled(429, headers(Map.of("X-Retry-After", "3")))).contains(Duration.ofSeconds(3));
        // A 429 without headers is platform overload: back off a little rather than hammer.
        assertThat(policy.throttled(429, headers(Map.of()))).contains(Duration.ofSeconds(5));
        assertThat(policy.throttled(200, headers(Map.of("X-Rate-Limit-Time-Reset-Ms", "4200")))).isEmpty();
        assertThat(policy.throttled(500, headers(Map.of()))).isEmpty();
    }

    private static Function<String, String> headers(Map<String, String> h) {
        return name -> h.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }
}
