package dev.junction.plugin.starshipit.client;

import dev.junction.api.source.PollRequest;
import dev.junction.api.source.SourceHandler;
import dev.junction.api.source.SourcePage;
import dev.junction.plugin.starshipit.support.SimHarness;
import dev.junction.sandbox.starshipit.StarshipitOptions;
import io.vertx.core.Future;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Starshipit's developer limit, 2 requests a second: met by pacing, and a 429 is waited out, never a failure. */
class StarshipitRateLimitTest {

    @Test
    void requestsArePacedEvenlyWithHeadroomUnderTheConfiguredRate() {
        var developer = StarshipitClient.pacing(2);
        var production = StarshipitClient.pacing(20);

        assertThat(developer.capacity()).as("no bursts: Starshipit counts arrivals").isEqualTo(1);
        assertThat(developer.window()).isEqualTo(Duration.ofMillis(550));
        assertThat(production.window()).isEqualTo(Duration.ofMillis(55));
    }

    @Test
    void aBudgetSetTooHighMeets429sAndWaitsThemOut() throws Exception {
        try (SimHarness sim = SimHarness.start(StarshipitOptions.forTests().withRateLimit(2))) {
            SourceHandler source = sim.handlers("ss", sim.settings().put("requestsPerSecond", 20)).source("shipments").orElseThrow();
            List<Future<SourcePage>> polls = burst(source, 6);

            assertThat(polls).allSatisfy(f -> assertThat(f.succeeded()).as("throttled, then answered").isTrue());
            assertThat(sim.stats().getLong("throttled")).as("the simulator did refuse some").isPositive();
            assertThat(sim.services.metrics().counterTotal("remote.throttled")).isPositive();
        }
    }

    private static List<Future<SourcePage>> burst(SourceHandler source, int n) throws Exception {
        List<Future<SourcePage>> polls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            polls.add(source.poll(new PollRequest(Instant.now().minus(Duration.ofMinutes(1)), null, null, 10, null)));
        }
        for (Future<SourcePage> f : polls) {
            try {
                SimHarness.await(f);
            } catch (Exception e) {
                // recorded in the future itself; asserted by the caller
            }
        }
        return polls;
    }
}
