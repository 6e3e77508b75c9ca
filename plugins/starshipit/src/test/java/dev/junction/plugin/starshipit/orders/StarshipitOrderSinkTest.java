package dev.junction.plugin.starshipit.orders;

import dev.junction.api.error.PermanentException;
import dev.junction.api.model.Fulfilment;
import dev.junction.api.sink.SinkHandler;
import dev.junction.api.sink.SinkRequest;
import dev.junction.api.sink.SinkResult;
import dev.junction.plugin.starshipit.support.SimHarness;
import dev.junction.sandbox.starshipit.StarshipitOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.junction.plugin.starshipit.support.SimHarness.await;
import static dev.junction.plugin.starshipit.support.SimHarness.failureOf;
import static dev.junction.plugin.starshipit.support.SimHarness.line;
import static dev.junction.plugin.starshipit.support.SimHarness.note;
import static dev.junction.plugin.starshipit.support.SimHarness.order;
import static dev.junction.plugin.starshipit.support.SimHarness.request;
import static org.assertj.core.api.Assertions.assertThat;

/** The {@code orders} sink against the simulator: what a Starshipit order holds, and that it is made once. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StarshipitOrderSinkTest {
    private SimHarness sim;
    private SinkHandler<Fulfilment> sink;

    @BeforeAll
    @SuppressWarnings("unchecked")
    void start() throws Exception {
        sim = SimHarness.start(StarshipitOptions.forTests());
        sink = (SinkHandler<Fulfilment>) sim.handlers("ss", sim.settings()).sink("orders").orElseThrow().handler();
    }

    @AfterAll
    void stop() throws Exception {
        sim.close();
    }

    @BeforeEach
    void clean() throws Exception {
        sim.reset();
        sim.services.putMappingTable(OrderBody.CARRIERS, Map.of(), null);
    }

    @Test
    void itemsCarryHsCodeCountryOfOriginWeightAndUnitValue() throws Exception {
        Fulfilment f = order("1044", "BC-218", "2000", List.of(
                line("r1", "TSHIRT-M", "2", "25.00", "0.2", "6109.10.00", "CN"),
                line("r2", "MUG", "1", "10.00", null, null, null)));
        SinkResult r = await(sink.write(request(f, 1)));

        assertThat(r.outcome()).isEqualTo(SinkResult.Outcome.CREATED);
        JsonObject o = only("bp:1044");
        assertThat(r.remoteId()).isEqualTo(String.valueOf(o.getValue("order_id")));
        JsonArray items = o.getJsonArray("items");
        JsonObject shirt = items.getJsonObject(0);
        assertThat(shirt.getString("sku")).isEqualTo("TSHIRT-M");
        assertThat(shirt.getString("description")).isEqualTo("Product TSHIRT-M");
        assertThat(shirt.getString("tariff_code")).isEqualTo("6109.10.00");
        assertThat(shirt.getString("country_of_origin")).isEqualTo("CN");
        assertThat(shirt.getInteger("quantity")).isEqualTo(2);
        assertThat(new BigDecimal(shirt.getValue("weight").toString())).isEqualByComparingTo("0.2");
        assertThat(new BigDecimal(shirt.getValue("value").toString())).isEqualByComparingTo("25.00");
        assertThat(items.getJsonObject(1).containsKey("tariff_code")).as("no HS code known, none sent").isFalse();
        JsonObject dest = o.getJsonObject("destination");
        assertThat(dest.getString("name")).isEqualTo("Jo Bloggs");
        assertThat(dest.getString("street")).isEqualTo("1 George St, Level 2");
        assertThat(dest.getString("post_code")).isEqualTo("2000");
        assertThat(dest.getString("country")).isEqualTo("AU");
        assertThat(o.getString("currency")).isEqualTo("AUD");
    }

    @Test
    void orderModeNamesTheOrderByItsReferenceOrItsIdWhenItHasNone() throws Exception {
        await(sink.write(request(order("1044", "BC-218", "2000", List.of(line("r1", "A", "1", "5", null, null, null))), 1)));
        await(sink.write(request(order("1045", null, "2000", List.of(line("r1", "A", "1", "5", null, null, null))), 1)));

        assertThat(only("bp:1044").getString("order_number")).isEqualTo("BC-218");
        assertThat(only("bp:1045").getString("order_number")).isEqualTo("1045");
    }

    @Test
    void gonModeMakesOneStarshipitOrderPerGoodsOutNoteOfASplitOrder() throws Exception {
        Fulfilment sydney = note("501", "1044", "BC-218", "2", List.of(line("r1", "A", "1", "5", null, null, null)));
        Fulfilment melbourne = note("502", "1044", "BC-218", "3", List.of(line("r2", "B", "3", "7", null, null, null)));
        SinkResult a = await(sink.write(request(sydney, 1)));
        SinkResult b = await(sink.write(request(melbourne, 1)));

        assertThat(a.outcome()).isEqualTo(SinkResult.Outcome.CREATED);
        assertThat(b.outcome()).isEqualTo(SinkResult.Outcome.CREATED);
        assertThat(a.remoteId()).isNotEqualTo(b.remoteId());
        assertThat(only("bp:501").getString("order_number")).isEqualTo("BC-218-501");
        assertThat(only("bp:502").getString("order_number")).isEqualTo("BC-218-502");
        assertThat(only("bp:502").getJsonArray("items").getJsonObject(0).getString("sku")).isEqualTo("B");
    }

    @Test
    void aLongReferenceIsShortenedButKeepsTheNoteSuffix() throws Exception {
        String ref = "R".repeat(60);
        await(sink.write(request(note("777", "1044", ref, "2", List.of(line("r1", "A", "1", "5", null, null, null))), 1)));

        String number = only("bp:777").getString("order_number");
        assertThat(number).hasSize(OrderKeys.MAX_LENGTH).endsWith("-777");
    }

    @Test
    void carrierAndServiceComeFromTheCarrierTableWithItsDefault() throws Exception {
        sim.services.putMappingTable(OrderBody.CARRIERS, Map.of("Express", "DHL:P"), "AusPost");
        SinkResult express = await(sink.write(request(order("1044", "E-1", "2000", List.of()), 1)));
        Fulfilment standard = withMethod(order("1045", "S-1", "2000", List.of()), "Standard post");
        await(sink.write(request(standard, 1)));

        assertThat(only("bp:1044").getString("carrier")).isEqualTo("DHL");
        assertThat(only("bp:1044").getString("carrier_service_code")).isEqualTo("P");
        assertThat(express.facts()).containsEntry("carrier", "DHL");
        assertThat(only("bp:1045").getString("carrier")).as("table default").isEqualTo("AusPost");
        assertThat(only("bp:1045").getString("shipping_method")).isEqualTo("Standard post");
    }

    @Test
    void aRejectedOrderFailsWithStarshipitsOwnMessageAndIsCreatedOnceCorrected() throws Exception {
        Fulfilment bad = order("1050", "BC-300", "0000", List.of(line("r1", "A", "1", "5", null, null, null)));
        Throwable t = failureOf(sink.write(request(bad, 1)));

        assertThat(t).isInstanceOf(PermanentException.class)
                .hasMessageContaining("Destination address is invalid: post code 0000 not found for country AU")
                .hasMessageContaining("BC-300");
        assertThat(sim.ordersWithReference("bp:1050")).isEmpty();

        // The merchant corrects the post code in Brightpearl and imports the order again: same key, new content.
        Fulfilment corrected = order("1050", "BC-300", "2000", bad.lines());
        SinkResult r = await(sink.write(request(corrected, 2)));
        assertThat(r.outcome()).isEqualTo(SinkResult.Outcome.CREATED);
        assertThat(only("bp:1050").getJsonObject("destination").getString("post_code")).isEqualTo("2000");
    }

    @Test
    void missingAddressFieldsAreReportedInStarshipitsWords() throws Exception {
        Fulfilment f = order("1051", "BC-301", "", List.of(line("r1", "A", "0", "5", null, null, null)));
        Throwable t = failureOf(sink.write(request(f, 1)));

        assertThat(t).isInstanceOf(PermanentException.class)
                .hasMessageContaining("destination.post_code is required")
                .hasMessageContaining("items[0].quantity must be greater than zero");
    }

    @Test
    void redeliveryFindsTheOrderInsteadOfSendingItTwice() throws Exception {
        Fulfilment f = order("1044", "BC-218", "2000", List.of(line("r1", "A", "1", "5", null, null, null)));
        SinkResult first = await(sink.write(request(f, 1)));
        SinkResult again = await(sink.write(request(f, 2)));
        SinkResult linked = await(sink.write(new SinkRequest<>(f, request(f, 3).source(), "bp:1044",
                Optional.of(first.remoteId()), new JsonObject(), 3)));

        assertThat(again.outcome()).isEqualTo(SinkResult.Outcome.ALREADY_PRESENT);
        assertThat(linked.outcome()).isEqualTo(SinkResult.Outcome.ALREADY_PRESENT);
        assertThat(again.remoteId()).isEqualTo(first.remoteId());
        assertThat(linked.remoteId()).isEqualTo(first.remoteId());
        assertThat(sim.ordersWithReference("bp:1044")).hasSize(1);
        assertThat(sim.orders()).hasSize(1);
    }

    @Test
    void anOrderNumberTakenByAnotherOrderIsAConflictTheMerchantResolves() throws Exception {
        sim.createOrder("BC-400", "typed-in-by-hand");
        Throwable t = failureOf(sink.write(request(order("1060", "BC-400", "2000", List.of()), 1)));

        assertThat(t).isInstanceOf(PermanentException.class).hasMessageContaining("already has an order numbered BC-400");
        assertThat(sim.orders()).hasSize(1);
    }

    @Test
    void aFulfilmentWhoseIdIsNotTheSourceRecordsIsRefusedRatherThanMisrouted() throws Exception {
        Fulfilment f = order("1044", "BC-218", "2000", List.of());
        SinkRequest<Fulfilment> wrongKey = new SinkRequest<>(f, request(f, 1).source(), "bp:999", Optional.empty(), new JsonObject(), 1);

        assertThat(failureOf(sink.write(wrongKey))).isInstanceOf(PermanentException.class).hasMessageContaining("bp:999");
        assertThat(sim.orders()).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void refusedKeysArePermanentAndSayWhereToCopyThemFrom() throws Exception {
        JsonObject bad = sim.settings().put("apiKey", "wrong-api-key-000");
        SinkHandler<Fulfilment> badSink = (SinkHandler<Fulfilment>) sim.handlers("ss-bad", bad).sink("orders").orElseThrow().handler();
        Throwable t = failureOf(badSink.write(request(order("1044", "BC-218", "2000", List.of()), 1)));

        assertThat(t).isInstanceOf(PermanentException.class)
                .hasMessageContaining("Starshipit refused the API keys: copy both keys again from Settings > API")
                .hasMessageNotContaining("wrong-api-key-000");
    }

    private JsonObject only(String reference) throws Exception {
        List<JsonObject> found = sim.ordersWithReference(reference);
        assertThat(found).as("Starshipit orders with reference %s", reference).hasSize(1);
        return found.get(0);
    }

    private static Fulfilment withMethod(Fulfilment f, String method) {
        return new Fulfilment(f.id(), f.orderId(), f.orderReference(), f.warehouse(), method, f.delivery(), f.lines(),
                Instant.parse("2026-05-01T09:00:00Z"), f.orderTotal(), f.customerEmail());
    }
}
