package dev.junction.hub.flow;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTest {
    final RetryPolicy p = new RetryPolicy(5, Duration.ofSeconds(2), Duration.ofMinutes(1));

    @Test
    void backsOffExponentiallyWithinJitterBoundsAndTheCap() {
        for (int i = 0; i < 200; i++) {
            assertThat(p.delay(1, Optional.empty())).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(3));
            assertThat(p.delay(3, Optional.empty())).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(12));
            assertThat(p.delay(20, Optional.empty())).isLessThanOrEqualTo(Duration.ofMinutes(1));
        }
    }

    @Test
    void neverSoonerThanTheRemotesHint() {
        assertThat(p.delay(1, Optional.of(Duration.ofSeconds(45)))).isGreaterThanOrEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void exhaustedAfterMaxAttempts() {
        assertThat(p.exhausted(4)).isFalse();
        assertThat(p.exhausted(5)).isTrue();
    }
}
