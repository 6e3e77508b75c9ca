package dev.junction.plugin.starshipit.shipments;

import dev.junction.api.model.Fulfilment;
import dev.junction.api.model.Shipment;
import dev.junction.api.sink.SinkHandler;
import dev.junction.api.source.SourceHandler;
import dev.junction.api.webhook.WebhookEvent;
import dev.junction.api.webhook.WebhookHandler;
import dev.junction.api.webhook.WebhookRequest;
import dev.junction.api.webhook.WebhookVerdict;
import dev.junction.hub.connection.ConnectionHandlers;
import dev.junction.plugin.starshipit.support.SimHarness;
import dev.junction.plugin.starshipit.support.WebhookBridge;
import dev.junction.sandbox.starshipit.StarshipitOptions;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.junction.plugin.starshipit.support.SimHarness.await;
import static dev.junction.plugin.starshipit.support.SimHarness.order;
import static dev.junction.plugin.starshipit.support.SimHarness.request;
import static org.assertj.core.api.Assertions.assertThat;

/** The tracking webhook: signed calls from the simulator when a label prints, checked and turned into shipments. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StarshipitTrackingWebhookTest {
    private static final String SECRET = "whsec-tracking-4711";
    private SimHarness sim;

    @BeforeAll
    void start() throws Exception {
        sim = SimHarness.start(StarshipitOptions.forTests());
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
    @SuppressWarnings("unchecked")
    void aSignedLabelPrintedCallBecomesTheShipmentWithItsTracking() throws Exception {
        ConnectionHandlers h = sim.handlers("ss-signed", sim.settings().put("webhookSecret", SECRET));
        SinkHandler<Fulfilment> sink = (SinkHandler<Fulfilment>) h.sink("orders").orElseThrow().handler();
        SourceHandler source = h.source("shipments").orElseThrow();
        try (WebhookBridge bridge = WebhookBridge.start(sim.vertx, h.webhooks().orElseThrow())) {
            sim.webhook(bridge.url(), SECRET);
            String id = await(sink.write(request(order("1044", "BC-218", "2000", List.of()), 1))).remoteId();
            JsonObject label = sim.print(id);

            WebhookVerdict v = bridge.next();
            assertThat(v).isInstanceOf(WebhookVerdict.Accepted.class);
            List<WebhookEvent> events = ((WebhookVerdict.Accepted) v).events();
            assertThat(events).singleElement().satisfies(e -> {
                assertThat(e.stream()).isEqualTo("shipments");
                assertThat(e.sourceId()).isEqualTo("BC-218");
                assertThat(e.record()).as("thin: the hub fetches the order, whose reference names the fulfilment").isEmpty();
            });
            // What the hub does with a thin event: fetch through the source, then map.
            var record = await(source.fetch(events.get(0).sourceId(), new JsonObject())).orElseThrow();
            Shipment s = new ShipmentMapper().map(record.payload(), StarshipitShipmentsTest.context(new JsonObject()));
            assertThat(s.fulfilmentId()).isEqualTo("1044");
            assertThat(s.orderId()).isEqualTo("1044");
            assertThat(s.packages()).extracting(p -> p.trackingNumber())
                    .containsExactly(label.getJsonArray("tracking_numbers").getString(0));
            assertThat(s.packages().get(0).carrier()).isEqualTo("Australia Post");
        }
    }

    @Test
    void aCallSignedWithAnotherSecretIsRefused() throws Exception {
        ConnectionHandlers h = sim.handlers("ss-wrong", sim.settings().put("webhookSecret", SECRET));
        try (WebhookBridge bridge = WebhookBridge.start(sim.vertx, h.webhooks().orElseThrow())) {
            sim.webhook(bridge.url(), "some-other-secret");
            JsonObject o = sim.createOrder("W-1", "bp:1");
            sim.print(String.valueOf(o.getValue("order_id")));

            WebhookVerdict v = bridge.next();
            assertThat(v).isInstanceOfSatisfying(WebhookVerdict.Rejected.class, r -> {
                assertThat(r.status()).isEqualTo(401);
                assertThat(r.reason()).contains("X-Starshipit-Signature").doesNotContain(SECRET);
            });
        }
    }

    @Test
    void aTamperedOrUnsignedBodyIsRefusedWhenASecretIsSet() throws Exception {
        WebhookHandler handler = new TrackingWebhooks(SECRET);
        String body = "{\"order_number\":\"BC-218\",\"tracking_number\":\"QQQ1\",\"tracking_status\":\"Printed\"}";
        String signature = TrackingWebhooks.sign(SECRET, body.getBytes(StandardCharsets.UTF_8));

        assertThat(await(handler.receive(call(body, signature)))).isInstanceOf(WebhookVerdict.Accepted.class);
        assertThat(await(handler.receive(call(body.replace("QQQ1", "QQQ2"), signature))))
                .isInstanceOfSatisfying(WebhookVerdict.Rejected.class, r -> assertThat(r.status()).isEqualTo(401));
        assertThat(await(handler.receive(call(body, null))))
                .isInstanceOfSatisfying(WebhookVerdict.Rejected.class, r -> assertThat(r.status()).isEqualTo(401));
    }

    @Test
    void withoutASecretCallsAreAcceptedAndOnesWithoutTrackingMakeNoEvent() throws Exception {
        WebhookHandler handler = new TrackingWebhooks(null);
        var printed = await(handler.receive(call("{\"order_number\":\"BC-218\",\"tracking_number\":\"QQQ1\"}", null)));
        var noLabel = await(handler.receive(call("{\"order_number\":\"BC-219\",\"tracking_status\":\"Printed\"}", null)));
        var garbage = await(handler.receive(call("not json", null)));

        assertThat(((WebhookVerdict.Accepted) printed).events()).extracting(WebhookEvent::sourceId).containsExactly("BC-218");
        assertThat(((WebhookVerdict.Accepted) noLabel).events()).isEmpty();
        assertThat(garbage).isInstanceOfSatisfying(WebhookVerdict.Rejected.class, r -> assertThat(r.status()).isEqualTo(400));
    }

    private static WebhookRequest call(String body, String signature) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Content-Type", "application/json");
        if (signature != null) {
            headers.add(TrackingWebhooks.SIGNATURE_HEADER, signature);
        }
        return new WebhookRequest("POST", "/webhooks/ss", headers, MultiMap.caseInsensitiveMultiMap(), Buffer.buffer(body));
    }
}
