package dev.junction.sandbox.bigcommerce;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.junction.sandbox.bigcommerce.BcSandbox.eventually;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
class BigCommerceWebhooksTest {
    record Received(JsonObject body, MultiMap headers) {
    }

    private BcSandbox bc;
    private HttpServer receiver;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    /** How many of the next callbacks the receiver fails with 500, to exercise retries. */
    private final AtomicInteger failNext = new AtomicInteger();

    @BeforeEach
    void start(Vertx vertx) {
        bc = new BcSandbox(vertx, 0);
        receiver = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
            received.add(new Received(body.toJsonObject(), MultiMap.caseInsensitiveMultiMap().addAll(req.headers())));
            req.response().setStatusCode(failNext.getAndDecrement() > 0 ? 500 : 200).end();
        })).listen(0, "127.0.0.1").await();
    }

    @AfterEach
    void stop() {
        bc.close();
        receiver.close().await();
    }

    private String destination() {
        return "http://127.0.0.1:" + receiver.actualPort() + "/bc-hooks";
    }

    private JsonObject register(String scope) {
        HttpResponse<Buffer> r = bc.api(HttpMethod.POST, "/v3/hooks", new JsonObject().put("scope", scope)
                .put("destination", destination()).put("is_active", true)
                .put("headers", new JsonObject().put("X-Secret", "s3cret")));
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
        return r.bodyAsJsonObject().getJsonObject("data");
    }

    private List<JsonObject> bodies(String scope) {
        return received.stream().map(Received::body).filter(b -> scope.equals(b.getString("scope"))).toList();
    }

    @Test
    void hooksCallBackWithThinPayloadAndCustomHeaders() {
        JsonObject hook = register("store/order/*");
        assertThat(hook.getString("store_hash")).isEqualTo("abc123");
        assertThat(hook.getJsonObject("headers").getString("X-Secret")).isEqualTo("s3cret");
        register("store/shipment/created");

        JsonObject order = bc.seedOrder();
        int id = order.getInteger("id");
        eventually(Duration.ofSeconds(5), () -> bodies("store/order/created").size() == 1, "order created callback");
        Received created = received.get(0);
        assertThat(created.headers().get("X-Secret")).isEqualTo("s3cret");
        assertThat(created.headers().get("Content-Type")).startsWith("application/json");
        JsonObject body = created.body();
        assertThat(body.getJsonObject("data")).isEqualTo(new JsonObject().put("type", "order").put("id", id));
        assertThat(body.getString("hash")).matches("[0-9a-f]{40}");
        assertThat(body.getString("producer")).isEqualTo("stores/abc123");
        assertThat(body.getString("store_id")).isNotBlank();
        assertThat(body.getLong("created_at")).isPositive();

        bc.control(HttpMethod.PUT, "/_sandbox/orders/" + id + "/status", new JsonObject().put("status_id", 9));
        eventually(Duration.ofSeconds(5), () -> bodies("store/order/statusUpdated").size() == 1, "status callback");
        JsonObject status = bodies("store/order/statusUpdated").get(0).getJsonObject("data").getJsonObject("status");
        assertThat(status).isEqualTo(new JsonObject().put("previous_status_id", 11).put("new_status_id", 9));
        assertThat(bodies("store/order/updated")).isNotEmpty();

        int address = order.getJsonArray("shipping_addresses").getJsonObject(0).getInteger("id");
        int line = order.getJsonArray("products").getJsonObject(1).getInteger("id");
        JsonObject shipment = bc.api(HttpMethod.POST, "/v2/orders/" + id + "/shipments", new JsonObject()
                .put("order_address_id", address).put("items", new JsonArray()
                        .add(new JsonObject().put("order_product_id", line).put("quantity", 1)))).bodyAsJsonObject();
        eventually(Duration.ofSeconds(5), () -> bodies("store/shipment/created").size() == 1, "shipment callback");
        assertThat(bodies("store/shipment/created").get(0).getJsonObject("data")).isEqualTo(new JsonObject()
                .put("type", "shipment").put("id", shipment.getInteger("id")).put("orderId", id));
        eventually(Duration.ofSeconds(5), () -> bodies("store/order/statusUpdated").size() == 2, "partially shipped callback");
        assertThat(bodies("store/order/statusUpdated").get(1).getJsonObject("data").getJsonObject("status")
                .getInteger("new_status_id")).isEqualTo(3);
    }

    @Test
    void failedCallbacksAreRetriedWithTheSameHashAndRedeliveryKeepsIt() {
        register("store/order/created");
        failNext.set(2);
        bc.seedOrder();
        eventually(Duration.ofSeconds(5), () -> received.size() == 3, "two failures and one success");
        assertThat(received.stream().map(r -> r.body().getString("hash")).distinct()).hasSize(1);
        JsonArray deliveries = bc.control(HttpMethod.GET, "/_sandbox/webhooks/deliveries", null).bodyAsJsonArray();
        assertThat(deliveries.stream().map(d -> ((JsonObject) d).getInteger("status")).toList())
                .containsExactly(500, 500, 200);
        eventually(Duration.ofSeconds(5), () -> bc.control(HttpMethod.GET, "/_sandbox/stats", null).bodyAsJsonObject()
                .getJsonObject("webhooks").getLong("delivered") == 1, "the delivery to be counted");
        JsonObject hooks = bc.control(HttpMethod.GET, "/_sandbox/stats", null).bodyAsJsonObject().getJsonObject("webhooks");
        assertThat(hooks.getLong("failed")).isEqualTo(2);
        assertThat(hooks.getJsonObject("failedBy").getMap()).as("why each failed").containsExactly(java.util.Map.entry("HTTP 500", 2));
        assertThat(hooks.getLong("abandoned")).as("the last retry succeeded").isZero();
        assertThat(hooks.getJsonObject("answeredWithin").getMap().values().stream().mapToLong(v -> ((Number) v).longValue()).sum())
                .as("every attempt got an answer, timed").isEqualTo(3);

        long eventId = bc.control(HttpMethod.GET, "/_sandbox/webhooks/events", null).bodyAsJsonArray()
                .getJsonObject(0).getLong("id");
        assertThat(bc.control(HttpMethod.POST, "/_sandbox/webhooks/redeliver", new JsonObject().put("event_id", eventId))
                .statusCode()).isEqualTo(202);
        eventually(Duration.ofSeconds(5), () -> received.size() == 4, "redelivery");
        assertThat(received.get(3).body().getString("hash")).isEqualTo(received.get(0).body().getString("hash"));
    }

    @Test
    void heldOrdersStayInvisibleUntilReleasedThenAreDatedAndAnnouncedAsPlaced() throws Exception {
        register("store/order/created");
        JsonObject held = bc.control(HttpMethod.POST, "/_sandbox/generate-orders", new JsonObject().put("count", 5)
                .put("seed", 3).put("hold", true)).bodyAsJsonObject();
        assertThat(held.getInteger("held")).isEqualTo(5);
        assertThat(held.getInteger("heldTotal")).isEqualTo(5);
        assertThat(bc.get("/v2/orders").statusCode()).as("no order is visible yet").isEqualTo(204);
        assertThat(bc.get("/v2/orders/" + held.getJsonArray("order_ids").getInteger(0)).statusCode()).isEqualTo(404);

        // Released on a later second than drawn, so a date kept from the draw would show.
        long drawnSecond = System.currentTimeMillis() / 1000;
        while (System.currentTimeMillis() / 1000 == drawnSecond) Thread.sleep(20);
        java.time.Instant releasedFrom = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        JsonObject released = bc.control(HttpMethod.POST, "/_sandbox/release-orders", new JsonObject().put("count", 3))
                .bodyAsJsonObject();
        assertThat(released.getJsonArray("order_ids").getList()).as("oldest first")
                .isEqualTo(held.getJsonArray("order_ids").getList().subList(0, 3));
        assertThat(released.getInteger("heldTotal")).isEqualTo(2);
        JsonArray visible = bc.get("/v2/orders").bodyAsJsonArray();
        assertThat(visible).hasSize(3);
        for (Object o : visible) {
            JsonObject order = (JsonObject) o;
            assertThat(Formats.parseDate(order.getString("date_created"))).isAfterOrEqualTo(releasedFrom);
            assertThat(order.getString("date_modified")).isEqualTo(order.getString("date_created"));
        }
        eventually(Duration.ofSeconds(5), () -> bodies("store/order/created").size() == 3, "one created event per release");

        JsonObject rest = bc.control(HttpMethod.POST, "/_sandbox/release-orders", new JsonObject().put("count", 10))
                .bodyAsJsonObject();
        assertThat(rest.getInteger("created")).as("only what is held").isEqualTo(2);
        assertThat(bc.control(HttpMethod.POST, "/_sandbox/release-orders", new JsonObject().put("count", 0)).statusCode())
                .isEqualTo(400);
        assertThat(bc.control(HttpMethod.POST, "/_sandbox/release-orders", new JsonObject().put("count", "3")).statusCode())
                .as("a count that is not a number is refused, not a server error").isEqualTo(400);
        assertThat(bc.control(HttpMethod.POST, "/_sandbox/generate-orders", new JsonObject().put("count", 1).put("hold", "yes"))
                .statusCode()).isEqualTo(400);
    }

    @Test
    void anEventWhoseLastRetryFailsIsCountedAsAbandoned() {
        register("store/order/created");
        failNext.set(4); // the first try and all three retries of BcSandbox's schedule (20, 40, 80 ms)
        bc.seedOrder();
        eventually(Duration.ofSeconds(5), () -> received.size() == 4, "four failed attempts");
        eventually(Duration.ofSeconds(5), () -> bc.control(HttpMethod.GET, "/_sandbox/stats", null).bodyAsJsonObject()
                .getJsonObject("webhooks").getLong("abandoned") == 1, "the event to be counted as abandoned");
        JsonObject hooks = bc.control(HttpMethod.GET, "/_sandbox/stats", null).bodyAsJsonObject().getJsonObject("webhooks");
        assertThat(hooks.getLong("failed")).isEqualTo(4);
        assertThat(hooks.getLong("delivered")).isZero();
    }

    @Test
    void aHookWhoseEventRanOutOfRetriesIsTurnedOffAndSentNothingMoreUntilTurnedOn() {
        int id = register("store/order/created").getInteger("id");
        failNext.set(4); // the first try and all three retries of BcSandbox's schedule (20, 40, 80 ms)
        bc.seedOrder();
        eventually(Duration.ofSeconds(5), () -> !bc.api(HttpMethod.GET, "/v3/hooks/" + id, null).bodyAsJsonObject()
                .getJsonObject("data").getBoolean("is_active"), "the hook to be turned off");
        assertThat(received).hasSize(4);

        int whileOff = bc.seedOrder().getInteger("id");
        assertThat(bc.api(HttpMethod.PUT, "/v3/hooks/" + id, new JsonObject().put("is_active", true)).statusCode())
                .isEqualTo(200);
        int afterOn = bc.seedOrder().getInteger("id");
        eventually(Duration.ofSeconds(5), () -> received.size() == 5, "the order placed after it was turned on");
        // the order placed while it was off was never sent (a sweep of the orders is how an app catches up)
        assertThat(received.get(4).body().getJsonObject("data").getInteger("id")).isEqualTo(afterOn);
        assertThat(received).noneMatch(r -> r.body().getJsonObject("data").getInteger("id") == whileOff);
    }

    @Test
    void onTheDefaultScheduleAnEventIsStillDeliveredAfterFourFailedAttempts(Vertx vertx) {
        bc.close();
        bc = new BcSandbox(vertx, 0, BigCommerceOptions.WEBHOOK_RETRIES_MS);
        register("store/order/created");
        failNext.set(4); // the first try and the retries after 100, 300 and 500 ms; the next comes after 1 s more
        bc.seedOrder();
        eventually(Duration.ofSeconds(5), () -> received.size() == 5, "the fifth attempt");
        JsonObject hooks = bc.control(HttpMethod.GET, "/_sandbox/stats", null).bodyAsJsonObject().getJsonObject("webhooks");
        assertThat(hooks.getLong("delivered")).isEqualTo(1);
        assertThat(hooks.getLong("failed")).isEqualTo(4);
        assertThat(hooks.getLong("abandoned")).isZero();
    }

    @Test
    void dropWebhooksSuppressesCallbacksAndInactiveHooksStayQuiet() {
        JsonObject hook = register("store/order/created");
        bc.control(HttpMethod.PUT, "/_sandbox/faults", new JsonObject().put("dropWebhooks", true));
        bc.seedOrder();
        eventually(Duration.ofSeconds(5), () -> bc.control(HttpMethod.GET, "/_sandbox/stats", null).bodyAsJsonObject()
                .getJsonObject("webhooks").getLong("dropped") == 1, "the drop to be recorded");
        bc.control(HttpMethod.PUT, "/_sandbox/faults", new JsonObject().put("dropWebhooks", false));
        bc.api(HttpMethod.PUT, "/v3/hooks/" + hook.getInteger("id"), new JsonObject().put("is_active", false));
        bc.seedOrder();
        register("store/order/updated");
        bc.seedOrder();
        // Only a marker hook fires; everything before it was dropped or inactive.
        int marker = bc.seedOrder().getInteger("id");
        bc.control(HttpMethod.PUT, "/_sandbox/orders/" + marker + "/status", new JsonObject().put("status_id", 5));
        eventually(Duration.ofSeconds(5), () -> !bodies("store/order/updated").isEmpty(), "the marker callback");
        assertThat(bodies("store/order/created")).isEmpty();
    }

    @Test
    void hookCrudValidatesAndEnforcesOnePerScopeAndDestination() {
        JsonObject hook = register("store/order/created");
        HttpResponse<Buffer> dup = bc.api(HttpMethod.POST, "/v3/hooks", new JsonObject()
                .put("scope", "store/order/created").put("destination", destination()));
        assertThat(dup.statusCode()).isEqualTo(422);
        assertThat(dup.bodyAsJsonObject().getString("title")).contains("already exists");
        assertThat(bc.api(HttpMethod.POST, "/v3/hooks", new JsonObject().put("scope", "store/orders/created")
                .put("destination", destination())).statusCode()).isEqualTo(422);
        assertThat(bc.api(HttpMethod.POST, "/v3/hooks", new JsonObject().put("scope", "store/order/created")
                .put("destination", "http://example.com:8080/x")).statusCode()).isEqualTo(422);

        JsonArray list = bc.get("/v3/hooks?scope=store/order/created").bodyAsJsonObject().getJsonArray("data");
        assertThat(list).hasSize(1);
        String path = "/v3/hooks/" + hook.getInteger("id");
        JsonObject updated = bc.api(HttpMethod.PUT, path, new JsonObject().put("is_active", false)).bodyAsJsonObject();
        assertThat(updated.getJsonObject("data").getBoolean("is_active")).isFalse();
        assertThat(bc.get("/v3/hooks?is_active=true").bodyAsJsonObject().getJsonArray("data")).isEmpty();
        assertThat(bc.api(HttpMethod.DELETE, path, null).statusCode()).isEqualTo(200);
        assertThat(bc.get(path).statusCode()).isEqualTo(404);
    }
}
