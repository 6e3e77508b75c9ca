package dev.junction.sandbox.brightpearl;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BrightpearlOrderContractTest extends BrightpearlTestSupport {

    @Test
    void salesOrderCreateAnswersIdAndReadsBackInBothShapes() throws Exception {
        long product = seedProduct("TEE-RED-M", Map.of("2", 10));
        long customer = seedContact("ada@example.com");
        var post = send(HttpMethod.POST, "/order-service/sales-order", salesOrder(customer, "bc:218", product, 2));
        assertThat(post.statusCode()).isEqualTo(200);
        assertThat(post.getHeader("Content-Type")).isEqualTo("application/json;charset=UTF-8");
        long id = post.bodyAsJsonObject().getLong("response");

        JsonObject flat = okJson(get("/order-service/sales-order/" + id)).getJsonObject("response");
        assertThat(flat.getString("externalRef")).isEqualTo("bc:218");
        assertThat(flat.getJsonArray("rows").getJsonObject(0).getString("sku")).isEqualTo("TEE-RED-M");
        assertThat(flat.getJsonObject("total").getString("gross")).isEqualTo("12.00");

        JsonArray classic = okJson(get("/order-service/order/" + id)).getJsonArray("response");
        JsonObject order = classic.getJsonObject(0);
        assertThat(order.getLong("id")).isEqualTo(id);
        assertThat(order.getString("reference")).isEqualTo("WEB-bc:218");
        assertThat(order.getJsonObject("orderStatus").getString("name")).isEqualTo("New");
        assertThat(order.getJsonObject("parties").getJsonObject("customer").getLong("contactId")).isEqualTo(customer);
        JsonObject rows = order.getJsonObject("orderRows");
        assertThat(rows.size()).isEqualTo(1);
        JsonObject row = rows.getJsonObject(rows.fieldNames().iterator().next());
        assertThat(row.getString("productSku")).isEqualTo("TEE-RED-M");
        assertThat(row.getJsonObject("quantity").getString("magnitude")).isEqualTo("2.0000");
        assertThat(order.containsKey("externalRef")).isFalse();
        assertThat(order.containsKey("customFields")).isFalse();
    }

    @Test
    void unknownOrderIdAnswers200WithEmptyList() throws Exception {
        var r = get("/order-service/order/999999");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.bodyAsJsonObject()).isEqualTo(new JsonObject().put("response", new JsonArray()));
    }

    @Test
    void idSetReturnsOnlyMatchingOrders() throws Exception {
        long customer = seedContact("ids@example.com");
        long first = createOrder(salesOrder(customer, "a"));
        for (int i = 0; i < 5; i++) {
            createOrder(salesOrder(customer, "x" + i));
        }
        // first..first+2 and first+5: four orders, first+3 and first+4 left out
        String set = first + "-" + (first + 2) + "," + (first + 5);
        JsonArray list = okJson(get("/order-service/order/" + set)).getJsonArray("response");
        assertThat(list.stream().map(o -> ((JsonObject) o).getLong("id")))
                .containsExactly(first, first + 1, first + 2, first + 5);
    }

    @Test
    void missingCustomerIsA400WithAClearMessage() throws Exception {
        JsonObject body = salesOrder(1, "nocust");
        body.remove("customer");
        var r = send(HttpMethod.POST, "/order-service/sales-order", body);
        assertThat(r.statusCode()).isEqualTo(400);
        JsonObject err = r.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0);
        assertThat(err.getString("code")).isEqualTo("ORDC-021");
        assertThat(err.getString("message")).contains("customer.id");
    }

    @Test
    void noBodyIsCmnc010() throws Exception {
        var r = send(HttpMethod.POST, "/order-service/sales-order", null);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getString("code")).isEqualTo("CMNC-010");
    }

    @Test
    void externalRefIsUniquePerIntegrationInstance() throws Exception {
        long customer = seedContact("dup@example.com");
        long id = createOrder(salesOrder(customer, "bc:1"));
        var dup = send(HttpMethod.POST, "/order-service/sales-order", salesOrder(customer, "bc:1"));
        assertThat(dup.statusCode()).isEqualTo(400);
        assertThat(dup.bodyAsString()).contains("already exists").contains(String.valueOf(id));
        // a different installed integration instance may reuse the reference
        JsonObject other = salesOrder(customer, "bc:1").put("installedIntegrationInstanceId", 4);
        assertThat(send(HttpMethod.POST, "/order-service/sales-order", other).statusCode()).isEqualTo(200);
    }

    @Test
    void statusChangeNotesAndCustomFields() throws Exception {
        long customer = seedContact("st@example.com");
        long id = createOrder(salesOrder(customer, "st"));
        var put = send(HttpMethod.PUT, "/order-service/order/" + id + "/status", new JsonObject()
                .put("orderStatusId", 3).put("orderNote", new JsonObject().put("text", "Ready").put("isPublic", false)));
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(put.bodyAsJsonObject()).isEqualTo(new JsonObject());
        JsonObject order = okJson(get("/order-service/order/" + id)).getJsonArray("response").getJsonObject(0);
        assertThat(order.getJsonObject("orderStatus").getString("name")).isEqualTo("Ready to ship");

        long noteId = okJson(send(HttpMethod.POST, "/order-service/order/" + id + "/note",
                new JsonObject().put("text", "Called the customer"))).getLong("response");
        JsonArray notes = okJson(get("/order-service/order/" + id + "/note")).getJsonArray("response");
        assertThat(notes).hasSize(2);
        assertThat(notes.getJsonObject(1).getLong("noteId")).isEqualTo(noteId);

        var patched = send(HttpMethod.PATCH, "/order-service/order/" + id + "/custom-field", new JsonArray()
                .add(new JsonObject().put("op", "add").put("path", "/PCF_BCID").put("value", "218")));
        assertThat(okJson(patched).getJsonObject("response").getString("PCF_BCID")).isEqualTo("218");
        var bad = send(HttpMethod.PATCH, "/order-service/order/" + id + "/custom-field", new JsonArray()
                .add(new JsonObject().put("op", "replace").put("path", "/PCF_NONE").put("value", "x")));
        assertThat(bad.statusCode()).isEqualTo(500);
        assertThat(bad.bodyAsString()).contains("CMNC-044");
        JsonObject withCf = okJson(get("/order-service/order/" + id + "?includeOptional=customFields"))
                .getJsonArray("response").getJsonObject(0);
        assertThat(withCf.getJsonObject("customFields").getString("PCF_BCID")).isEqualTo("218");

        var unknownStatus = send(HttpMethod.PUT, "/order-service/order/" + id + "/status",
                new JsonObject().put("orderStatusId", 999));
        assertThat(unknownStatus.statusCode()).isEqualTo(400);
    }

    @Test
    void orderSearchIsPositionalWithColumnsReferenceAndPaging() throws Exception {
        long customer = seedContact("search@example.com");
        for (int i = 0; i < 7; i++) {
            createOrder(salesOrder(customer, "s" + i));
        }
        JsonObject body = okJson(get("/order-service/order-search?pageSize=3&firstResult=4"));
        JsonObject resp = body.getJsonObject("response");
        JsonObject meta = resp.getJsonObject("metaData");
        assertThat(meta.getInteger("resultsAvailable")).isEqualTo(7);
        assertThat(meta.getInteger("resultsReturned")).isEqualTo(3);
        assertThat(meta.getInteger("firstResult")).isEqualTo(4);
        assertThat(meta.getInteger("lastResult")).isEqualTo(6);
        assertThat(meta.getBoolean("morePagesAvailable")).isTrue();
        JsonArray cols = meta.getJsonArray("columns");
        assertThat(cols.getJsonObject(0).getString("name")).isEqualTo("orderId");
        int extIdx = indexOf(cols, "externalRef");
        assertThat(resp.getJsonArray("results").getJsonArray(0).getString(extIdx)).isEqualTo("s3");
        assertThat(body.getJsonObject("reference").getJsonObject("orderStatusNames").getString("3"))
                .isEqualTo("Ready to ship");

        JsonObject last = okJson(get("/order-service/order-search?pageSize=3&firstResult=7")).getJsonObject("response");
        assertThat(last.getJsonObject("metaData").getBoolean("morePagesAvailable")).isFalse();
        assertThat(last.getJsonArray("results")).hasSize(1);

        JsonObject byRef = okJson(get("/order-service/order-search?externalRef=s5&columns=orderId,externalRef"))
                .getJsonObject("response");
        assertThat(byRef.getJsonArray("results")).hasSize(1);
        assertThat(byRef.getJsonArray("results").getJsonArray(0).getString(1)).isEqualTo("s5");
        assertThat(byRef.getJsonObject("metaData").getJsonArray("columns")).hasSize(2);

        JsonObject byCustRef = okJson(get("/order-service/sales-order-search?customerRef=WEB-s2")).getJsonObject("response");
        assertThat(byCustRef.getJsonArray("results")).hasSize(1);
    }

    @Test
    void searchFiltersByStatusAndUpdatedOnPeriod() throws Exception {
        long customer = seedContact("period@example.com");
        long a = createOrder(salesOrder(customer, "p1"));
        createOrder(salesOrder(customer, "p2"));
        send(HttpMethod.PUT, "/order-service/order/" + a + "/status", new JsonObject().put("orderStatusId", 2));
        JsonArray byStatus = okJson(get("/order-service/order-search?orderStatusId=2")).getJsonObject("response")
                .getJsonArray("results");
        assertThat(byStatus).hasSize(1);
        assertThat(byStatus.getJsonArray(0).getLong(0)).isEqualTo(a);

        assertThat(okJson(get("/order-service/order-search?updatedOn=2000-01-01T00:00:00Z/"))
                .getJsonObject("response").getJsonArray("results")).hasSize(2);
        assertThat(okJson(get("/order-service/order-search?createdOn=2000-01-01/2001-01-01"))
                .getJsonObject("response").getJsonArray("results")).isEmpty();
    }

    @Test
    void unparseableFilterIsA500Cmnc018() throws Exception {
        var r = get("/order-service/order-search?orderStatusId=abc");
        assertThat(r.statusCode()).isEqualTo(500);
        JsonObject err = r.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0);
        assertThat(err.getString("code")).isEqualTo("CMNC-018");
        assertThat(err.getString("message")).isEqualTo("The filter orderStatusId=abc cannot be parsed as: INTEGER");
        assertThat(get("/order-service/order-search?updatedOn=yesterday").statusCode()).isEqualTo(500);
    }

    static int indexOf(JsonArray columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.getJsonObject(i).getString("name").equals(name)) {
                return i;
            }
        }
        throw new AssertionError("no column " + name);
    }
}
