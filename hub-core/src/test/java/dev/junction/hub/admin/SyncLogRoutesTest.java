package dev.junction.hub.admin;

import dev.junction.api.service.IdLink;
import dev.junction.hub.store.SyncStatus;
import dev.junction.hub.testing.TestHub;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The merchant's sync log: order status per record, shipment status from the return flow's links. */
class SyncLogRoutesTest extends AdminApiTestBase {

    @Override
    JsonArray flows() {
        // 'items' sends src → dst; 'back' brings shipments from dst back onto src's records
        JsonObject back = TestHub.flow("back", new JsonObject()).put("entity", "shipment")
                .put("source", new JsonObject().put("connection", "dst").put("stream", "items"))
                .put("sink", new JsonObject().put("connection", "src").put("stream", "items"));
        return super.flows().add(back);
    }

    @Test
    void rowsShowOrderAndShipmentStatusAndFilterByStatusAndReference() throws Exception {
        remote.putItem("g1", Instant.parse("2026-11-03T10:00:00Z"), new JsonObject().put("name", "ORD-1001").put("reference", "ORD-1001"));
        remote.putItem("g2", Instant.parse("2026-11-03T10:00:01Z"), new JsonObject().put("invalid", true));
        remote.putItem("g3", Instant.parse("2026-11-03T10:00:02Z"), new JsonObject().put("name", "ORD-1003").put("reference", "ORD-1003"));
        long r1 = importItem("g1");
        long r2 = importItem("g2");
        long r3 = importItem("g3");
        awaitStatus(r1, SyncStatus.SYNCED);
        awaitStatus(r2, SyncStatus.FAILED);
        awaitStatus(r3, SyncStatus.SYNCED);
        // the return flow wrote a shipment onto g1 (what it commits when it does)
        hub.store().putLink(new IdLink("shipment", "src", "g1", "dst", "SHP-77")).await(5, TimeUnit.SECONDS);

        JsonObject log = json(get("/flows/items/sync-log?returnFlow=back"));
        assertThat(log.getInteger("total")).isEqualTo(3);
        JsonObject g1 = row(log, "g1");
        assertThat(g1.getString("orderStatus")).isEqualTo("Synced");
        assertThat(g1.getString("orderReference")).isEqualTo("ORD-1001");
        assertThat(g1.getString("shippingMethod")).isEqualTo("ground");
        assertThat(g1.getString("syncedAt")).isNotNull();
        assertThat(g1.getString("shipmentStatus")).isEqualTo("Synced");
        assertThat(g1.getString("shipmentId")).isEqualTo("SHP-77");
        assertThat(row(log, "g3").getString("shipmentStatus")).as("blank until shipped").isEmpty();
        JsonObject g2 = row(log, "g2");
        assertThat(g2.getString("orderStatus")).isEqualTo("Failed");
        assertThat(g2.getString("reason")).contains("has no name");

        JsonArray failed = json(get("/flows/items/sync-log?status=failed")).getJsonArray("rows");
        assertThat(failed).hasSize(1);
        assertThat(failed.getJsonObject(0).getString("sourceId")).isEqualTo("g2");
        JsonArray searched = json(get("/flows/items/sync-log?q=ORD-1003")).getJsonArray("rows");
        assertThat(searched).hasSize(1);
        assertThat(searched.getJsonObject(0).getString("sourceId")).isEqualTo("g3");
    }

    @Test
    void badFiltersAndMismatchedReturnFlowsAreClear400s() throws Exception {
        var badStatus = get("/flows/items/sync-log?status=done");
        assertThat(badStatus.statusCode()).isEqualTo(400);
        assertThat(json(badStatus).getString("error")).contains("Pending, Synced, Failed or Skipped");
        // 'items' reads from src; a return flow must write to src, and 'items' itself writes to dst
        var mismatched = get("/flows/items/sync-log?returnFlow=items");
        assertThat(mismatched.statusCode()).isEqualTo(400);
        assertThat(json(mismatched).getString("error")).contains("writes to 'dst', not to 'src'");
        assertThat(get("/flows/nope/sync-log").statusCode()).isEqualTo(404);
    }

    private static JsonObject row(JsonObject log, String sourceId) {
        return log.getJsonArray("rows").stream().map(o -> (JsonObject) o)
                .filter(o -> sourceId.equals(o.getString("sourceId"))).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + sourceId + " in " + log.encode()));
    }
}
