package dev.junction.sandbox.bench;

import dev.junction.sandbox.bigcommerce.BigCommerceOptions;
import dev.junction.sandbox.bigcommerce.BigCommerceSimulator;
import dev.junction.sandbox.core.SimulatorServer;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The warm-up's extra rounds must not use up the orders drawn ahead for the measured phase: against the real
 * BigCommerce simulator, orders placed while some are kept held are generated, and the kept ones are released
 * once the keep is lifted.
 */
class WorkloadHeldOrdersTest {
    Vertx vertx;
    SimulatorServer store;
    BenchHttp http;

    @BeforeEach
    void setUp() throws Exception {
        vertx = Vertx.vertx();
        store = new SimulatorServer(new BigCommerceSimulator(BigCommerceOptions.defaults()), 7);
        store.start(vertx, 0).await(10, TimeUnit.SECONDS);
        http = new BenchHttp(vertx);
    }

    @AfterEach
    void tearDown() throws Exception {
        store.stop().await(10, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void ordersPlacedWhileSomeAreKeptAreGeneratedAndTheKeptOnesAreTheMeasuredPhases() {
        Workload w = new Workload(http, store.baseUrl(), "http://127.0.0.1:1", 42, true);
        w.drawAhead(10); // ids are given when drawn, so these ten are the lowest of the run

        w.keepHeld(6);
        int warmUp = w.placePaced(9, 0, System.currentTimeMillis() + 10_000);
        List<Integer> warmUpIds = List.copyOf(w.placedAt().keySet());

        w.newPhase();
        w.keepHeld(0);
        List<Integer> measured = w.place(6);

        assertThat(warmUp).isEqualTo(9);
        List<Integer> all = new java.util.ArrayList<>(warmUpIds);
        all.addAll(measured);
        List<Integer> drawn = all.stream().sorted().limit(10).toList();
        assertThat(warmUpIds.stream().filter(drawn::contains)).as("drawn-ahead orders the warm-up released").hasSize(4);
        assertThat(warmUpIds.stream().filter(id -> !drawn.contains(id))).as("orders the warm-up generated").hasSize(5);
        assertThat(measured).as("the measured phase gets the six kept").hasSize(6).allMatch(drawn::contains);
        // The generated ones come from customers of their own, so none of the kept orders' customers is already
        // known by the time those are placed.
        io.vertx.core.json.JsonArray orders = (io.vertx.core.json.JsonArray) http.get(store.baseUrl() + "/_sandbox/orders");
        java.util.Map<Integer, String> emails = new java.util.HashMap<>();
        for (Object o : orders) {
            io.vertx.core.json.JsonObject order = (io.vertx.core.json.JsonObject) o;
            emails.put(order.getInteger("id"), order.getJsonObject("billing_address").getString("email"));
        }
        assertThat(warmUpIds.stream().filter(id -> !drawn.contains(id)).map(emails::get))
                .as("customers of the generated orders").hasSize(5).allMatch(e -> e.contains(".warm-up."));
        assertThat(drawn.stream().map(emails::get)).noneMatch(e -> e.contains(".warm-up."));
    }
}
