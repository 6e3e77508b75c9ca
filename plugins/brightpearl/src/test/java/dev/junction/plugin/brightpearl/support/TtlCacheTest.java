package dev.junction.plugin.brightpearl.support;

import dev.junction.plugin.brightpearl.sim.SimulatorTestBase;
import io.vertx.core.Future;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class TtlCacheTest {
    private final AtomicLong shiftMs = new AtomicLong();
    private final Clock clock = new SimulatorTestBase.ShiftedClock(shiftMs);

    private void advance(Duration d) {
        shiftMs.addAndGet(d.toMillis());
    }

    @Test
    void anEntryIsServedUntilItExpiresThenLoadedAgain() {
        TtlCache<String, String> cache = new TtlCache<>(clock, Duration.ofMinutes(10));
        AtomicInteger loads = new AtomicInteger();
        cache.get("k", () -> Future.succeededFuture("v" + loads.incrementAndGet()));
        advance(Duration.ofMinutes(9));
        assertThat(cache.get("k", () -> Future.succeededFuture("v" + loads.incrementAndGet())).result()).isEqualTo("v1");
        advance(Duration.ofMinutes(2));
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
            advance(Duration.ofMinutes(31));
        }
        // ten half-hours of distinct keys: without the sweep all 30,720 would be held
        assertThat(cache.size()).isLessThanOrEqualTo(perHalfHour + TtlCache.SWEEP_EVERY);
    }
}
