package dev.junction.sandbox.brightpearl;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /multi-message}: 2-10 writes behind one pass of the gate (one request of budget), each answered
 * as the same request sent alone, with {@code body.content} holding that answer as a JSON string.
 */
class BrightpearlMultiMessageTest extends BrightpearlTestSupport {

    private static JsonObject msg(String label, String method, String uri, Object body) {
        JsonObject m = new JsonObject().put("label", label).put("uri", uri).put("httpMethod", method);
        return body == null ? m : m.put("body", body);
    }

    private static JsonObject multi(String mode, String onFail, JsonObject... messages) {
        return new JsonObject().put("processingMode", mode).put("onFail", onFail)
                .put("messages", new JsonArray(List.of((Object[]) messages)));
    }

    private HttpResponse<Buffer> sendMulti(JsonObject body) throws Exception {
        return send(HttpMethod.POST, "/multi-message", body);
    }

    private static JsonObject result(HttpResponse<Buffer> r) {
        return r.bodyAsJsonObject().getJsonObject("response");
    }

    private static List<String> processedLabels(HttpResponse<Buffer> r) {
        return result(r).getJsonArray("processedMessages").stream().map(m -> ((JsonObject) m).getString("label")).toList();
    }

    private static JsonObject processed(HttpResponse<Buffer> r, String label) {
        return result(r).getJsonArray("processedMessages").stream().map(m -> (JsonObject) m)
                .filter(m -> m.getString("label").equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no processed message " + label + " in " + r.bodyAsString()));
    }

    /** The inner response body, which travels as a JSON string in {@code body.content}. */
    private static JsonObject content(HttpResponse<Buffer> r, String label) {
        Object content = processed(r, label).getJsonObject("body").getValue("content");
        assertThat(content).as("content is a JSON string").isInstanceOf(String.class);
        return new JsonObject((String) content);
    }

    private int orderCount() throws Exception {
        return control(HttpMethod.GET, "/orders", null).bodyAsJsonArray().size();
    }

    private static String errorCode(JsonObject body) {
        return body.getJsonArray("errors").getJsonObject(0).getString("code");
    }

    private static String errorMessage(JsonObject body) {
        return body.getJsonArray("errors").getJsonObject(0).getString("message");
    }

    private JsonObject order(long customer, String ref) {
        return salesOrder(customer, ref);
    }

    @Test
    void batchOfSalesOrdersCreatesThemAllAndAnswersTheirIds() throws Exception {
        long product = seedProduct("MM-TEE", Map.of("2", 50));
        long customer = seedContact("batch@example.com");
        var r = sendMulti(multi("SEQUENTIAL", "STOP",
                msg("m1", "POST", "/order-service/sales-order", salesOrder(customer, "bc:1", product, 1)),
                msg("m2", "POST", "/order-service/sales-order", salesOrder(customer, "bc:2", product, 2)),
                msg("m3", "POST", "/order-service/sales-order", salesOrder(customer, "bc:3", product, 3))));

        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
        assertThat(r.getHeader("Content-Type")).isEqualTo("application/json;charset=UTF-8");
        assertThat(processedLabels(r)).containsExactly("m1", "m2", "m3");
        assertThat(result(r).getJsonArray("unprocessedMessages")).isEmpty();
        for (int i = 1; i <= 3; i++) {
            assertThat(processed(r, "m" + i).getInteger("statusCode")).isEqualTo(200);
            long id = content(r, "m" + i).getLong("response");
            JsonObject flat = okJson(get("/order-service/sales-order/" + id)).getJsonObject("response");
            assertThat(flat.getString("externalRef")).isEqualTo("bc:" + i);
            assertThat(flat.getJsonArray("rows").getJsonObject(0).getString("sku")).isEqualTo("MM-TEE");
        }
        assertThat(orderCount()).isEqualTo(3);
    }

    @Test
    void mixedBatchAnswers207WithTheInnerErrorBodyAndRunsTheOthers() throws Exception {
        long customer = seedContact("mixed@example.com");
        JsonObject bad = order(customer, "bad");
        bad.remove("customer");
        var r = sendMulti(multi("SEQUENTIAL", "CONTINUE",
                msg("ok1", "POST", "/order-service/sales-order", order(customer, "ok1")),
                msg("bad", "POST", "/order-service/sales-order", bad),
                msg("ok2", "POST", "/order-service/sales-order", order(customer, "ok2"))));

        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(207);
        assertThat(processedLabels(r)).containsExactly("ok1", "bad", "ok2");
        assertThat(result(r).getJsonArray("unprocessedMessages")).isEmpty();
        assertThat(processed(r, "ok1").getInteger("statusCode")).isEqualTo(200);
        assertThat(processed(r, "ok2").getInteger("statusCode")).isEqualTo(200);
        assertThat(processed(r, "bad").getInteger("statusCode")).isEqualTo(400);
        assertThat(errorCode(content(r, "bad"))).isEqualTo("ORDC-021");

        var alone = send(HttpMethod.POST, "/order-service/sales-order", bad);
        assertThat(alone.statusCode()).isEqualTo(400);
        assertThat(content(r, "bad")).as("exactly what the request answers alone").isEqualTo(alone.bodyAsJsonObject());
        assertThat(orderCount()).isEqualTo(2);
    }

    @Test
    void stopLeavesTheMessagesAfterTheFirstFailureUnprocessed() throws Exception {
        long customer = seedContact("stop@example.com");
        var r = sendMulti(multi("SEQUENTIAL", "STOP",
                msg("a", "POST", "/order-service/sales-order", order(customer, "a")),
                msg("b", "POST", "/order-service/sales-order", order(customer, "b").put("statusId", 999)),
                msg("c", "POST", "/order-service/sales-order", order(customer, "c")),
                msg("d", "POST", "/order-service/sales-order", order(customer, "d"))));

        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(207);
        assertThat(processedLabels(r)).containsExactly("a", "b");
        assertThat(processed(r, "b").getInteger("statusCode")).isEqualTo(400);
        assertThat(errorCode(content(r, "b"))).isEqualTo("ORDC-011");
        assertThat(result(r).getJsonArray("unprocessedMessages")).containsExactly("c", "d");
        assertThat(orderCount()).as("only the message before the failure ran").isEqualTo(1);
    }

    @Test
    void spendsOneRequestOfTheBudgetAndItsMessagesNone() throws Exception {
        okJson(control(HttpMethod.PUT, "/options", new JsonObject().put("requestsPerMinute", 3)));
        long customer = seedContact("budget@example.com");
        assertThat(get("/warehouse-service/warehouse").getHeader("brightpearl-requests-remaining")).isEqualTo("2");

        JsonObject[] five = new JsonObject[5];
        for (int i = 0; i < five.length; i++) {
            five[i] = msg("o" + i, "POST", "/order-service/sales-order", order(customer, "budget-" + i));
        }
        var r = sendMulti(multi("SEQUENTIAL", "STOP", five));
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
        assertThat(r.headers().getAll("brightpearl-requests-remaining")).as("throttle headers once, one token spent")
                .containsExactly("1");
        assertThat(r.headers().getAll("brightpearl-next-throttle-period")).hasSize(1);
        assertThat(orderCount()).as("five messages ran on a budget of two").isEqualTo(5);
        assertThat(get("/warehouse-service/warehouse").getHeader("brightpearl-requests-remaining")).isEqualTo("0");
    }

    @Test
    void refusedWholeWhenTheBudgetIsSpent() throws Exception {
        long customer = seedContact("spent@example.com");
        okJson(control(HttpMethod.PUT, "/options", new JsonObject().put("requestsPerMinute", 1)));
        assertThat(get("/warehouse-service/warehouse").statusCode()).isEqualTo(200);

        var r = sendMulti(multi("SEQUENTIAL", "CONTINUE",
                msg("a", "POST", "/order-service/sales-order", order(customer, "a")),
                msg("b", "POST", "/order-service/sales-order", order(customer, "b"))));
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.bodyAsJsonObject().getString("response")).contains("too many requests");
        assertThat(r.getHeader("brightpearl-requests-remaining")).isEqualTo("0");
        assertThat(orderCount()).as("none of its messages ran").isZero();
        JsonObject stats = control(HttpMethod.GET, "/stats", null).bodyAsJsonObject();
        assertThat(stats.getLong("throttled")).isEqualTo(1);
        assertThat(stats.getLong("multiMessages")).isZero();
        assertThat(stats.getJsonObject("messages")).isEmpty();
    }

