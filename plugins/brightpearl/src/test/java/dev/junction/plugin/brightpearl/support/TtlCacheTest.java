package dev.junction.plugin.brightpearl.support;

import io.vertx.core.Future;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class TtlCacheTest {
    private Instant now = Instant.parse("2026-12-04T10:00:00Z");
    private final Clock clock = new Clock() {
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
            return now;
        }
    };

    @Test
    void anEntryIsServedUntilItExpiresThenLoadedAgain() {
        TtlCache<String, String> cache = new TtlCache<>(clock, Duration.ofMinutes(10));
        AtomicInteger loads = new AtomicInteger();
        cache.get("k", () -> Future.succeededFuture("v" + loads.incrementAndGet()));
        now = now.plus(Duration.ofMinutes(9));
        assertThat(cache.get("k", () -> Future.succeededFuture("v" + loads.incrementAndGet())).result()).isEqualTo("v1");
        now = now.plus(Duration.ofMinutes(2));
        assertThat(cache.get("k", () -> Future.succeededFuture("v" + loads.incrementAndGet())).result()).isEqualTo("v2");
    }

    @Test
    void expiredEntriesAreDroppedAsNewOnesArriveSoTheCacheDoesNotGrowWithEveryKeyEverSeen() {
        TtlCache<Integer, Integer> cache = new TtlCache<>(clock, Duration.ofMinutes(30));
        int perHalfHour = 3 * TtlCache.SWEEP_EVERY;
        for (int window = 0; window < 10; window++) {
            for (int i = 0; i < perHalfHour; i++) {
                cache.put(window * perHalfHour + i, i);
            }
            now = now.plus(Duration.ofMinutes(31));
        }
        // ten half-hours of distinct keys: without the sweep all 30,720 would be held
        assertThat(cache.size()).isLessThanOrEqualTo(perHalfHour + TtlCache.SWEEP_EVERY);
    }
}
