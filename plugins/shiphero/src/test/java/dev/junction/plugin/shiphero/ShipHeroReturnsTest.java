package dev.junction.plugin.shiphero;

import dev.junction.api.error.SkipException;
import dev.junction.api.model.InventoryLevel;
import dev.junction.api.model.Shipment;
import dev.junction.api.model.ShipmentPackage;
import dev.junction.api.source.PollRequest;
import dev.junction.api.source.SourceRecord;
import dev.junction.api.webhook.WebhookEvent;
import dev.junction.api.webhook.WebhookRequest;
import dev.junction.api.webhook.WebhookVerdict;
import dev.junction.plugin.shiphero.inventory.InventoryMapper;
import dev.junction.plugin.shiphero.shipments.ShipmentMapper;
import dev.junction.sandbox.shiphero.ShipHeroOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What comes back from ShipHero: signed webhooks, shipments (several packages, partial) and stock. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShipHeroReturnsTest {
    private Harness h;

    @BeforeAll
    void start() throws Exception {
        h = new Harness(ShipHeroOptions.forTests());
        h.services.putMappingTable("shiphero-warehouses", Map.of("2", "Primary", "4", "Secondary"), null);
        Harness.await(h.webhooks().register(h.ctx.webhookUrl()));
    }

    @AfterAll
    void stop() throws Exception {
        h.close();
    }

    private WebhookVerdict.Accepted accept(WebhookRequest r) throws Exception {
        WebhookVerdict v = Harness.await(h.webhooks().receive(r));
        assertThat(v).isInstanceOf(WebhookVerdict.Accepted.class);
        return (WebhookVerdict.Accepted) v;
    }

    /** Receives the Shipment Update the simulator sent for an order number and maps what the hub would fetch. */
    private Shipment shipmentFromWebhook(String orderNumber) throws Exception {
        WebhookRequest delivery = h.hooks.await(b -> "Shipment Update".equals(b.getString("webhook_type"))
                && orderNumber.equals(b.getJsonObject("fulfillment").getString("order_number")));
        WebhookVerdict.Accepted a = accept(delivery);
        assertThat(a.events()).hasSize(1);
        WebhookEvent e = a.events().get(0);
        assertThat(e.stream()).isEqualTo("shipments");
        SourceRecord rec = Harness.await(h.source("shipments").fetch(e.sourceId(), new JsonObject())).orElseThrow();
        return new ShipmentMapper().map(rec.payload(), h.mapping(new JsonObject()));
    }

    @Test
    void webhooksWithTheRightSignatureAreAcceptedAndAnsweredAsShipHeroExpects() throws Exception {
        h.send(SandboxControl.note("2001", "301", "SO-2001", "2", "Ground", "MUG-1"), new JsonObject(), 1);
        h.sim.ship("SO-2001", null);
        WebhookRequest good = h.hooks.await(b -> "Shipment Update".equals(b.getString("webhook_type"))
                && "SO-2001".equals(b.getJsonObject("fulfillment").getString("order_number")));

        WebhookVerdict.Accepted a = accept(good);
        assertThat(new JsonObject(a.responseBody())).isEqualTo(new JsonObject().put("code", "200").put("Status", "Success"));
        assertThat(a.events()).extracting(WebhookEvent::stream).containsExactly("shipments");
    }

    @Test
    void webhooksWithABadOrMissingSignatureAreRejected() throws Exception {
        h.sim.setStock("SIG-1", "Primary", 5);
        WebhookRequest good = h.hooks.await(b -> "Inventory Update".equals(b.getString("webhook_type"))
                && "SIG-1".equals(b.getJsonArray("inventory").getJsonObject(0).getString("sku")));
        JsonObject forged = good.body().toJsonObject();
        forged.getJsonArray("inventory").getJsonObject(0).put("on_hand", "5000");
        WebhookRequest tampered = new WebhookRequest(good.method(), good.path(), good.headers(), good.query(), forged.toBuffer());
        WebhookRequest unsigned = new WebhookRequest(good.method(), good.path(),
                io.vertx.core.MultiMap.caseInsensitiveMultiMap(), good.query(), good.body());

        assertThat(Harness.await(h.webhooks().receive(tampered))).isInstanceOfSatisfying(WebhookVerdict.Rejected.class,
                r -> assertThat(r.status()).isEqualTo(401));
        assertThat(Harness.await(h.webhooks().receive(unsigned))).isInstanceOfSatisfying(WebhookVerdict.Rejected.class,
                r -> assertThat(r.status()).isEqualTo(401));
        assertThat(Harness.await(h.webhooks().receive(good))).isInstanceOf(WebhookVerdict.Accepted.class);
    }

    @Test
    void registeringTwiceKeepsOneHookPerTypeAndTheSecretsStillVerify() throws Exception {
        Harness.await(h.webhooks().register(h.ctx.webhookUrl()));
        JsonArray hooks = (JsonArray) h.sim.call(io.vertx.core.http.HttpMethod.GET, "/_sandbox/webhooks", null);
        assertThat(hooks.stream().map(o -> ((JsonObject) o).getString("name")).toList())
                .containsExactlyInAnyOrder("Shipment Update", "Inventory Update");
    }

    @Test
    void aTwoPackageShipmentCarriesBothTrackingNumbersBackToTheGoodsOutNote() throws Exception {
        h.send(SandboxControl.note("2002", "302", "SO-2002", "2", "Ground", "MUG-1", "TEE-2"), new JsonObject(), 1);
        JsonObject shipped = h.sim.ship("SO-2002", new JsonObject().put("packages", 2));
        List<String> tracking = shipped.getJsonArray("shipping_labels").stream()
                .map(l -> ((JsonObject) l).getString("tracking_number")).toList();

        Shipment s = shipmentFromWebhook("SO-2002");

        assertThat(s.fulfilmentId()).isEqualTo("2002");
        assertThat(s.orderId()).isEqualTo("302");
        assertThat(s.orderReference()).isEqualTo("SO-2002");
        assertThat(s.complete()).isTrue();
        assertThat(s.packages()).extracting(ShipmentPackage::trackingNumber).containsExactlyElementsOf(tracking).hasSize(2);
        assertThat(s.packages()).allSatisfy(p -> {
            assertThat(p.carrier()).isNotBlank();
            assertThat(p.method()).isNotBlank();
            assertThat(p.lines()).hasSize(1);
        });
        assertThat(s.packages().stream().flatMap(p -> p.lines().stream()).map(l -> l.orderLineId()).toList())
                .containsExactlyInAnyOrder("500", "501");
    }

    @Test
    void aPartialShipmentIsNotCompleteUntilEveryLineHasShipped() throws Exception {
        h.send(SandboxControl.note("2003", "303", "SO-2003", "2", "Ground", "MUG-1", "TEE-2"), new JsonObject(), 1);
        h.sim.ship("SO-2003", new JsonObject().put("line_items", new JsonArray().add(new JsonObject()
                .put("partner_line_item_id", "2003-500").put("quantity", 1))));
        h.sim.ship("SO-2003", null);

        Instant since = Instant.now().minusSeconds(120);
        List<Shipment> mine = Harness.await(h.source("shipments").poll(new PollRequest(since, null, null, 100, new JsonObject())))
                .records().stream().map(r -> new ShipmentMapper().map(r.payload(), h.mapping(new JsonObject())))
                .filter(s -> "SO-2003".equals(s.orderReference())).toList();

        assertThat(mine).hasSize(2);
        assertThat(mine.get(0).complete()).as("first shipment, one line of two").isFalse();
        assertThat(mine.get(1).complete()).as("second shipment ships the rest").isTrue();
        assertThat(mine).allSatisfy(s -> assertThat(s.fulfilmentId()).isEqualTo("2003"));
    }

    @Test
    void ordersJunctionDidNotSendAreSkipped() throws Exception {
        String order = h.sim.createOrderDirectly("SHOPIFY-1", null, "MUG-1");
        h.sim.ship(order, null);
        List<SourceRecord> recs = Harness.await(h.source("shipments").poll(new PollRequest(Instant.now().minusSeconds(120), null, null,
                100, new JsonObject()))).records().stream().filter(r -> r.id().startsWith(order + "-")).toList();
        assertThat(recs).hasSize(1);
        assertThatThrownBy(() -> new ShipmentMapper().map(recs.get(0).payload(), h.mapping(new JsonObject())))
                .isInstanceOf(SkipException.class).hasMessageContaining("SHOPIFY-1");
    }

    @Test
    void anInventoryChangeBecomesTheStockOfTheMappedBrightpearlWarehouse() throws Exception {
        h.sim.setStock("TEE-9", "Secondary", 37);
        WebhookRequest delivery = h.hooks.await(b -> "Inventory Update".equals(b.getString("webhook_type"))
                && "TEE-9".equals(b.getJsonArray("inventory").getJsonObject(0).getString("sku")));
        List<WebhookEvent> events = accept(delivery).events();
        assertThat(events).hasSize(1);
        assertThat(events.get(0).stream()).isEqualTo("inventory");

        SourceRecord rec = Harness.await(h.source("inventory").fetch(events.get(0).sourceId(), new JsonObject())).orElseThrow();
        InventoryLevel level = new InventoryMapper().map(rec.payload(), h.mapping(new JsonObject()));

        assertThat(level.sku()).isEqualTo("TEE-9");
        assertThat(level.warehouse()).as("Brightpearl warehouse mapped to Secondary").isEqualTo("4");
        assertThat(level.onHand()).isEqualByComparingTo(BigDecimal.valueOf(37));

        List<SourceRecord> swept = Harness.await(h.source("inventory").poll(new PollRequest(Instant.now().minusSeconds(120), null,
                null, 100, new JsonObject()))).records();
        assertThat(swept).extracting(SourceRecord::id).contains(rec.id());
    }

    @Test
    void stockOfAShipHeroWarehouseNoBrightpearlWarehouseMapsToIsSkipped() throws Exception {
        h.sim.setStock("TEE-10", "Secondary", 3);
        SourceRecord rec = Harness.await(h.source("inventory").poll(new PollRequest(Instant.now().minusSeconds(120), null, null, 100,
                new JsonObject()))).records().stream().filter(r -> r.id().startsWith("TEE-10@")).findFirst().orElseThrow();
        assertThatThrownBy(() -> new InventoryMapper().map(rec.payload(), h.mapping(new JsonObject().put("warehouseTable", "none"))))
                .isInstanceOf(SkipException.class).hasMessageContaining("Secondary");
    }
}
