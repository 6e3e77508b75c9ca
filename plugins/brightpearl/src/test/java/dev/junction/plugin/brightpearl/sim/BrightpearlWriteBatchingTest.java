package dev.junction.plugin.brightpearl.sim;

import dev.junction.api.model.LineType;
import dev.junction.api.model.Money;
import dev.junction.api.model.Order;
import dev.junction.api.model.OrderLine;
import dev.junction.api.model.Party;
import dev.junction.api.sink.SinkResult;
import dev.junction.hub.connection.ConnectionHandlers;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sales orders written at the same moment travel to the simulator together in multi-messages, each created
 * once with its own id, and spend far fewer requests of the budget than orders; with {@code batchWrites:
 * false} each is a request of its own.
 */
class BrightpearlWriteBatchingTest extends SimulatorTestBase {
    private static final String SALES_ORDER = "POST /order-service/sales-order";
    private static final String MULTI = "POST /multi-message";
    private static final JsonObject NO_NOTES = new JsonObject().put("customerMessageTo", "none").put("staffNotesTo", "none");
    private static final Party ADA = BrightpearlLookupEconomyTest.customer("batch@example.com", "1 Main St", "555-0100");
    private int orders;

    @BeforeEach
    void resetSimulator() throws Exception {
        control(HttpMethod.POST, "/reset", null);
    }

    private Order order() {
        String id = "batch-" + (++orders);
        OrderLine line = new OrderLine("1", LineType.PRODUCT, "NOSKU", "Free-text line", BigDecimal.ONE,
                Money.of("10.00", "USD"), Money.of("0.00", "USD"), List.of(), null);
        return new Order(id, "#" + id, Instant.parse("2026-07-01T10:00:00Z"), "Awaiting Fulfillment", "USD", BigDecimal.ONE,
                ADA, ADA, ADA, List.of(line), Money.of("10.00", "USD"), "Express Shipping", null, null, null, Map.of());
    }

    /** Writes {@code n} orders at once (after one that creates the customer), while Brightpearl answers 100 ms late. */
    private List<SinkResult> burst(ConnectionHandlers h, int n) throws Exception {
        Order first = order();
        assertThat(write(h, "sales-orders", first, first.sourceId(), NO_NOTES).outcome()).isEqualTo(SinkResult.Outcome.CREATED);
        control(HttpMethod.POST, "/stats/reset", new JsonObject());
        control(HttpMethod.PUT, "/faults", new JsonObject().put("latencyMs", 100));
        try {
            List<Future<SinkResult>> all = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Order o = order();
                all.add(sink(h, "sales-orders", o, o.sourceId(), NO_NOTES));
            }
            await(Future.all(all));
            return all.stream().map(Future::result).toList();
        } finally {
            control(HttpMethod.PUT, "/faults", new JsonObject().put("latencyMs", 0));
        }
    }

    private static long count(JsonObject stats, String key, String route) {
        return stats.getJsonObject(key, new JsonObject()).getLong(route, 0L);
    }

    @Test
    void ordersWrittenTogetherTravelInMultiMessagesAndEachIsCreatedOnce() throws Exception {
        ConnectionHandlers h = handlers(services.context(connector, "bp-batch",
                settings().put("writeConcurrency", 1)));
        List<SinkResult> results = burst(h, 25);

        Set<String> ids = new HashSet<>();
        for (SinkResult r : results) {
            assertThat(r.outcome()).isEqualTo(SinkResult.Outcome.CREATED);
            ids.add(r.remoteId());
        }
        assertThat(ids).as("25 orders, 25 distinct Brightpearl ids").hasSize(25);
        assertThat(controlArray("/orders")).hasSize(26);

        JsonObject stats = controlObject(HttpMethod.GET, "/stats", null);
        long alone = count(stats, "routes", SALES_ORDER);
        long inside = count(stats, "messages", SALES_ORDER);
        long batches = count(stats, "routes", MULTI);
        assertThat(alone + inside).as("every order posted once, alone or inside a batch").isEqualTo(25);
        assertThat(batches).as("writes that waited for the one write slot left together").isGreaterThanOrEqualTo(2);
        assertThat(alone + batches).as("requests spent on 25 sales orders (one alone, then batches of up to ten)")
                .isLessThanOrEqualTo(8);
    }

    @Test
    void withBatchWritesOffEachWriteIsARequestOfItsOwn() throws Exception {
        ConnectionHandlers h = handlers(services.context(connector, "bp-single",
                settings().put("batchWrites", false).put("writeConcurrency", 1)));
        List<SinkResult> results = burst(h, 10);

        assertThat(results).extracting(SinkResult::outcome).containsOnly(SinkResult.Outcome.CREATED);
        JsonObject stats = controlObject(HttpMethod.GET, "/stats", null);
        assertThat(count(stats, "routes", SALES_ORDER)).isEqualTo(10);
        assertThat(count(stats, "routes", MULTI)).isZero();
    }
}
