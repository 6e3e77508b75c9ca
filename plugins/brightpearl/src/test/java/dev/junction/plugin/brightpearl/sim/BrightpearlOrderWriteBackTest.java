package dev.junction.plugin.brightpearl.sim;

import dev.junction.api.error.PermanentException;
import dev.junction.api.model.OrderStatusChange;
import dev.junction.api.model.Shipment;
import dev.junction.api.model.ShipmentPackage;
import dev.junction.api.sink.SinkResult;
import dev.junction.hub.connection.ConnectionHandlers;
import dev.junction.plugin.brightpearl.BrightpearlConnection;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code order-status} sink and order-mode shipments ({@code writeBack: order}) against the simulator. */
class BrightpearlOrderWriteBackTest extends SimulatorTestBase {
    private static final JsonObject ORDER_MODE = new JsonObject().put("writeBack", "order");

    private JsonObject order(long id) throws Exception {
        return controlObject(HttpMethod.GET, "/orders/" + id, null);
    }

    private static long statusId(JsonObject order) {
        return order.getLong("statusId");
    }

    private List<String> noteTexts(long orderId) throws Exception {
        return order(orderId).getJsonArray("notes").stream().map(n -> ((JsonObject) n).getString("text")).toList();
    }

    private static Shipment shipment(String id, long orderId, String tracking) {
        return new Shipment(id, String.valueOf(orderId), String.valueOf(orderId), null, "main",
                Instant.parse("2026-07-02T09:00:00Z"),
                List.of(new ShipmentPackage(tracking, "UPS", "Ground", null, List.of())), true);
    }

    @Test
    void statusChangeFindsTheOrderByReferenceAndDefaultsToCompleted() throws Exception {
        long customer = seedContact("status@example.com");
        long orderId = seedOrder(customer, "WEB-STATUS-1");
        ConnectionHandlers h = handlers("bp-status");
        OrderStatusChange change = new OrderStatusChange("store-77", "WEB-STATUS-1", "shipped", Instant.now());

        SinkResult r = write(h, "order-status", change, "store-77", new JsonObject());
        assertThat(r.outcome()).isEqualTo(SinkResult.Outcome.UPDATED);
        assertThat(r.remoteId()).isEqualTo(String.valueOf(orderId));
        assertThat(r.facts()).containsEntry("status", "Completed");
        assertThat(statusId(order(orderId))).isEqualTo(5);

        assertThat(write(h, "order-status", change, "store-77", new JsonObject()).outcome())
                .as("a replay finds the order already there").isEqualTo(SinkResult.Outcome.ALREADY_PRESENT);
    }

    @Test
    void statusByNameFromTheOptionOrTheMappingTable() throws Exception {
        long customer = seedContact("status2@example.com");
        long a = seedOrder(customer, "WEB-STATUS-2");
        long b = seedOrder(customer, "WEB-STATUS-3");
        ConnectionHandlers h = handlers("bp-status-names");

        write(h, "order-status", new OrderStatusChange("s2", "WEB-STATUS-2", null, null), "s2",
                new JsonObject().put("status", "on HOLD"));
        assertThat(statusId(order(a))).as("names match without regard to case").isEqualTo(8);

        services.putMappingTable("order-statuses", Map.of("awaiting_pickup", "Ready to ship"), null);
        write(h, "order-status", new OrderStatusChange("s3", "WEB-STATUS-3", "awaiting_pickup", null), "s3",
                new JsonObject().put("status", "On hold"));
        assertThat(statusId(order(b))).as("the table wins over the option").isEqualTo(3);

        Throwable t = failureOf(sink(h, "order-status", new OrderStatusChange("s2", "WEB-STATUS-2", null, null), "s2",
                new JsonObject().put("status", "Teleported")));
        assertThat(t).isInstanceOf(PermanentException.class).hasMessageContaining("Teleported").hasMessageContaining("Completed");
    }

    @Test
    void orderModeShipmentAddsOneTrackingNoteAndCompletesTheOrder() throws Exception {
        long orderId = seedOrder(seedContact("ship@example.com"), "WEB-SHIP-1");
        ConnectionHandlers h = handlers("bp-ship");

        SinkResult r = write(h, "shipments", shipment("sh-1", orderId, "1ZORDER1"), "sh-1", ORDER_MODE);
        assertThat(r.outcome()).isEqualTo(SinkResult.Outcome.UPDATED);
        assertThat(r.facts()).containsEntry("tracking", "1ZORDER1").containsEntry("orderId", String.valueOf(orderId));
        assertThat(statusId(order(orderId))).isEqualTo(5);
        assertThat(noteTexts(orderId)).containsExactly("Shipped via UPS Ground; tracking: 1ZORDER1");

        SinkResult again = write(h, "shipments", shipment("sh-1", orderId, "1ZORDER1"), "sh-1", ORDER_MODE);
        assertThat(again.outcome()).isEqualTo(SinkResult.Outcome.ALREADY_PRESENT);
        assertThat(noteTexts(orderId)).hasSize(1);
    }

    /**
     * The gap "a crash between the note and the status change adds a second note on re-run": Brightpearl
     * refuses to cancel an order that has goods-out notes, so the first write fails after its note; once the
     * note is gone the re-run completes the status change without a second note.
     */
    @Test
    void reRunAfterAFailureBetweenNoteAndStatusAddsNoSecondNote() throws Exception {
        long customer = seedContact("rerun@example.com");
        long product = seedProduct("RERUN-1", new JsonObject().put("2", 5));
        control(HttpMethod.PUT, "/options", new JsonObject().put("autoGoodsOutNotes", true));
        long orderId;
        try {
            orderId = seedOrder(customer, "WEB-RERUN-1", product);
        } finally {
            control(HttpMethod.PUT, "/options", new JsonObject().put("autoGoodsOutNotes", false));
        }
        ConnectionHandlers h = handlers("bp-rerun");
        JsonObject cancel = ORDER_MODE.copy().put("status", "Cancelled");
        Shipment s = shipment("sh-rerun", orderId, "1ZRERUN");

        Throwable first = failureOf(sink(h, "shipments", s, "sh-rerun", cancel));
        assertThat(first).hasMessageContaining("goods-out notes");
        assertThat(noteTexts(orderId)).as("the note was written before the status change failed").hasSize(1);

        long gonId = controlArray("/goods-out-notes").stream().map(JsonObject.class::cast)
                .filter(g -> g.getLong("orderId") == orderId).findFirst().orElseThrow().getLong("id");
        BrightpearlConnection bp = BrightpearlConnection.open(context("bp-rerun"));
        await(bp.client().delete("/warehouse-service/order/" + orderId + "/goods-note/goods-out/" + gonId));

        SinkResult rerun = write(h, "shipments", s, "sh-rerun", cancel);
        assertThat(rerun.outcome()).isEqualTo(SinkResult.Outcome.UPDATED);
        assertThat(statusId(order(orderId))).isEqualTo(6);
        assertThat(noteTexts(orderId)).containsExactly("Shipped via UPS Ground; tracking: 1ZRERUN");
    }
}
