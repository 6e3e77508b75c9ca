package dev.junction.flowtests;

import dev.junction.hub.store.SyncStatus;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static dev.junction.flowtests.FlowHub.Await;
import static org.assertj.core.api.Assertions.assertThat;

/** Order statuses mapped both ways through the {@code order-statuses} table, each direction by webhook. */
class OrderStatusFlowTest {
    static final Map<String, String> PRICES = Map.of("TEE-BLK", "20.00");
    // Brightpearl seeds: 1 New, 2 Processing, 3 Ready to ship, 4 Shipped, 5 Completed, 6 Cancelled, 8 On hold.
    // BigCommerce: 9 Awaiting Shipment, 10 Completed, 11 Awaiting Fulfillment, 12 Manual Verification Required.

    @TempDir
    Path dir;
    FlowHub env;

    @BeforeEach
    void setUp() throws Exception {
        env = FlowHub.sandbox();
        env.seedProducts(PRICES, new JsonObject().put("2", 100));
    }

    @AfterEach
    void tearDown() throws Exception {
        if (env != null) {
            env.close();
        }
    }

    @Test
    void brightpearlStatusChangesReachTheStoreThroughTheMappingTable() throws Exception {
        JsonObject flow = FlowHub.flow("bp-status-to-store", "order-status",
                FlowHub.endpoint("brightpearl", "order-status-changes", new JsonObject()),
                FlowHub.endpoint("store", "order-status", new JsonObject()), new JsonObject().put("webhook", true));
        JsonObject tables = new JsonObject().put("order-statuses", FlowHub.table(Map.of(
                "Processing", "Awaiting Shipment", "On hold", "Manual Verification Required", "Completed", "10"), null));
        env.startHub(dir, new JsonArray().add(FlowHub.storeOrdersFlow(false)).add(flow), tables);
        int bcOrder = env.placeOrder("status@example.com", Map.of("TEE-BLK", 1), PRICES);
        long bpOrder = bpOrderFor(bcOrder);

        setBrightpearlStatus(bpOrder, 2);
        awaitStoreStatus(bcOrder, 9, "Processing → Awaiting Shipment");

        setBrightpearlStatus(bpOrder, 8);
        awaitStoreStatus(bcOrder, 12, "On hold → Manual Verification Required");

        // back to a status the order had before: still a change the store must see
        setBrightpearlStatus(bpOrder, 2);
        awaitStoreStatus(bcOrder, 9, "On hold → Processing again → Awaiting Shipment");

        // an unmapped status means nothing to the store: skipped, the store order is left as it is
        long skippedBefore = env.count("bp-status-to-store", SyncStatus.SKIPPED);
        setBrightpearlStatus(bpOrder, 3);
        Await.until("the unmapped 'Ready to ship' was skipped", Duration.ofSeconds(20),
                () -> env.count("bp-status-to-store", SyncStatus.SKIPPED) > skippedBefore);
        assertThat(env.bcOrder(bcOrder).getInteger("status_id")).isEqualTo(9);

        setBrightpearlStatus(bpOrder, 5);
        awaitStoreStatus(bcOrder, 10, "Completed → Completed (mapped by id)");
        assertThat(env.count("bp-status-to-store", SyncStatus.FAILED)).as(env.describe("bp-status-to-store")).isZero();
    }

    @Test
    void storeStatusChangesReachBrightpearlThroughTheMappingTable() throws Exception {
        JsonObject flow = FlowHub.flow("store-status-to-bp", "order-status",
                FlowHub.endpoint("store", "order-status-changes", new JsonObject()),
                FlowHub.endpoint("brightpearl", "order-status", new JsonObject()), new JsonObject().put("webhook", true));
        JsonObject tables = new JsonObject().put("order-statuses", FlowHub.table(Map.of(
                "Awaiting Shipment", "Processing", "Manual Verification Required", "On hold", "Completed", "Completed"), null));
        env.startHub(dir, new JsonArray().add(FlowHub.storeOrdersFlow(false)).add(flow), tables);
        int bcOrder = env.placeOrder("status2@example.com", Map.of("TEE-BLK", 2), PRICES);
        long bpOrder = bpOrderFor(bcOrder);
        assertThat(env.bpOrder(bpOrder).getLong("statusId")).as("created as New").isEqualTo(1L);

        setStoreStatus(bcOrder, 9);
        awaitBrightpearlStatus(bpOrder, 2, "Awaiting Shipment → Processing");

        setStoreStatus(bcOrder, 12);
        awaitBrightpearlStatus(bpOrder, 8, "Manual Verification Required → On hold");

        setStoreStatus(bcOrder, 10);
        awaitBrightpearlStatus(bpOrder, 5, "Completed → Completed");
        Await.until("the flow is idle", Duration.ofSeconds(10), () -> env.idle("store-status-to-bp"));
        assertThat(env.count("store-status-to-bp", SyncStatus.FAILED)).as(env.describe("store-status-to-bp")).isZero();
    }

