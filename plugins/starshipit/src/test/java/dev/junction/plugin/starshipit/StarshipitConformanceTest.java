package dev.junction.plugin.starshipit;

import dev.junction.api.Connector;
import dev.junction.conformance.ConnectorConformanceKit;
import dev.junction.plugin.starshipit.support.SimHarness;
import dev.junction.sandbox.starshipit.StarshipitOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The hub's acceptance tests for connectors against the Starshipit simulator: {@code shipments} polled from
 * orders whose labels the simulated merchant printed, {@code orders} as the sink.
 */
class StarshipitConformanceTest extends ConnectorConformanceKit {
    private final AtomicInteger seq = new AtomicInteger();
    private SimHarness sim;

    @Override
    protected Connector connector() {
        return new StarshipitConnector();
    }

    @Override
    protected String startSimulator(Vertx vertx) throws Exception {
        sim = SimHarness.on(vertx, StarshipitOptions.forTests());
        return sim.server.baseUrl();
    }

    @Override
    protected void stopSimulator() throws Exception {
        sim.close();
    }

    @Override
    protected JsonObject goodSettings() {
        return sim.settings();
    }

    @Override
    protected JsonObject badCredentialSettings() {
        return sim.settings().put("apiKey", "not-the-api-key-123").put("subscriptionKey", "not-the-subscription-456");
    }

    @Override
    protected PollCase pollCase() {
        return new PollCase("shipments", new JsonObject(), this::seedShipped);
    }

    /** Orders sent by "Junction" (reference conn:id), each label printed at once, so many share a second. */
    private List<String> seedShipped(int count) throws Exception {
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = seq.incrementAndGet();
            JsonObject order = sim.createOrder("SEED-" + n, "kit-bp:" + (70_000 + n));
            sim.print(String.valueOf(order.getValue("order_id")));
            numbers.add("SEED-" + n);
        }
        return numbers;
    }

    @Override
    protected SinkCase sinkCase() {
        var f = SimHarness.order("9001", "KIT-9001", "2000",
                List.of(SimHarness.line("row-1", "KIT-SKU", "2", "12.50", "0.5", "6109.10", "CN")));
        return new SinkCase("orders", f, "kit-source:9001", () -> sim.ordersWithReference("kit-source:9001").size());
    }
}
