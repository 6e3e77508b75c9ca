package dev.junction.sandbox.brightpearl;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Registers webhooks pointing at a small receiver and checks the simulator really calls back. */
class BrightpearlWebhookTest extends BrightpearlTestSupport {
    private HttpServer receiver;
    private final List<JsonObject> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = await(vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(b -> {
            received.add(new JsonObject().put("path", req.uri()).put("body", b.toJsonObject()));
            req.response().setStatusCode(200).end();
        })).listen(0, "127.0.0.1"));
    }

    @AfterEach
    void stopReceiver() throws Exception {
        await(receiver.close());
    }

    private long subscribe(String event, boolean idSet) throws Exception {
        JsonObject body = new JsonObject().put("subscribeTo", event).put("httpMethod", "POST")
                .put("uriTemplate", "http://127.0.0.1:" + receiver.actualPort() + "/hook/" + event + "?acct=${account-code}")
                .put("bodyTemplate", "{\"id\":\"${resource-id}\",\"type\":\"${resource-type}\",\"event\":\"${lifecycle-event}\",\"full\":\"${full-event}\"}")
                .put("contentType", "application/json").put("idSetAccepted", idSet).put("qualityOfService", 1);
        return okJson(send(HttpMethod.POST, "/integration-service/webhook", body)).getLong("response");
    }

    private List<JsonObject> hits(String event) {
        return received.stream().filter(r -> r.getString("path").startsWith("/hook/" + event + "?")).toList();
    }

    @Test
    void registryCrudAndErrors() throws Exception {
        long id = subscribe("goods-out-note.created", true);
        JsonArray list = okJson(get("/integration-service/webhook")).getJsonArray("response");
        assertThat(list).hasSize(1);
        assertThat(list.getJsonObject(0).getLong("id")).isEqualTo(id);
        var bad = send(HttpMethod.POST, "/integration-service/webhook", new JsonObject().put("subscribeTo", "order.created")
                .put("uriTemplate", "http://127.0.0.1/x"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.bodyAsString()).contains("INTC-064");
        assertThat(send(HttpMethod.DELETE, "/integration-service/webhook/" + id, null).bodyAsJsonObject())
                .isEqualTo(new JsonObject());
        var gone = get("/integration-service/webhook/" + id);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.bodyAsString()).contains("CMNC-404").contains("Cannot find webhook: " + id);
    }

    @Test
    void orderLifecycleCallsBack() throws Exception {
        subscribe("sales-order.created", true);
        subscribe("order.modified.order-status", true);
        subscribe("goods-out-note.created", true);
        subscribe("goods-out-note.modified.shipped", true);
        subscribe("product.modified.on-hand-modified", false);
        long product = seedProduct("HOOK-1", Map.of("2", 5));
        long customer = seedContact("hook@example.com");
        control(HttpMethod.PUT, "/options", new JsonObject().put("autoGoodsOutNotes", true));
        long orderId = createOrder(salesOrder(customer, "h1", product, 1));

        until(() -> hits("sales-order.created").size() == 1, "sales-order.created callback");
        JsonObject created = hits("sales-order.created").get(0);
        assertThat(created.getString("path")).endsWith("acct=" + opts.accountCode());
        assertThat(created.getJsonObject("body")).isEqualTo(new JsonObject().put("id", String.valueOf(orderId))
                .put("type", "sales-order").put("event", "created").put("full", "sales-order.created"));
        until(() -> hits("goods-out-note.created").size() == 1, "goods-out-note.created callback");
        long gonId = Long.parseLong(hits("goods-out-note.created").get(0).getJsonObject("body").getString("id"));

        send(HttpMethod.PUT, "/order-service/order/" + orderId + "/status", new JsonObject().put("orderStatusId", 3));
        until(() -> hits("order.modified.order-status").size() == 1, "order-status callback");

        send(HttpMethod.POST, "/warehouse-service/goods-note/goods-out/" + gonId + "/event", new JsonObject()
                .put("events", new JsonArray().add(new JsonObject().put("eventCode", "SHW"))));
        until(() -> hits("goods-out-note.modified.shipped").size() == 1, "shipped callback");
        assertThat(hits("goods-out-note.modified.shipped").get(0).getJsonObject("body").getString("id"))
                .isEqualTo(String.valueOf(gonId));
        until(() -> hits("product.modified.on-hand-modified").size() == 1, "on-hand callback");
        assertThat(hits("product.modified.on-hand-modified").get(0).getJsonObject("body").getString("id"))
                .isEqualTo(String.valueOf(product));
    }

    @Test
    void stockCorrectionsCallBackWithAnIdSet() throws Exception {
        subscribe("product.modified.on-hand-modified", true);
        long a = seedProduct("ID-1", Map.of("2", 1));
        long b = seedProduct("ID-2", Map.of("2", 1));
        send(HttpMethod.POST, "/warehouse-service/warehouse/2/stock-correction", new JsonObject().put("corrections",
                new JsonArray().add(new JsonObject().put("quantity", 2).put("productId", a).put("reason", "count"))
                        .add(new JsonObject().put("quantity", 3).put("productId", b).put("reason", "count"))));
        until(() -> hits("product.modified.on-hand-modified").size() == 1, "on-hand callback");
        assertThat(hits("product.modified.on-hand-modified").get(0).getJsonObject("body").getString("id"))
                .isEqualTo(a + "-" + b);
    }

    @Test
    void dropWebhooksSuppressesCallbacks() throws Exception {
        subscribe("sales-order.created", true);
        subscribe("order.modified", true);
        control(HttpMethod.PUT, "/faults", new JsonObject().put("dropWebhooks", true));
        long customer = seedContact("drop@example.com");
        createOrder(salesOrder(customer, "d1"));
        until(() -> control(HttpMethod.GET, "/stats", null).bodyAsJsonObject().getJsonObject("webhooks")
                .getLong("dropped") == 2, "two dropped callbacks counted");
        control(HttpMethod.PUT, "/faults", new JsonObject().put("dropWebhooks", false));
        long second = createOrder(salesOrder(customer, "d2"));
        // order.modified also arrives for the new order; the dropped ones never do
        until(() -> hits("order.modified").size() == 1, "callback after faults cleared");
        assertThat(hits("sales-order.created")).hasSize(1);
        assertThat(hits("sales-order.created").get(0).getJsonObject("body").getString("id")).isEqualTo(String.valueOf(second));
    }

    private void until(ThrowingSupplier condition, String what) throws Exception {
        BrightpearlTestSupport.eventually(() -> {
            try {
                return condition.get();
            } catch (Exception e) {
                return false;
            }
        }, what);
    }

    @FunctionalInterface
    interface ThrowingSupplier {
        boolean get() throws Exception;
    }
}
