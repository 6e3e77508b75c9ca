package dev.junction.plugin.shiphero;

import dev.junction.api.model.Fulfilment;
import dev.junction.api.sink.SinkResult;
import dev.junction.plugin.shiphero.client.CreditErrors;
import dev.junction.sandbox.shiphero.ShipHeroOptions;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Credit throttling: a small bucket slows the connector down, and nothing fails. */
class ShipHeroThrottleTest {

    @Test
    void aSmallCreditBucketSlowsOrdersDownWithoutFailingAny() throws Exception {
        try (Harness h = new Harness(ShipHeroOptions.forTests().withCredits(40, 20))) {
            h.services.putMappingTable("shiphero-warehouses", Map.of("2", "Primary"), null);
            h.sim.setCredits(0); // start out of credits, so the first call is refused for credits
            List<Future<SinkResult>> writes = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Fulfilment gon = SandboxControl.note("30" + i, "40" + i, "SO-30" + i, "2", "Ground", "MUG-1");
                writes.add(h.orders().write(new dev.junction.api.sink.SinkRequest<>(gon, null, "bp-main:30" + i,
                        java.util.Optional.empty(), new JsonObject(), 1)));
            }
            List<SinkResult> results = new ArrayList<>();
            for (Future<SinkResult> w : writes) {
                results.add(Harness.await(w));
            }
            assertThat(results).allSatisfy(r -> assertThat(r.outcome()).isEqualTo(SinkResult.Outcome.CREATED));
            assertThat(h.sim.orders()).hasSize(8);
            assertThat(h.sim.stats().getLong("throttled")).as("ShipHero refused calls for credits").isPositive();
            assertThat(h.services.metrics().counterTotal("remote.throttled")).as("the hub waited them out").isPositive();
        }
    }

    @Test
    void theWaitIsReadFromEitherPhrasingOrFromTimeRemaining() {
        JsonObject tryAgain = new JsonObject().put("message", "There are not enough credits to perfom the requested operation, "
                + "which requires 101 credits. The max allowed for your account is 4004 credits per operation. Try again in 7 seconds");
        JsonObject in = new JsonObject().put("message", "There are not enough credits to perfom the requested operation, which "
                + "requires 1001 credits. In 12 seconds you will have enough credits");
        JsonObject keyed = in.copy().put("time_remaining", "3 seconds");

        assertThat(CreditErrors.isCreditError(tryAgain)).isTrue();
        assertThat(CreditErrors.waitOf(tryAgain)).isEqualTo(Duration.ofSeconds(7));
        assertThat(CreditErrors.waitOf(in)).isEqualTo(Duration.ofSeconds(12));
        assertThat(CreditErrors.waitOf(keyed)).isEqualTo(Duration.ofSeconds(3));
        assertThat(CreditErrors.exceedsMaximum(tryAgain)).isFalse();
        assertThat(CreditErrors.exceedsMaximum(new JsonObject().put("message", "There are not enough credits to perfom the "
                + "requested operation, which requires 5000 credits. The max allowed for your account is 4004 credits per operation."
                + " Try again in 1 seconds"))).as("an operation that can never run is not a throttle").isTrue();
        assertThat(CreditErrors.isCreditError(new JsonObject().put("message", "Field 'sku' is required"))).isFalse();
    }
}
