package dev.junction.plugin.shiphero;

import dev.junction.api.error.PermanentException;
import dev.junction.api.model.Fulfilment;
import dev.junction.api.sink.SinkResult;
import dev.junction.sandbox.shiphero.ShipHeroOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code orders} sink against the simulator: warehouse and shipping-method tables, skips, idempotency. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShipHeroOrdersTest {
    private Harness h;

    @BeforeAll
    void start() throws Exception {
        h = new Harness(ShipHeroOptions.forTests());
        h.services.putMappingTable("shiphero-warehouses", Map.of("2", "Primary", "4", "Secondary"), null);
        h.services.putMappingTable("shiphero-shipping-methods", Map.of("Next Day", "ups:ups_next_day_air"), null);
        h.services.putMappingTable("methods-with-default", Map.of(), "usps:usps_priority");
    }

    @AfterAll
    void stop() throws Exception {
        h.close();
    }

    private JsonObject order(String partnerOrderId) throws Exception {
        for (Object o : h.sim.orders()) {
            if (partnerOrderId.equals(((JsonObject) o).getString("partner_order_id"))) {
                return (JsonObject) o;
            }
        }
        throw new AssertionError("ShipHero has no order with partner_order_id " + partnerOrderId);
    }

    @Test
    void aNoteGoesToTheMappedWarehouseWithTheMappedShippingMethodAndTheFactsTheSyncLogShows() throws Exception {
        Fulfilment gon = SandboxControl.note("1101", "88", "SO-1101", "4", "Next Day", "MUG-1", "TEE-2");
        SinkResult r = h.send(gon, new JsonObject(), 1);

        assertThat(r.outcome()).isEqualTo(SinkResult.Outcome.CREATED);
        JsonObject o = order("bp-main:1101");
        assertThat(r.remoteId()).isEqualTo(String.valueOf(o.getValue("legacy_id")));
        assertThat(o.getString("order_number")).isEqualTo("SO-1101");
        assertThat(o.getJsonObject("shipping_lines").getString("carrier")).isEqualTo("ups");
        assertThat(o.getJsonObject("shipping_lines").getString("method")).isEqualTo("ups_next_day_air");
        JsonArray edges = o.getJsonObject("line_items").getJsonArray("edges");
        assertThat(edges).hasSize(2);
        for (Object e : edges) {
            JsonObject line = ((JsonObject) e).getJsonObject("node");
            assertThat(line.getString("warehouse")).isEqualTo("Secondary");
            assertThat(line.getString("partner_line_item_id")).matches("1101-50[01]");
        }
        assertThat(o.getJsonArray("tags").getList()).contains("brightpearl-order:88");
        assertThat(r.facts()).containsEntry("orderReference", "SO-1101").containsEntry("total", "64.90 USD")
                .containsEntry("shippingMethod", "ups:ups_next_day_air").containsEntry("warehouse", "Secondary");
    }

    @Test
    void anUnmappedWarehouseIsSkippedWithTheReasonAndNothingIsSent() throws Exception {
        int before = h.sim.orders().size();
        SinkResult r = h.send(SandboxControl.note("1102", "89", "SO-1102", "3", "Next Day", "MUG-1"), new JsonObject(), 1);

        assertThat(r.outcome()).isEqualTo(SinkResult.Outcome.SKIPPED);
        assertThat(r.message()).startsWith("warehouse 3 is not mapped to a ShipHero warehouse").contains("shiphero-warehouses");
        assertThat(r.facts()).containsEntry("orderReference", "SO-1102").containsEntry("total", "64.90 USD");
        assertThat(h.sim.orders()).hasSize(before);
    }

    @Test
    void theWarehouseTableNamedByTheFlowIsUsed() throws Exception {
        h.services.putMappingTable("east-only", Map.of("3", "Secondary"), null);
        SinkResult r = h.send(SandboxControl.note("1103", "90", "SO-1103", "3", "Next Day", "MUG-1"),
                new JsonObject().put("warehouseTable", "east-only"), 1);
        assertThat(r.outcome()).isEqualTo(SinkResult.Outcome.CREATED);
        assertThat(r.facts()).containsEntry("warehouse", "Secondary");
    }

    @Test
    void anUnmappedShippingMethodUsesTheTableDefaultElseTheBrightpearlName() throws Exception {
        SinkResult withDefault = h.send(SandboxControl.note("1104", "91", "SO-1104", "2", "Pigeon", "MUG-1"),
                new JsonObject().put("shippingMethodTable", "methods-with-default"), 1);
        assertThat(withDefault.facts()).containsEntry("shippingMethod", "usps:usps_priority");
        assertThat(order("bp-main:1104").getJsonObject("shipping_lines").getString("carrier")).isEqualTo("usps");

        SinkResult asNamed = h.send(SandboxControl.note("1105", "92", "SO-1105", "2", "Pigeon", "MUG-1"), new JsonObject(), 1);
        assertThat(asNamed.facts()).containsEntry("shippingMethod", "Pigeon");
        JsonObject lines = order("bp-main:1105").getJsonObject("shipping_lines");
        assertThat(lines.getString("title")).isEqualTo("Pigeon");
        assertThat(lines.getString("carrier")).isNull();
    }

    @Test
    void aNoteResentAfterACrashIsFoundNotDuplicated() throws Exception {
        Fulfilment gon = SandboxControl.note("1106", "93", "SO-1106", "2", "Next Day", "MUG-1", "TEE-2");
        SinkResult first = h.send(gon, new JsonObject(), 1);
        int after = h.sim.orders().size();
        // The hub crashed before committing: no link is known, the same key comes again.
        SinkResult again = h.send(gon, new JsonObject(), 2);

        assertThat(again.outcome()).isEqualTo(SinkResult.Outcome.ALREADY_PRESENT);
        assertThat(again.remoteId()).isEqualTo(first.remoteId());
        assertThat(again.facts()).containsEntry("orderReference", "SO-1106").containsEntry("shippingMethod", "ups:ups_next_day_air");
        assertThat(h.sim.orders()).hasSize(after);
    }

    @Test
    void aWarehouseMappedToOneShipHeroDoesNotHaveFailsNamingTheOnesItHas() throws Exception {
        h.services.putMappingTable("typo", Map.of("2", "Primry"), null);
        Throwable t = assertThatThrownBy(() -> h.send(SandboxControl.note("1107", "94", "SO-1107", "2", "Next Day", "MUG-1"),
                new JsonObject().put("warehouseTable", "typo"), 1)).isInstanceOf(ExecutionException.class).actual();
        assertThat(t.getCause()).isInstanceOf(PermanentException.class).hasMessageContaining("'Primry'").hasMessageContaining("Secondary");
    }
}
