package dev.junction.hub.http;

import dev.junction.api.http.RateLimitPolicy.Budget;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketTest {
    final Vertx vertx = Vertx.vertx();
    final AtomicLong now = new AtomicLong(1_000_000);
    final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now.get());
        }
    };

    @AfterEach
    void close() {
        vertx.close();
    }

    @Test
    void spendsTheBurstThenRefillsAtTheRate() {
        TokenBucket b = new TokenBucket(vertx, clock, 200, Duration.ofMinutes(1));
        for (int i = 0; i < 200; i++) {
            assertThat(b.acquire().isComplete()).as("token %d available at once", i).isTrue();
            b.done();
        }
        assertThat(b.acquire().isComplete()).as("the 201st waits").isFalse();
        now.addAndGet(300); // 200/min = one token per 300 ms
        assertThat(b.tokens()).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void theRemotesRemainingCountOverridesTheLocalEstimateAndBlocksUntilReset() {
        TokenBucket b = new TokenBucket(vertx, clock, 200, Duration.ofMinutes(1));
        b.observe(new Budget(0, Duration.ofSeconds(20)));
        assertThat(b.acquire().isComplete()).as("the remote said none are left").isFalse();
        now.addAndGet(19_000);
        assertThat(b.tokens()).as("refill does not override the remote's block").isGreaterThan(0);
        assertThat(b.acquire().isComplete()).isFalse();
    }

    @Test
    void requestsInFlightAreCountedAgainstTheRemotesFigure() {
        TokenBucket b = new TokenBucket(vertx, clock, 200, Duration.ofMinutes(1));
        for (int i = 0; i < 5; i++) {
            b.acquire();
        }
        b.observe(new Budget(5, Duration.ofSeconds(30)));
        assertThat(b.tokens()).as("5 remaining minus 5 still in flight").isZero();
    }

    @Test
    void aRemoteWithABiggerBudgetThanThePolicyAssumedRaisesTheEstimate() {
        TokenBucket b = new TokenBucket(vertx, clock, 10, Duration.ofSeconds(1));
        for (int i = 0; i < 10; i++) {
            b.acquire();
            b.done();
        }
        assertThat(b.acquire().isComplete()).as("the policy's 10 are spent").isFalse();
        b.observe(new Budget(500, Duration.ofSeconds(30)));
        assertThat(b.tokens()).as("the remote says 500 remain").isGreaterThanOrEqualTo(499);
        assertThat(b.acquire().isComplete()).isTrue();
    }

    @Test
    void aThrottledResponseBlocksForTheHintedTime() {
        TokenBucket b = new TokenBucket(vertx, clock, 10, Duration.ofSeconds(1));
        b.block(Duration.ofSeconds(2));
        assertThat(b.acquire().isComplete()).isFalse();
    }
}