    @Test
    void bothDirectionsAtOnceLeaveABrightpearlChangeAlone() throws Exception {
        // Each direction has its own table; the Brightpearl side skips store statuses it does not map, so the
        // echo of a change made in Brightpearl (written to the store, then reported back by the store) stops.
        JsonObject toStore = FlowHub.flow("bp-status-to-store", "order-status",
                FlowHub.endpoint("brightpearl", "order-status-changes", new JsonObject()),
                FlowHub.endpoint("store", "order-status", new JsonObject().put("statusTable", "bp-to-store-statuses")),
                new JsonObject().put("webhook", true));
        JsonObject toBrightpearl = FlowHub.flow("store-status-to-bp", "order-status",
                FlowHub.endpoint("store", "order-status-changes", new JsonObject()),
                FlowHub.endpoint("brightpearl", "order-status", new JsonObject()
                        .put("statusTable", "store-to-bp-statuses").put("unmapped", "skip")),
                new JsonObject().put("webhook", true));
        JsonObject tables = new JsonObject()
                .put("bp-to-store-statuses", FlowHub.table(Map.of("On hold", "Manual Verification Required"), null))
                .put("store-to-bp-statuses", FlowHub.table(Map.of("Awaiting Shipment", "Processing"), null));
        env.startHub(dir, new JsonArray().add(FlowHub.storeOrdersFlow(false)).add(toStore).add(toBrightpearl), tables);
        int bcOrder = env.placeOrder("both@example.com", Map.of("TEE-BLK", 1), PRICES);
        long bpOrder = bpOrderFor(bcOrder);

        setBrightpearlStatus(bpOrder, 8);
        awaitStoreStatus(bcOrder, 12, "On hold → Manual Verification Required");
        Await.until("the echo was handled", Duration.ofSeconds(20),
                () -> env.records("store-status-to-bp").size() >= 1 && env.idle("store-status-to-bp"));
        assertThat(env.bpOrder(bpOrder).getLong("statusId")).as("still On hold in Brightpearl; records:"
                + env.describe("store-status-to-bp")).isEqualTo(8L);

        // and the other way: a store change reaches Brightpearl, whose echo the store side does not map
        setStoreStatus(bcOrder, 9);
        awaitBrightpearlStatus(bpOrder, 2, "Awaiting Shipment → Processing");
        Await.until("the echo was handled", Duration.ofSeconds(20), () -> env.idle("bp-status-to-store"));
        assertThat(env.bcOrder(bcOrder).getInteger("status_id")).as("the store keeps Awaiting Shipment").isEqualTo(9);
    }

    /** BrightConnect's other fulfilment trigger: a sales order reaching a status (e.g. Shipped) ships it in the store. */
    @Test
    void aBrightpearlOrderReachingShippedShipsTheStoreOrder() throws Exception {
        JsonObject shippedOrders = FlowHub.flow("shipped-orders-to-store", "shipment",
                FlowHub.endpoint("brightpearl", "orders", new JsonObject().put("statuses", "Shipped")),
                FlowHub.endpoint("store", "shipments", new JsonObject()),
                new JsonObject().put("pollEvery", "PT1S").put("startFrom", "2020-01-01T00:00:00Z"));
        env.startHub(dir, new JsonArray().add(FlowHub.storeOrdersFlow(false)).add(shippedOrders), new JsonObject());
        int bcOrder = env.placeOrder("shipped@example.com", Map.of("TEE-BLK", 2), PRICES);
        long bpOrder = bpOrderFor(bcOrder);
        assertThat(env.bcOrder(bcOrder).getInteger("status_id")).as("not shipped yet").isNotIn(2, 3);

        setBrightpearlStatus(bpOrder, 4); // Shipped
        awaitStoreStatus(bcOrder, 2, "Brightpearl Shipped → store order Shipped");
        assertThat(env.records("shipped-orders-to-store")).hasSize(1);
    }

    private long bpOrderFor(int bcOrder) {
        Await.until("store order " + bcOrder + " in Brightpearl", Duration.ofSeconds(20),
                () -> env.bpOrdersByExternalRef("store:" + bcOrder).size() == 1);
        Await.until("the store-orders flow is idle", Duration.ofSeconds(10), () -> env.idle("store-orders"));
        return env.bpOrdersByExternalRef("store:" + bcOrder).get(0).getLong("id");
    }

    private void setBrightpearlStatus(long bpOrder, long statusId) {
        env.bpApi(HttpMethod.PUT, "/order-service/order/" + bpOrder + "/status", new JsonObject().put("orderStatusId", statusId));
    }

    private void setStoreStatus(int bcOrder, int statusId) {
        env.send(HttpMethod.PUT, env.bcUrl() + "/_sandbox/orders/" + bcOrder + "/status", new JsonObject().put("status_id", statusId), 200);
    }

    private void awaitStoreStatus(int bcOrder, int statusId, String what) {
        Await.until("store order " + bcOrder + " at status " + statusId + " (" + what + "); records:"
                        + env.describe("bp-status-to-store"), Duration.ofSeconds(20),
                () -> env.bcOrder(bcOrder).getInteger("status_id") == statusId);
    }

    private void awaitBrightpearlStatus(long bpOrder, long statusId, String what) {
        Await.until("Brightpearl order " + bpOrder + " at status " + statusId + " (" + what + ")", Duration.ofSeconds(20),
                () -> env.bpOrder(bpOrder).getLong("statusId") == statusId);
    }
}
