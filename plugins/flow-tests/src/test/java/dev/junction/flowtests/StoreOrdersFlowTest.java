package dev.junction.flowtests;

import dev.junction.hub.store.SyncRecord;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.junction.flowtests.FlowHub.Await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Store orders become Brightpearl sales orders exactly once, whichever trigger brings them (webhook, a
 * redelivered webhook, the sweep, the reconciliation window), and the sweep picks up orders whose webhook
 * never came.
 */
class StoreOrdersFlowTest {
    static final String FLOW = "store-orders";
    static final Map<String, String> PRICES = Map.of("TEE-BLK", "20.00", "MUG-01", "12.50");

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
    void oneSalesOrderAndOneSyncRecordAcrossWebhookRedeliverySweepAndReconciliation() throws Exception {
        env.startHub(dir, new JsonArray().add(FlowHub.storeOrdersFlow(false)), new JsonObject());

        int orderId = env.placeOrder("ada@example.com", Map.of("TEE-BLK", 2, "MUG-01", 1), PRICES);
        String ref = "store:" + orderId;
        long created = webhookEvent(orderId);

        Await.until("the created webhook brought order " + orderId + " to Brightpearl", Duration.ofSeconds(20),
                () -> env.bpOrdersByExternalRef(ref).size() == 1);
        assertThat(env.bcDeliveries(created)).as("delivered by webhook, acknowledged by the hub")
                .anyMatch(d -> Integer.valueOf(200).equals(d.getInteger("status")));
        Await.until("the record is SYNCED", Duration.ofSeconds(10), () -> env.count(FLOW, SyncStatus.SYNCED) == 1);

        JsonObject sweep = env.runNow(FLOW);
        assertThat(sweep.getString("error")).isNull();
        assertThat(sweep.getInteger("read")).as("the sweep sees the order").isGreaterThanOrEqualTo(1);
        assertThat(sweep.getInteger("inserted")).as("but it is a duplicate").isZero();
        JsonObject reconcile = env.reconcile(FLOW, Duration.ofHours(24));
        assertThat(reconcile.getString("error")).isNull();
        assertThat(reconcile.getInteger("read")).isGreaterThanOrEqualTo(1);
        assertThat(reconcile.getInteger("inserted")).isZero();

        int before = env.bcDeliveries(created).size();
        env.send(HttpMethod.POST, env.bcUrl() + "/_sandbox/webhooks/redeliver", new JsonObject().put("event_id", created), 202);
        Await.until("the redelivery was acknowledged", Duration.ofSeconds(10), () -> env.bcDeliveries(created).stream()
                .skip(before).anyMatch(d -> Integer.valueOf(200).equals(d.getInteger("status"))));
        Await.until("the flow is idle", Duration.ofSeconds(10), () -> env.idle(FLOW));

        List<JsonObject> orders = env.bpOrdersByExternalRef(ref);
        assertThat(orders).as("exactly one Brightpearl sales order for store order " + orderId).hasSize(1);
        List<SyncRecord> records = env.records(FLOW);
        assertThat(records).as("one sync record: " + env.describe(FLOW)).hasSize(1);
        assertThat(records.get(0).status()).isEqualTo(SyncStatus.SYNCED);
        assertThat(records.get(0).sourceId()).isEqualTo(String.valueOf(orderId));
        assertThat(FlowHub.await(env.hub.store().findLink("order", "store", String.valueOf(orderId), "brightpearl")))
                .contains(String.valueOf(orders.get(0).getLong("id")));
    }

