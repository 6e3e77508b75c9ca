package dev.junction.plugin.starshipit.shipments;

import dev.junction.api.error.SkipException;
import dev.junction.api.mapping.MappingContext;
import dev.junction.api.mapping.MappingTables;
import dev.junction.api.model.Fulfilment;
import dev.junction.api.model.Shipment;
import dev.junction.api.sink.SinkHandler;
import dev.junction.api.source.PollRequest;
import dev.junction.api.source.SourceHandler;
import dev.junction.api.source.SourcePage;
import dev.junction.api.source.SourceRecord;
import dev.junction.plugin.starshipit.support.SimHarness;
import dev.junction.sandbox.starshipit.StarshipitOptions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.junction.plugin.starshipit.support.SimHarness.await;
import static dev.junction.plugin.starshipit.support.SimHarness.line;
import static dev.junction.plugin.starshipit.support.SimHarness.note;
import static dev.junction.plugin.starshipit.support.SimHarness.order;
import static dev.junction.plugin.starshipit.support.SimHarness.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Write-back on label print: printed Starshipit orders read back as shipments naming their Brightpearl fulfilment. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StarshipitShipmentsTest {
    private SimHarness sim;
    private SinkHandler<Fulfilment> sink;
    private SourceHandler source;
    private final ShipmentMapper mapper = new ShipmentMapper();

    @BeforeAll
    @SuppressWarnings("unchecked")
    void start() throws Exception {
        sim = SimHarness.start(StarshipitOptions.forTests());
        var h = sim.handlers("ss", sim.settings());
        sink = (SinkHandler<Fulfilment>) h.sink("orders").orElseThrow().handler();
        source = h.source("shipments").orElseThrow();
    }

    @AfterAll
    void stop() throws Exception {
        sim.close();
    }

    @BeforeEach
    void clean() throws Exception {
        sim.reset();
    }

    @Test
    void aPrintedLabelBecomesAShipmentWithTrackingAndCarrierForTheOrder() throws Exception {
        String id = await(sink.write(request(order("1044", "BC-218", "2000",
                List.of(line("r1", "TSHIRT-M", "2", "25", "0.2", null, null))), 1))).remoteId();
        assertThat(pollAll()).as("nothing printed yet, nothing shipped").isEmpty();

        JsonObject label = sim.print(id);
        List<SourceRecord> records = pollAll();
        assertThat(records).extracting(SourceRecord::id).containsExactly("BC-218");

        Shipment s = map(records.get(0));
        assertThat(s.fulfilmentId()).isEqualTo("1044");
        assertThat(s.orderId()).as("order mode: the order is the fulfilment").isEqualTo("1044");
        assertThat(s.orderReference()).isEqualTo("BC-218");
        assertThat(s.id()).isEqualTo(id);
        assertThat(s.complete()).isTrue();
        assertThat(s.shippedAt()).isNotNull();
        assertThat(s.packages()).hasSize(1);
        assertThat(s.packages().get(0).trackingNumber()).isEqualTo(label.getJsonArray("tracking_numbers").getString(0));
        assertThat(s.packages().get(0).carrier()).isEqualTo("Australia Post");
        assertThat(s.packages().get(0).method()).isEqualTo("7B05");
        assertThat(s.packages().get(0).trackingUrl()).contains(s.packages().get(0).trackingNumber());
        assertThat(s.packages().get(0).lines()).singleElement().satisfies(l -> {
            assertThat(l.sku()).isEqualTo("TSHIRT-M");
            assertThat(l.quantity()).isEqualByComparingTo("2");
        });
    }

    @Test
    void eachNoteOfASplitOrderShipsBackToItsOwnGoodsOutNote() throws Exception {
        String sydney = await(sink.write(request(note("501", "1044", "BC-218", "2", List.of(line("r1", "A", "1", "5", null, null, null))), 1))).remoteId();
        String melbourne = await(sink.write(request(note("502", "1044", "BC-218", "3", List.of(line("r2", "B", "1", "5", null, null, null))), 1))).remoteId();
        sim.print(melbourne);
        sim.print(sydney);

        Shipment a = map(await(source.fetch("BC-218-501", new JsonObject())).orElseThrow());
        Shipment b = map(await(source.fetch("BC-218-502", new JsonObject())).orElseThrow());
        assertThat(a.fulfilmentId()).isEqualTo("501");
        assertThat(b.fulfilmentId()).isEqualTo("502");
        assertThat(a.orderReference()).isEqualTo("BC-218");
        assertThat(b.orderReference()).isEqualTo("BC-218");
        assertThat(a.orderId()).as("GON mode: Brightpearl reads the order from the note").isNull();
        assertThat(a.packages().get(0).trackingNumber()).isNotEqualTo(b.packages().get(0).trackingNumber());
        assertThat(a.packages().get(0).lines()).extracting(l -> l.sku()).containsExactly("A");
        assertThat(b.packages().get(0).lines()).extracting(l -> l.sku()).containsExactly("B");
    }

    @Test
    void courierUpdatesKeepTheShipmentsVersionSoTheyDoNotWriteBackAgain() throws Exception {
        String id = await(sink.write(request(order("1044", "BC-218", "2000", List.of()), 1))).remoteId();
        sim.print(id);
        SourceRecord printed = await(source.fetch("BC-218", new JsonObject())).orElseThrow();
        sim.track(id, "Dispatched");
        sim.track(id, "Delivered");
        SourceRecord delivered = await(source.fetch("BC-218", new JsonObject())).orElseThrow();

        assertThat(delivered.version()).isEqualTo(printed.version());
        assertThat(delivered.payload().getString("tracking_status")).isEqualTo("Delivered");
    }

    @Test
    void anOrderWithoutALabelIsNotAShipment() throws Exception {
        await(sink.write(request(order("1044", "BC-218", "2000", List.of()), 1)));

        assertThat(await(source.fetch("BC-218", new JsonObject()))).isEmpty();
        assertThat(await(source.fetch("NO-SUCH-ORDER", new JsonObject()))).isEmpty();
    }

    @Test
    void ordersJunctionDidNotSendAreSkippedWithTheReason() throws Exception {
        JsonObject manual = sim.createOrder("MANUAL-1", null);
        sim.print(String.valueOf(manual.getValue("order_id")));
        SourceRecord r = await(source.fetch("MANUAL-1", new JsonObject())).orElseThrow();

        assertThatThrownBy(() -> map(r)).isInstanceOf(SkipException.class).hasMessageContaining("MANUAL-1")
                .hasMessageContaining("not sent by Junction");
    }

    @Test
    void pollingPagesThroughManyShippedOrders() throws Exception {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String id = await(sink.write(request(order(String.valueOf(2000 + i), "P-" + i, "2000", List.of()), 1))).remoteId();
            sim.print(id);
            expected.add("P-" + i);
        }
        List<SourceRecord> all = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            SourcePage page = await(source.poll(new PollRequest(Instant.now().minus(Duration.ofMinutes(5)), null, token, 3, null)));
            all.addAll(page.records());
            token = page.nextPageToken().orElse(null);
            pages++;
        } while (token != null);

        assertThat(pages).isEqualTo(3);
        assertThat(all).extracting(SourceRecord::id).containsExactlyInAnyOrderElementsOf(expected);
    }

    private List<SourceRecord> pollAll() throws Exception {
        List<SourceRecord> out = new ArrayList<>();
        String token = null;
        do {
            SourcePage page = await(source.poll(new PollRequest(Instant.now().minus(Duration.ofMinutes(5)), null, token, 50, null)));
            out.addAll(page.records());
            token = page.nextPageToken().orElse(null);
        } while (token != null);
        return out;
    }

    private Shipment map(SourceRecord r) {
        return mapper.map(r.payload(), context(new JsonObject()));
    }

    static MappingContext context(JsonObject options) {
        MappingTables none = new MappingTables() {
            @Override
            public Optional<String> lookup(String table, String key) {
                return Optional.empty();
            }

            @Override
            public Optional<String> defaultValue(String table) {
                return Optional.empty();
            }

            @Override
            public Map<String, String> entries(String table) {
                return Map.of();
            }
        };
        return new MappingContext() {
            @Override
            public MappingTables tables() {
                return none;
            }

            @Override
            public JsonObject options() {
                return options;
            }
        };
    }
}