    @Test
    void refusedWholeWithoutAuthDuringAnOutageAndOnAnInjectedError() throws Exception {
        long customer = seedContact("refused@example.com");
        JsonObject body = multi("SEQUENTIAL", "CONTINUE",
                msg("a", "POST", "/order-service/sales-order", order(customer, "a")),
                msg("b", "POST", "/order-service/sales-order", order(customer, "b")));

        var anonymous = await(raw(HttpMethod.POST, api("/multi-message")).sendJsonObject(body));
        assertThat(anonymous.statusCode()).isEqualTo(401);

        control(HttpMethod.PUT, "/faults", new JsonObject().put("errorRate", 1.0));
        var injected = sendMulti(body);
        assertThat(injected.statusCode()).isEqualTo(500);
        assertThat(errorCode(injected.bodyAsJsonObject())).isEqualTo("CMNU-003");

        control(HttpMethod.PUT, "/faults", new JsonObject().put("errorRate", 0.0).put("down", true));
        var down = sendMulti(body);
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.bodyAsJsonObject().getString("response")).contains("temporarily down");

        assertThat(orderCount()).isZero();
        control(HttpMethod.PUT, "/faults", new JsonObject().put("down", false));
        assertThat(sendMulti(body).statusCode()).as("the same call once admitted").isEqualTo(200);
        assertThat(orderCount()).isEqualTo(2);
    }

    @Test
    void fewerThanTwoOrMoreThanTenMessagesIs400() throws Exception {
        long customer = seedContact("count@example.com");
        var one = sendMulti(multi("SEQUENTIAL", "STOP",
                msg("only", "POST", "/order-service/sales-order", order(customer, "only"))));
        assertThat(one.statusCode()).isEqualTo(400);
        assertThat(errorCode(one.bodyAsJsonObject())).startsWith("CMNC-");
        assertThat(errorMessage(one.bodyAsJsonObject())).contains("2 to 10").contains("not 1");

        JsonObject[] eleven = new JsonObject[11];
        for (int i = 0; i < eleven.length; i++) {
            eleven[i] = msg("m" + i, "POST", "/order-service/sales-order", order(customer, "eleven-" + i));
        }
        var many = sendMulti(multi("SEQUENTIAL", "CONTINUE", eleven));
        assertThat(many.statusCode()).isEqualTo(400);
        assertThat(errorMessage(many.bodyAsJsonObject())).contains("not 11");

        var none = sendMulti(new JsonObject().put("processingMode", "SEQUENTIAL").put("onFail", "STOP"));
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(errorMessage(none.bodyAsJsonObject())).contains("messages is required");
        assertThat(send(HttpMethod.POST, "/multi-message", null).statusCode()).as("no body").isEqualTo(400);
        assertThat(orderCount()).isZero();
    }

    @Test
    void invalidModesAndLabelsAre400() throws Exception {
        long customer = seedContact("modes@example.com");
        JsonObject a = msg("a", "POST", "/order-service/sales-order", order(customer, "a"));
        JsonObject b = msg("b", "POST", "/order-service/sales-order", order(customer, "b"));

        var parallelStop = sendMulti(multi("PARALLEL", "STOP", a, b));
        assertThat(parallelStop.statusCode()).isEqualTo(400);
        assertThat(errorMessage(parallelStop.bodyAsJsonObject())).contains("PARALLEL").contains("STOP");

        var noMode = sendMulti(multi("SEQUENTIAL", "STOP", a, b).putNull("processingMode"));
        assertThat(noMode.statusCode()).isEqualTo(400);
        assertThat(errorMessage(noMode.bodyAsJsonObject())).contains("processingMode must be SEQUENTIAL or PARALLEL");

        var badOnFail = sendMulti(multi("SEQUENTIAL", "ABORT", a, b));
        assertThat(badOnFail.statusCode()).isEqualTo(400);
        assertThat(errorMessage(badOnFail.bodyAsJsonObject())).contains("onFail must be STOP or CONTINUE").contains("ABORT");

        var duplicate = sendMulti(multi("SEQUENTIAL", "STOP", a, a.copy()));
        assertThat(duplicate.statusCode()).isEqualTo(400);
        assertThat(errorMessage(duplicate.bodyAsJsonObject())).contains("label 'a' is used twice");

        JsonObject unlabelled = b.copy();
        unlabelled.remove("label");
        var missing = sendMulti(multi("SEQUENTIAL", "STOP", a, unlabelled));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(errorMessage(missing.bodyAsJsonObject())).contains("messages[1]: label is required");
        assertThat(orderCount()).as("a refused multi-message runs nothing").isZero();

        var parallelContinue = sendMulti(multi("PARALLEL", "CONTINUE", a, b));
        assertThat(parallelContinue.statusCode()).as(parallelContinue.bodyAsString()).isEqualTo(200);
        assertThat(processedLabels(parallelContinue)).containsExactly("a", "b");
        assertThat(orderCount()).isEqualTo(2);
    }

    @Test
    void readInsideAnswersThatMessage400AndAMissingBodyCmnc010() throws Exception {
        long customer = seedContact("read@example.com");
        var r = sendMulti(multi("SEQUENTIAL", "CONTINUE",
                msg("read", "GET", "/warehouse-service/warehouse", null),
                msg("write", "POST", "/order-service/sales-order", order(customer, "w")),
                msg("nobody", "POST", "/order-service/sales-order", null)));

        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(207);
        assertThat(processed(r, "read").getInteger("statusCode")).isEqualTo(400);
        assertThat(errorMessage(content(r, "read"))).contains("httpMethod GET").contains("POST, PUT, PATCH or DELETE");
        assertThat(processed(r, "write").getInteger("statusCode")).isEqualTo(200);
        assertThat(processed(r, "nobody").getInteger("statusCode")).isEqualTo(400);
        assertThat(errorCode(content(r, "nobody"))).isEqualTo("CMNC-010");
        assertThat(orderCount()).isEqualTo(1);
    }

    @Test
    void unknownUriAnswersThatMessage404AsTheRouterWould() throws Exception {
        long customer = seedContact("unknown@example.com");
        var r = sendMulti(multi("SEQUENTIAL", "CONTINUE",
                msg("nowhere", "POST", "/order-service/no-such-thing", new JsonObject()),
                msg("fine", "POST", "/order-service/sales-order", order(customer, "fine"))));

        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(207);
        assertThat(processed(r, "nowhere").getInteger("statusCode")).isEqualTo(404);
        assertThat(errorCode(content(r, "nowhere"))).isEqualTo("CMNC-404");
        var alone = send(HttpMethod.POST, "/order-service/no-such-thing", new JsonObject());
        assertThat(alone.statusCode()).isEqualTo(404);
        assertThat(content(r, "nowhere")).isEqualTo(alone.bodyAsJsonObject());
        assertThat(processed(r, "fine").getInteger("statusCode")).isEqualTo(200);
    }

    @Test
    void putPatchPostAndDeleteRunWithPathParamsQueryStringsAndArrayBodies() throws Exception {
        long customer = seedContact("verbs@example.com");
        long id = createOrder(order(customer, "verbs"));
        long hook = okJson(send(HttpMethod.POST, "/integration-service/webhook", new JsonObject()
                .put("subscribeTo", "goods-in-note.created").put("uriTemplate", "http://127.0.0.1:9/none"))).getLong("response");
        String o = "/order-service/order/" + id;
        var r = sendMulti(multi("SEQUENTIAL", "STOP",
                msg("status", "PUT", o + "/status?source=multi", new JsonObject().put("orderStatusId", 3)),
                msg("cf", "PATCH", o + "/custom-field", new JsonArray()
                        .add(new JsonObject().put("op", "add").put("path", "/PCF_BATCH").put("value", "yes"))),
                msg("note", "POST", o + "/note", new JsonObject().put("text", "Sent in a batch")),
                msg("unhook", "DELETE", "/integration-service/webhook/" + hook, null)));

        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
        assertThat(content(r, "status")).isEqualTo(new JsonObject());
        assertThat(content(r, "cf").getJsonObject("response").getString("PCF_BATCH")).isEqualTo("yes");
        long noteId = content(r, "note").getLong("response");
        assertThat(content(r, "unhook")).isEqualTo(new JsonObject());

        JsonObject order = okJson(get(o + "?includeOptional=customFields")).getJsonArray("response").getJsonObject(0);
        assertThat(order.getJsonObject("orderStatus").getString("name")).isEqualTo("Ready to ship");
        assertThat(order.getJsonObject("customFields").getString("PCF_BATCH")).isEqualTo("yes");
        JsonArray notes = okJson(get(o + "/note")).getJsonArray("response");
        assertThat(notes.stream().map(n -> ((JsonObject) n).getLong("noteId"))).contains(noteId);
        assertThat(okJson(get("/integration-service/webhook")).getJsonArray("response")).isEmpty();
    }

    @Test
    void statsCountTheMultiMessageOnceAndItsMessagesPerRoute() throws Exception {
        long customer = seedContact("stats@example.com");
        long id = createOrder(order(customer, "stats"));
        okJson(control(HttpMethod.POST, "/stats/reset", null));
        var r = sendMulti(multi("SEQUENTIAL", "STOP",
                msg("a", "POST", "/order-service/sales-order", order(customer, "s1")),
                msg("b", "POST", "/order-service/sales-order", order(customer, "s2")),
                msg("c", "PUT", "/order-service/order/" + id + "/status", new JsonObject().put("orderStatusId", 2))));
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);

        JsonObject stats = control(HttpMethod.GET, "/stats", null).bodyAsJsonObject();
        assertThat(stats.getLong("total")).isEqualTo(1);
        assertThat(stats.getJsonObject("routes")).isEqualTo(new JsonObject().put("POST /multi-message", 1));
        assertThat(stats.getJsonObject("messages")).isEqualTo(new JsonObject()
                .put("POST /order-service/sales-order", 2).put("PUT /order-service/order/{id}/status", 1));
        assertThat(stats.getLong("multiMessages")).isEqualTo(1);
        assertThat(stats.getLong("multiMessageItems")).isEqualTo(3);

        JsonObject reset = okJson(control(HttpMethod.POST, "/stats/reset", null));
        assertThat(reset.getJsonObject("messages")).isEmpty();
        assertThat(reset.getLong("multiMessages")).isZero();
        assertThat(reset.getLong("multiMessageItems")).isZero();
    }

    @Test
    void messagesFireTheSameWebhooksAsDirectCalls() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = await(vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(b -> {
            received.add(b.toString());
            req.response().setStatusCode(200).end();
        })).listen(0, "127.0.0.1"));
        try {
            okJson(send(HttpMethod.POST, "/integration-service/webhook", new JsonObject()
                    .put("subscribeTo", "sales-order.created")
                    .put("uriTemplate", "http://127.0.0.1:" + receiver.actualPort() + "/hook")
                    .put("bodyTemplate", "${resource-id}")));
            long customer = seedContact("hooks@example.com");
            var r = sendMulti(multi("SEQUENTIAL", "STOP",
                    msg("a", "POST", "/order-service/sales-order", order(customer, "h1")),
                    msg("b", "POST", "/order-service/sales-order", order(customer, "h2"))));
            assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
            String a = String.valueOf(content(r, "a").getLong("response"));
            String b = String.valueOf(content(r, "b").getLong("response"));
            eventually(() -> received.size() >= 2, "two sales-order.created callbacks");
            assertThat(received).containsExactlyInAnyOrder(a, b);
        } finally {
            await(receiver.close());
        }
    }
}