    @Test
    void whenEveryChangeIsResyncedThereMayBeMoreRecordsButStillOneSalesOrder() throws Exception {
        env.startHub(dir, new JsonArray().add(FlowHub.storeOrdersFlow(true)), new JsonObject());

        int orderId = env.placeOrder("grace@example.com", Map.of("TEE-BLK", 1), PRICES);
        String ref = "store:" + orderId;
        long created = webhookEvent(orderId);
        Await.until("order " + orderId + " in Brightpearl", Duration.ofSeconds(20), () -> env.bpOrdersByExternalRef(ref).size() == 1);
        Await.until("the record is SYNCED", Duration.ofSeconds(10), () -> env.count(FLOW, SyncStatus.SYNCED) == 1);

        // A later edit of the store order (a new date_modified, still Awaiting Fulfillment) is a new version.
        Instant placed = Instant.now();
        Await.until("the store clock moved to the next second", Duration.ofSeconds(3),
                () -> Instant.now().getEpochSecond() > placed.getEpochSecond());
        env.send(HttpMethod.PUT, env.bcUrl() + "/_sandbox/orders/" + orderId + "/status", new JsonObject().put("status_id", 11), 200);
        Await.until("the edit was synced as a second record", Duration.ofSeconds(20),
                () -> env.count(FLOW, SyncStatus.SYNCED) >= 2);

        env.runNow(FLOW);
        env.reconcile(FLOW, Duration.ofHours(24));
        env.send(HttpMethod.POST, env.bcUrl() + "/_sandbox/webhooks/redeliver", new JsonObject().put("event_id", created), 202);
        Await.until("the redelivery was acknowledged", Duration.ofSeconds(10), () -> env.bcDeliveries(created).stream()
                .filter(d -> Integer.valueOf(200).equals(d.getInteger("status"))).count() >= 2);
        Await.until("the flow is idle", Duration.ofSeconds(10), () -> env.idle(FLOW));

        assertThat(env.records(FLOW)).as(env.describe(FLOW))
                .hasSizeGreaterThanOrEqualTo(2)
                .allMatch(r -> r.status() == SyncStatus.SYNCED);
        assertThat(env.bpOrdersByExternalRef(ref)).as("still exactly one Brightpearl sales order").hasSize(1);
    }

    @Test
    void anOrderWhoseWebhookWasDroppedArrivesOnceThroughTheSweep() throws Exception {
        env.startHub(dir, new JsonArray().add(FlowHub.storeOrdersFlow(false)), new JsonObject());
        env.bcFaults(new JsonObject().put("dropWebhooks", true));

        int orderId = env.placeOrder("alan@example.com", Map.of("MUG-01", 3), PRICES);
        String ref = "store:" + orderId;
        long created = webhookEvent(orderId);
        List<JsonObject> deliveries = env.bcDeliveries(created);
        assertThat(deliveries).as("the store dropped the created webhook instead of calling the hub")
                .isNotEmpty().allMatch(d -> d.getInteger("status") == null && d.getString("error", "").contains("dropped"));
        assertThat(env.records(FLOW)).as("nothing reached the hub by webhook").isEmpty();
        assertThat(env.bpOrdersByExternalRef(ref)).isEmpty();

        JsonObject sweep = env.runNow(FLOW);
        assertThat(sweep.getString("error")).isNull();
        assertThat(sweep.getInteger("inserted")).as("the sweep found the missed order").isEqualTo(1);
        Await.until("order " + orderId + " in Brightpearl", Duration.ofSeconds(20), () -> env.bpOrdersByExternalRef(ref).size() == 1);

        assertThat(env.runNow(FLOW).getInteger("inserted")).as("a second sweep adds nothing").isZero();
        Await.until("the flow is idle", Duration.ofSeconds(10), () -> env.idle(FLOW));
        assertThat(env.bpOrdersByExternalRef(ref)).hasSize(1);
        assertThat(env.records(FLOW)).hasSize(1).allMatch(r -> r.status() == SyncStatus.SYNCED);
    }

    private long webhookEvent(int orderId) {
        List<JsonObject> events = env.bcEvents("store/order/created", orderId);
        assertThat(events).as("the store raised store/order/created for " + orderId).hasSize(1);
        return events.get(0).getLong("id");
    }
}
