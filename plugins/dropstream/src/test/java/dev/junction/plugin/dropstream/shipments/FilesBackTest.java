package dev.junction.plugin.dropstream.shipments;

import dev.junction.api.error.SkipException;
import dev.junction.api.mapping.MappingContext;
import dev.junction.api.mapping.MappingTables;
import dev.junction.api.model.InventoryLevel;
import dev.junction.api.model.Shipment;
import dev.junction.api.model.ShipmentLine;
import dev.junction.api.model.ShipmentPackage;
import dev.junction.api.sink.SinkRequest;
import dev.junction.api.sink.SinkResult;
import dev.junction.api.source.PollRequest;
import dev.junction.api.source.SourceHandler;
import dev.junction.api.source.SourceRecord;
import dev.junction.conformance.TestConnections;
import dev.junction.hub.connection.ConnectionHandlers;
import dev.junction.hub.connection.HubConnectionContext;
import dev.junction.plugin.dropstream.DropStreamConnector;
import dev.junction.plugin.dropstream.Sandbox;
import dev.junction.plugin.dropstream.inventory.InventoryMapper;
import dev.junction.plugin.dropstream.orders.OrderSink;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What comes back from the warehouse: shipment and stock files (and the API), with bad files reported. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FilesBackTest {
    private Vertx vertx;
    private Sandbox sandbox;
    private TestConnections services;
    private HubConnectionContext ctx;
    private ConnectionHandlers handlers;

    @BeforeAll
    void start() throws Exception {
        vertx = Vertx.vertx();
        sandbox = Sandbox.start(vertx);
        services = TestConnections.create(vertx);
        services.putMappingTable(OrderSink.SKU_TABLE, Map.of("BP-SKU-A", "WH-A"), null);
        services.putMappingTable(InventoryMapper.WAREHOUSE_TABLE, Map.of("MAIN", "2"), null);
        ctx = services.context(new DropStreamConnector(), "ds-back", sandbox.settings());
        handlers = services.register(new DropStreamConnector(), ctx);
    }

    @AfterAll
    void stop() throws Exception {
        sandbox.stop();
        services.close();
        vertx.close().await(20, TimeUnit.SECONDS);
    }

    private static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    private List<SourceRecord> pollAll(String stream) throws Exception {
        SourceHandler source = handlers.source(stream).orElseThrow();
        List<SourceRecord> all = new ArrayList<>();
        String token = null;
        do {
            var page = await(source.poll(new PollRequest(Instant.now().minus(Duration.ofMinutes(5)), null, token, 2, new JsonObject())));
            all.addAll(page.records());
            token = page.nextPageToken().orElse(null);
        } while (token != null);
        return all;
    }

    private MappingContext mapping(JsonObject options) {
        MappingTables tables = ctx.mappings();
        return new MappingContext() {
            @Override
            public MappingTables tables() {
                return tables;
            }

            @Override
            public JsonObject options() {
                return options;
            }
        };
    }

    private void putOut(String name, String content) throws Exception {
        Files.writeString(sandbox.folder("out").resolve(name), content, StandardCharsets.UTF_8);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aShippedOrderComesBackAsAShipmentOfItsFulfilmentWithTrackingAndCarrier() throws Exception {
        var sink = (dev.junction.api.sink.SinkHandler<dev.junction.api.model.Fulfilment>) handlers.sink("orders").orElseThrow().handler();
        SinkResult sent = await(sink.write(new SinkRequest<>(Sandbox.note("8001", "99", "2", "Ground", "BP-SKU-A", "BP-SKU-B"),
                null, "bp-main:8001", Optional.empty(), new JsonObject(), 1)));
        assertThat(sent.outcome()).isEqualTo(SinkResult.Outcome.CREATED);
        Sandbox.waitUntil("the warehouse ingested the order", () -> sandbox.ordersNumbered("bp-main:8001").size() == 1);
        JsonObject shipped = sandbox.ship(sandbox.ordersNumbered("bp-main:8001").get(0).getValue("id"));
        String tracking = shipped.getString("tracking_number");

        long before = sandbox.stats().getLong("requests");
        List<SourceRecord> records = pollAll("shipments");
        long firstPoll = sandbox.stats().getLong("requests") - before;
        assertThat(records).extracting(SourceRecord::id).containsOnlyOnce("bp-main:8001|" + tracking);
        // every poll re-reads its window; the shipped order's facts are remembered, so no order look-up again
        long beforeReRead = sandbox.stats().getLong("requests");
        assertThat(pollAll("shipments")).extracting(SourceRecord::id).contains("bp-main:8001|" + tracking);
        assertThat(sandbox.stats().getLong("requests") - beforeReRead).as("API calls of a re-read").isLessThan(firstPoll);
        SourceRecord record = records.stream().filter(r -> r.id().equals("bp-main:8001|" + tracking)).findFirst().orElseThrow();
        Shipment s = new ShipmentMapper().map(record.payload(), mapping(new JsonObject()));

        assertThat(s.fulfilmentId()).isEqualTo("8001");
        assertThat(s.orderId()).isEqualTo("99");
        assertThat(s.complete()).isTrue();
        assertThat(s.packages()).singleElement().satisfies(p -> {
            assertThat(p).extracting(ShipmentPackage::trackingNumber, ShipmentPackage::carrier, ShipmentPackage::method)
                    .containsExactly(tracking, "UPS", "Ground");
            assertThat(p.lines()).containsExactly(new ShipmentLine("BP-SKU-A", "101", new BigDecimal(3)),
                    new ShipmentLine("BP-SKU-B", "102", new BigDecimal(1)));
        });
        assertThat(sandbox.files("out")).noneMatch(n -> n.startsWith("shp_"));
        assertThat(sandbox.files("out/processed")).anyMatch(n -> n.equals(shipped.getString("file")));

        // Read again: the file is gone, the API still has it, and the record is the same.
        List<SourceRecord> again = pollAll("shipments");
        assertThat(again).filteredOn(r -> r.id().equals(record.id())).singleElement()
                .satisfies(r -> assertThat(r.payload()).isEqualTo(record.payload()));
    }

    @Test
    void aMalformedFileIsRejectedAndABadLineReportedWhileValidRecordsStillSync() throws Exception {
        String header = "\"order_number\",\"line_number\",\"sku\",\"quantity_shipped\",\"tracking_number\",\"carrier\",\"service\",\"shipped_at\"\r\n";
        putOut("shp_bp-x-1_250131140500_000901.csv", header
                + "\"bp-x:1\",\"1\",\"SKU-1\",\"2\",\"1ZGOOD1\",\"UPS\",\"Ground\",\"2025-01-31T14:05:00Z\"\r\n");
        putOut("shp_bp-x-2_250131140500_000902.csv", header
                + "\"bp-x:2\",\"1\",\"SKU-1\",\"1\",\"1ZPART2\",\"UPS\",\"Ground\",\"2025-01-31T14:05:00Z\"\r\n"
                + "\"bp-x:2\",\"2\",\"SKU-2\",\"two\",\"1ZPART2\",\"UPS\",\"Ground\",\"2025-01-31T14:05:00Z\"\r\n");
        putOut("shp_bp-x-3_250131140500_000903.csv", "\"order\",\"line\"\r\n\"bp-x:3\",\"1\"\r\n");

        List<SourceRecord> records = pollAll("shipments");
        assertThat(records).extracting(SourceRecord::id).contains("bp-x:1|1ZGOOD1", "bp-x:2|1ZPART2",
                "rejected:shp_bp-x-2_250131140500_000902.csv#3", "rejected:shp_bp-x-3_250131140500_000903.csv#1");

        ShipmentMapper mapper = new ShipmentMapper();
        Shipment partial = mapper.map(byId(records, "bp-x:2|1ZPART2").payload(), mapping(new JsonObject()));
        assertThat(partial.fulfilmentId()).isEqualTo("2");
        assertThat(partial.packages().get(0).lines()).extracting(ShipmentLine::sku).containsExactly("SKU-1");
        assertThatThrownBy(() -> mapper.map(byId(records, "rejected:shp_bp-x-2_250131140500_000902.csv#3").payload(),
                mapping(new JsonObject()))).isInstanceOf(SkipException.class)
                .hasMessageContaining("line 3").hasMessageContaining("quantity_shipped must be a whole number")
                .hasMessageContaining("/out/processed");
        assertThatThrownBy(() -> mapper.map(byId(records, "rejected:shp_bp-x-3_250131140500_000903.csv#1").payload(),
                mapping(new JsonObject()))).isInstanceOf(SkipException.class)
                .hasMessageContaining("lacks column(s)").hasMessageContaining("/out/rejected");

        assertThat(sandbox.files("out/rejected")).containsExactly("shp_bp-x-3_250131140500_000903.csv",
                "shp_bp-x-3_250131140500_000903.csv.error.txt");
        assertThat(sandbox.files("out/processed")).contains("shp_bp-x-1_250131140500_000901.csv",
                "shp_bp-x-2_250131140500_000902.csv", "shp_bp-x-2_250131140500_000902.csv.error.txt");
        assertThat(Files.readString(sandbox.folder("out/processed/shp_bp-x-2_250131140500_000902.csv.error.txt")))
                .contains("line 3: quantity_shipped");
        assertThat(sandbox.files("out")).noneMatch(n -> n.startsWith("shp_"));
        assertThat(pollAll("shipments")).as("each file is read once").extracting(SourceRecord::id)
                .noneMatch(id -> id.startsWith("bp-x:") || id.startsWith("rejected:"));
    }

    @Test
    void aStockFileBecomesInventoryLevelsPerSkuInTheMappedBrightpearlWarehouse() throws Exception {
        String file = sandbox.stock(new JsonArray().add(new JsonObject().put("sku", "WH-A").put("on_hand", 7).put("available", 5))
                .add(new JsonObject().put("sku", "PLAIN").put("on_hand", 3)));
        putOut("inv_250131140500_000950.csv", "\"sku\",\"warehouse\",\"on_hand\",\"available\"\r\n"
                + "\"OK-1\",\"MAIN\",\"4\",\"4\"\r\n\"BAD-1\",\"MAIN\",\"-2\",\"0\"\r\n");

        List<SourceRecord> records = pollAll("inventory");
        InventoryMapper mapper = new InventoryMapper();
        List<InventoryLevel> levels = records.stream().filter(r -> !r.id().startsWith("rejected:"))
                .map(r -> mapper.map(r.payload(), mapping(new JsonObject()))).toList();
        assertThat(levels).extracting(InventoryLevel::sku, InventoryLevel::warehouse, l -> l.onHand().intValue(),
                        l -> l.available().intValue())
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("BP-SKU-A", "2", 7, 5),
                        org.assertj.core.groups.Tuple.tuple("PLAIN", "2", 3, 3), org.assertj.core.groups.Tuple.tuple("OK-1", "2", 4, 4));
        assertThatThrownBy(() -> mapper.map(byId(records, "rejected:inv_250131140500_000950.csv#3").payload(),
                mapping(new JsonObject()))).isInstanceOf(SkipException.class).hasMessageContaining("line 3")
                .hasMessageContaining("on_hand");
        assertThatThrownBy(() -> mapper.map(byId(records, "WH-A@MAIN").payload(), mapping(new JsonObject().put("warehouseTable", "none"))))
                .isInstanceOf(SkipException.class).hasMessageContaining("'MAIN' is not mapped");
        assertThat(mapper.map(byId(records, "WH-A@MAIN").payload(),
                mapping(new JsonObject().put("warehouseTable", "none").put("warehouseId", "9"))).warehouse()).isEqualTo("9");
        assertThat(sandbox.files("out/processed")).contains(file, "inv_250131140500_000950.csv");
        assertThat(sandbox.files("out")).noneMatch(n -> n.startsWith("inv_"));
    }

    private static SourceRecord byId(List<SourceRecord> records, String id) {
        return records.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError("no record " + id));
    }
}
