package dev.junction.plugin.brightpearl.sim;

import dev.junction.api.error.SkipException;
import dev.junction.api.mapping.MappingContext;
import dev.junction.api.mapping.MappingHandler;
import dev.junction.api.model.InventoryLevel;
import dev.junction.api.source.PollRequest;
import dev.junction.api.source.SourceHandler;
import dev.junction.api.source.SourcePage;
import dev.junction.api.source.SourceRecord;
import dev.junction.api.sink.SinkResult;
import dev.junction.hub.connection.ConnectionHandlers;
import dev.junction.plugin.brightpearl.Tables;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code stock} source and the {@code stock-corrections} sink against the simulator. */
class BrightpearlStockTest extends SimulatorTestBase {

    private List<SourceRecord> pollAll(SourceHandler source, JsonObject options) throws Exception {
        List<SourceRecord> out = new ArrayList<>();
        String token = null;
        do {
            SourcePage page = await(source.poll(new PollRequest(Instant.EPOCH, null, token, 3, options)));
            out.addAll(page.records());
            token = page.nextPageToken().orElse(null);
        } while (token != null);
        return out;
    }

    private BigDecimal onHand(long productId, String warehouse) throws Exception {
        JsonObject p = controlArray("/products").stream().map(JsonObject.class::cast)
                .filter(x -> x.getLong("id") == productId).findFirst().orElseThrow();
        return new BigDecimal(String.valueOf(p.getJsonObject("stock").getValue(warehouse, 0)));
    }

    private List<JsonObject> corrections(long productId) throws Exception {
        JsonArray all = controlArray("/stock-corrections");
        return all.stream().map(JsonObject.class::cast)
                .filter(c -> c.getJsonArray("goodsMoved").stream()
                        .anyMatch(m -> ((JsonObject) m).getLong("productId") == productId)).toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void stockSourceReportsOnHandPerWarehouseAndHonoursTheWarehouseFilter() throws Exception {
        long a = seedProduct("STOCK-A", new JsonObject().put("2", 5).put("3", 8));
        long b = seedProduct("STOCK-B", new JsonObject().put("2", 1));
        ConnectionHandlers h = handlers("bp-stock-src");
        SourceHandler source = h.source("stock").orElseThrow();

        List<String> all = pollAll(source, new JsonObject()).stream().map(SourceRecord::id).toList();
        assertThat(all).contains(a + ":2", a + ":3", b + ":2").doesNotHaveDuplicates();
        List<SourceRecord> main = pollAll(source, new JsonObject().put("warehouses", "2"));
        assertThat(main).extracting(SourceRecord::id).contains(a + ":2", b + ":2").doesNotContain(a + ":3");

        SourceRecord east = pollAll(source, new JsonObject().put("warehouses", "3")).stream()
                .filter(r -> r.id().equals(a + ":3")).findFirst().orElseThrow();
        var mapper = (MappingHandler<JsonObject, InventoryLevel>) h.mapper("stock", JsonObject.class, InventoryLevel.class)
                .orElseThrow().handler();
        MappingContext none = Tables.context(new JsonObject());
        InventoryLevel level = mapper.map(east.payload(), none);
        assertThat(level.sku()).isEqualTo("STOCK-A");
        assertThat(level.warehouse()).isEqualTo("3");
        assertThat(level.onHand()).isEqualByComparingTo("8");

        assertThat(await(source.fetch(a + ":3", new JsonObject()))).get().extracting(SourceRecord::version)
                .isEqualTo(east.version());
    }

    @Test
    void aReportedCountBecomesTheRightCorrectionAndAnEqualCountWritesNothing() throws Exception {
        long p = seedProduct("COUNT-1", new JsonObject().put("2", 5).put("3", 2));
        ConnectionHandlers h = handlers("bp-stock-sink");

        SinkResult up = write(h, "stock-corrections", new InventoryLevel("COUNT-1", "2", new BigDecimal("7"), null, Instant.now()),
                "COUNT-1@2", new JsonObject());
        assertThat(up.outcome()).isEqualTo(SinkResult.Outcome.UPDATED);
        assertThat(up.facts()).containsEntry("delta", "2");
        assertThat(onHand(p, "2")).isEqualByComparingTo("7");
        assertThat(corrections(p)).hasSize(1);

        SinkResult same = write(h, "stock-corrections", new InventoryLevel("COUNT-1", "2", new BigDecimal("7.000"), null,
                Instant.now()), "COUNT-1@2", new JsonObject());
        assertThat(same.outcome()).isEqualTo(SinkResult.Outcome.ALREADY_PRESENT);
        assertThat(corrections(p)).as("equal count: nothing written").hasSize(1);

        SinkResult down = write(h, "stock-corrections", new InventoryLevel("COUNT-1", "2", new BigDecimal("4"), null,
                Instant.now()), "COUNT-1@2", new JsonObject());
        assertThat(down.facts()).containsEntry("delta", "-3");
        assertThat(onHand(p, "2")).isEqualByComparingTo("4");
        assertThat(onHand(p, "3")).as("the other warehouse is untouched").isEqualByComparingTo("2");
    }

    @Test
    void theWarehouseTableNamesTheBrightpearlWarehouseAndUnknownOnesAreSkipped() throws Exception {
        long p = seedProduct("COUNT-2", new JsonObject().put("3", 10));
        services.putMappingTable("warehouses", Map.of("EAST-DC", "3"), null);
        ConnectionHandlers h = handlers("bp-stock-table");

        SinkResult r = write(h, "stock-corrections", new InventoryLevel("COUNT-2", "EAST-DC", BigDecimal.ZERO, null,
                Instant.now()), "COUNT-2@EAST", new JsonObject());
        assertThat(r.facts()).containsEntry("delta", "-10");
        assertThat(onHand(p, "3")).isEqualByComparingTo("0");

        Throwable t = failureOf(sink(h, "stock-corrections", new InventoryLevel("COUNT-2", "NOWHERE", BigDecimal.ONE,
                null, Instant.now()), "COUNT-2@NOWHERE", new JsonObject()));
        assertThat(t).isInstanceOf(SkipException.class).hasMessageContaining("NOWHERE").hasMessageContaining("warehouses");
        assertThat(corrections(p)).hasSize(1);
    }
}
