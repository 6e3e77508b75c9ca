package dev.junction.plugin.brightpearl.sim;

import dev.junction.api.source.SourceRecord;
import dev.junction.api.webhook.WebhookEvent;
import dev.junction.api.webhook.WebhookHandler;
import dev.junction.api.webhook.WebhookRequest;
import dev.junction.api.webhook.WebhookVerdict;
import dev.junction.hub.connection.ConnectionHandlers;
import dev.junction.plugin.brightpearl.BrightpearlConnection;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhooks against the simulator's real callbacks: the simulator calls a small receiver standing in for the
 * hub's {@code /webhooks/{connection}} ingress, which hands each request to the connector's handler as the
 * hub does and answers with the handler's verdict.
 */
class BrightpearlWebhooksTest extends SimulatorTestBase {
    private static final String CONNECTION = "bp-hooks";
    private final List<WebhookVerdict> verdicts = new CopyOnWriteArrayList<>();
    private HttpServer receiver;
    private ConnectionHandlers handlers;
    private WebhookHandler hooks;
    private String callbackUrl;

    @BeforeAll
    void startReceiver() throws Exception {
        handlers = handlers(CONNECTION);
        hooks = handlers.webhooks().orElseThrow();
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create());
        router.post("/webhooks/:connection").handler(ctx -> {
            WebhookRequest req = new WebhookRequest(ctx.request().method().name(), ctx.request().path(),
                    ctx.request().headers(), ctx.queryParams(),
                    ctx.body().buffer() == null ? Buffer.buffer() : ctx.body().buffer());
            hooks.receive(req).onComplete(ar -> {
                if (ar.failed()) {
                    ctx.response().setStatusCode(500).end();
                    return;
                }
                verdicts.add(ar.result());
                ctx.response().setStatusCode(ar.result() instanceof WebhookVerdict.Rejected r ? r.status() : 200).end();
            });
        });
        receiver = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
        callbackUrl = "http://127.0.0.1:" + receiver.actualPort() + "/webhooks/" + CONNECTION;
    }

    @AfterAll
    void stopReceiver() throws Exception {
        receiver.close().await(10, TimeUnit.SECONDS);
    }

    private List<JsonObject> subscriptions() throws Exception {
        return controlArray("/webhooks").stream().map(JsonObject.class::cast).toList();
    }

    @Test
    void registeringTwiceLeavesOneSubscriptionPerEventAndOtherAppsAlone() throws Exception {
        BrightpearlConnection bp = BrightpearlConnection.open(context(CONNECTION));
        await(bp.client().post("/integration-service/webhook", new JsonObject().put("subscribeTo", "order.modified")
                .put("uriTemplate", "https://other-app.example/hook").put("bodyTemplate", "{}")));

        await(hooks.register(callbackUrl));
        List<JsonObject> first = subscriptions();
        await(hooks.register(callbackUrl));
        List<JsonObject> second = subscriptions();

        Map<String, Long> ours = second.stream().filter(h -> h.getString("uriTemplate").startsWith(callbackUrl))
                .collect(Collectors.groupingBy(h -> h.getString("subscribeTo"), Collectors.counting()));
        assertThat(ours).containsOnly(Map.entry("goods-out-note.created", 1L),
                Map.entry("goods-out-note.modified.shipped", 1L), Map.entry("order.modified.order-status", 1L));
        assertThat(second).as("the second registration changed nothing").isEqualTo(first);
        assertThat(second).anyMatch(h -> h.getString("uriTemplate").equals("https://other-app.example/hook"));
        assertThat(second).filteredOn(h -> h.getString("uriTemplate").startsWith(callbackUrl))
                .allMatch(h -> h.getString("uriTemplate").contains("token="))
                .allMatch(h -> h.getBoolean("idSetAccepted"));
    }

    @Test
    void realCallbacksBecomeThinEventsForTheirStreams() throws Exception {
        await(hooks.register(callbackUrl));
        BrightpearlConnection bp = BrightpearlConnection.open(context(CONNECTION));
        long customer = seedContact("hooks@example.com");
        long product = seedProduct("HOOK-1", new JsonObject().put("2", 10));
        control(HttpMethod.PUT, "/options", new JsonObject().put("autoGoodsOutNotes", true));
        long orderId;
        try {
            orderId = seedOrder(customer, "HOOK-ORDER", product);
        } finally {
            control(HttpMethod.PUT, "/options", new JsonObject().put("autoGoodsOutNotes", false));
        }
        String gonId = controlArray("/goods-out-notes").stream().map(JsonObject.class::cast)
                .filter(g -> g.getLong("orderId") == orderId).map(g -> String.valueOf(g.getLong("id")))
                .findFirst().orElseThrow();

        eventually("goods-out-note.created callback", () -> events().contains(event("goods-out-notes", gonId)));

        await(bp.client().post("/warehouse-service/goods-note/goods-out/" + gonId + "/event",
                new JsonObject().put("events", new JsonArray().add(new JsonObject().put("eventCode", "SHW")))));
        eventually("shipped callback", () -> events().contains(event("shipped-goods-out-notes", gonId)));

        await(bp.client().put("/order-service/order/" + orderId + "/status", new JsonObject().put("orderStatusId", 2)));
        eventually("order-status callback", () -> events().contains(event("order-status-changes", String.valueOf(orderId))));

        assertThat(verdicts).allMatch(v -> v instanceof WebhookVerdict.Accepted);
        assertThat(events()).as("order.modified and others are not subscribed, so nothing else arrives")
                .allMatch(e -> List.of("goods-out-notes", "shipped-goods-out-notes", "order-status-changes").contains(e.stream()))
                .allMatch(e -> e.record().isEmpty());

        // thin events are hydrated through the stream's fetch: the note comes back with its order embedded
        Optional<SourceRecord> hydrated = await(handlers.source("goods-out-notes").orElseThrow().fetch(gonId, new JsonObject()));
        assertThat(hydrated).isPresent();
        assertThat(hydrated.get().payload().getJsonObject("order").getValue("id").toString()).isEqualTo(String.valueOf(orderId));
    }

    @Test
    void aCallbackWithoutTheConnectionsTokenIsRefused() throws Exception {
        await(hooks.register(callbackUrl));
        String good = subscriptions().stream().map(h -> h.getString("uriTemplate"))
                .filter(u -> u.startsWith(callbackUrl)).findFirst().orElseThrow();
        String body = new JsonObject().put("id", "1-3").put("resourceType", "goods-out-note")
                .put("lifecycleEvent", "created").encode();

        String wrong = good.replaceAll("token=[^&]+", "token=not-the-token");
        var refused = web.postAbs(wrong).sendBuffer(Buffer.buffer(body)).await(10, TimeUnit.SECONDS);
        assertThat(refused.statusCode()).isEqualTo(401);
        var missing = web.postAbs(good.replaceAll("token=[^&]+&?", "")).sendBuffer(Buffer.buffer(body)).await(10, TimeUnit.SECONDS);
        assertThat(missing.statusCode()).isEqualTo(401);

        var accepted = web.postAbs(good).sendBuffer(Buffer.buffer(body)).await(10, TimeUnit.SECONDS);
        assertThat(accepted.statusCode()).isEqualTo(200);
        WebhookVerdict last = verdicts.get(verdicts.size() - 1);
        assertThat(last).isInstanceOf(WebhookVerdict.Accepted.class);
        assertThat(((WebhookVerdict.Accepted) last).events()).extracting(WebhookEvent::sourceId)
                .as("an id set names every note").containsExactly("1", "2", "3");
    }

    private List<WebhookEvent> events() {
        return verdicts.stream().filter(v -> v instanceof WebhookVerdict.Accepted)
                .flatMap(v -> ((WebhookVerdict.Accepted) v).events().stream()).toList();
    }

    private static WebhookEvent event(String stream, String id) {
        return WebhookEvent.thin(stream, id);
    }
}
