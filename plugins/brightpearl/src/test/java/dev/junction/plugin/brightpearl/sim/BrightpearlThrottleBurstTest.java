package dev.junction.plugin.brightpearl.sim;

import dev.junction.plugin.brightpearl.BrightpearlConnection;
import dev.junction.plugin.brightpearl.client.BrightpearlConfig;
import dev.junction.plugin.brightpearl.client.BrightpearlRatePolicy;
import dev.junction.sandbox.brightpearl.BrightpearlOptions;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A burst of 1,000 order look-ups through the connector's client against a simulator that allows 200
 * requests per rolling 3 s window. That is Brightpearl's 200 per rolling minute with time running 20 times
 * faster: the same 200-request budget per window, the same burst-to-budget ratio of 5 to 1, so the burst
 * needs at least five windows either way (five minutes live, about fifteen seconds here). The hub's limiter
 * for the account is sized to the same 200 per 3 s, as it is sized to 200 per minute in production.
 *
 * <p>The connector may run into the throttle (the limiter refills continuously while Brightpearl's window
 * rolls), but a throttled 503 must be waited out and re-sent, never answered as a failure: every look-up
 * succeeds with its own order, and every throttled response the simulator sent is one the client saw and
 * re-sent.
 */
class BrightpearlThrottleBurstTest extends SimulatorTestBase {
    private static final int BUDGET = 200;
    private static final Duration WINDOW = Duration.ofSeconds(3);
    private static final int OPERATIONS = 1_000;
    private static final int ORDERS = 50;

    @Override
    protected BrightpearlOptions simOptions() {
        return BrightpearlOptions.defaults().withThrottle(BUDGET, WINDOW);
    }

    @Override
    protected void beforeConnections() {
        // the first policy registered for a limiter key sizes its bucket: the production policy scaled like the simulator
        String key = BrightpearlConfig.from(settings()).limiterKey();
        services.http().client(key, new BrightpearlRatePolicy(BUDGET, WINDOW));
    }

    @Test
    void aThousandLookUpsAgainstA200PerWindowBudgetAllSucceed() throws Exception {
        long customer = seedContact("burst@example.com");
        long product = seedProduct("BURST-1", new JsonObject().put("2", 100));
        List<Long> orderIds = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            orderIds.add(seedOrder(customer, "BURST-" + i, product));
        }
        control(HttpMethod.POST, "/stats/reset", new JsonObject());

        BrightpearlConnection bp = BrightpearlConnection.open(context("bp-burst"));
        AtomicInteger failures = new AtomicInteger();
        List<Future<Long>> lookUps = new ArrayList<>();
        for (int i = 0; i < OPERATIONS; i++) {
            long id = orderIds.get(i % ORDERS);
            lookUps.add(bp.client().get("/order-service/order/" + id)
                    .map(v -> ((JsonArray) v).getJsonObject(0).getLong("id"))
                    .onFailure(e -> failures.incrementAndGet()));
        }
        Future.join(lookUps).toCompletionStage().toCompletableFuture().exceptionally(e -> null)
                .get(90, java.util.concurrent.TimeUnit.SECONDS);

        assertThat(failures.get()).as("look-ups answered as failures").isZero();
        for (int i = 0; i < OPERATIONS; i++) {
            assertThat(lookUps.get(i).result()).as("look-up %d", i).isEqualTo(orderIds.get(i % ORDERS));
        }
        JsonObject stats = controlObject(HttpMethod.GET, "/stats", null);
        long throttled = stats.getLong("throttled");
        long seenByClient = (long) services.metrics().counterTotal("remote.throttled");
        assertThat(seenByClient).as("every 503 the simulator sent was seen by the limiter and waited out")
                .isEqualTo(throttled);
        assertThat(stats.getLong("total")).as("each throttled request was sent again, nothing more")
                .isEqualTo(OPERATIONS + throttled);
        assertThat(stats.getJsonObject("routes").getLong("GET /order-service/order/{id}")).isEqualTo(OPERATIONS + throttled);
        System.out.printf("burst of %d against %d per %s: %d throttled responses, 0 failures%n",
                OPERATIONS, BUDGET, WINDOW, throttled);
    }
}
