package dev.junction.sandbox.brightpearl;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BrightpearlGoodsOutTest extends BrightpearlTestSupport {

    private long product;
    private long customer;

    private long order(String ref, int qty) throws Exception {
        if (customer == 0) {
            product = seedProduct("MUG-1", Map.of("2", 10, "3", 4));
            customer = seedContact("gon@example.com");
        }
        return createOrder(salesOrder(customer, ref, product, qty));
    }

    private long firstRowId(long orderId) throws Exception {
        JsonObject rows = okJson(get("/order-service/order/" + orderId)).getJsonArray("response").getJsonObject(0)
                .getJsonObject("orderRows");
        return Long.parseLong(rows.fieldNames().iterator().next());
    }

    private long postGon(long orderId, long rowId, int qty) throws Exception {
        JsonObject body = new JsonObject().put("warehouses", new JsonArray().add(new JsonObject().put("warehouseId", 2)
                .put("releaseDate", "2026-01-05T10:00:00Z").put("transfer", false).put("products", new JsonArray()
                        .add(new JsonObject().put("productId", product).put("salesOrderRowId", rowId).put("quantity", qty)))))
                .put("priority", false).put("shippingMethodId", 2);
        return okJson(send(HttpMethod.POST, "/warehouse-service/order/" + orderId + "/goods-note/goods-out", body))
                .getLong("response");
    }

    private JsonObject gon(long orderId, long gonId) throws Exception {
        return okJson(get("/warehouse-service/order/" + orderId + "/goods-note/goods-out/" + gonId))
                .getJsonObject("response").getJsonObject(String.valueOf(gonId));
    }

    @Test
    void createReadAndAllocate() throws Exception {
        long orderId = order("g1", 3);
        long rowId = firstRowId(orderId);
        long gonId = postGon(orderId, rowId, 3);
        JsonObject byStar = okJson(get("/warehouse-service/order/*/goods-note/goods-out")).getJsonObject("response");
        assertThat(byStar.fieldNames()).containsExactly(String.valueOf(gonId));
        JsonObject g = gon(orderId, gonId);
        assertThat(g.getLong("orderId")).isEqualTo(orderId);
        assertThat(g.getJsonObject("orderRows").getJsonArray(String.valueOf(rowId)).getJsonObject(0).getLong("quantity"))
                .isEqualTo(3);
        assertThat(g.getJsonObject("status").getBoolean("shipped")).isFalse();
        assertThat(g.getJsonObject("shipping").getLong("shippingMethodId")).isEqualTo(2);

        JsonObject avail = okJson(get("/warehouse-service/product-availability/" + product)).getJsonObject("response")
                .getJsonObject(String.valueOf(product)).getJsonObject("warehouses").getJsonObject("2");
        assertThat(avail.getLong("allocated")).isEqualTo(3);
        assertThat(avail.getLong("inStock")).isEqualTo(7);

        // cannot fulfil more than ordered
        HttpResponse<Buffer> over = send(HttpMethod.POST, "/warehouse-service/order/" + orderId + "/goods-note/goods-out",
                new JsonObject().put("warehouses", new JsonArray().add(new JsonObject().put("warehouseId", 2)
                        .put("products", new JsonArray().add(new JsonObject().put("productId", product)
                                .put("salesOrderRowId", rowId).put("quantity", 1))))));
        assertThat(over.statusCode()).isEqualTo(400);
        assertThat(over.bodyAsString()).contains("left to fulfil");
    }

    @Test
    void shwBackFillsThenFreezes() throws Exception {
        long orderId = order("g2", 2);
        long gonId = postGon(orderId, firstRowId(orderId), 2);
        var put = send(HttpMethod.PUT, "/warehouse-service/goods-note/goods-out/" + gonId, new JsonObject()
                .put("priority", false).put("shipping", new JsonObject().put("reference", "1Z999").put("boxes", 1)
                        .put("weight", "1.5").put("shippingMethodId", 1)));
        assertThat(put.statusCode()).isEqualTo(200);
        long before = gon(orderId, gonId).getLong("lastEventVersion");

        var shw = send(HttpMethod.POST, "/warehouse-service/goods-note/goods-out/" + gonId + "/event", new JsonObject()
                .put("events", new JsonArray().add(new JsonObject().put("eventCode", "SHW")
                        .put("occured", "2026-01-06T09:00:00Z").put("eventOwnerId", 4))));
        assertThat(shw.statusCode()).isEqualTo(200);
        JsonObject g = gon(orderId, gonId);
        JsonObject status = g.getJsonObject("status");
        assertThat(List.of(status.getBoolean("printed"), status.getBoolean("picked"), status.getBoolean("packed"),
                status.getBoolean("shipped"))).containsOnly(true);
        assertThat(status.getString("shippedOn")).startsWith("2026-01-06T09:00:00.000");
        assertThat(status.getString("printedOn")).isEqualTo(status.getString("shippedOn"));
        assertThat(g.getJsonArray("events").stream().map(e -> ((JsonObject) e).getString("eventCode")))
                .containsExactly("PLA", "PRI", "PIC", "PAC", "SHW");
        assertThat(g.getLong("lastEventVersion")).isGreaterThan(before);
        assertThat(g.getJsonObject("shipping").getString("reference")).isEqualTo("1Z999");

        // frozen: no events, no edits
        var again = send(HttpMethod.POST, "/warehouse-service/goods-note/goods-out/" + gonId + "/event",
                new JsonObject().put("events", new JsonArray().add(new JsonObject().put("eventCode", "UPR"))));
        assertThat(again.statusCode()).isEqualTo(400);
        var edit = send(HttpMethod.PUT, "/warehouse-service/goods-note/goods-out/" + gonId,
                new JsonObject().put("shipping", new JsonObject().put("reference", "other")));
        assertThat(edit.statusCode()).isEqualTo(400);
        assertThat(gon(orderId, gonId).getLong("lastEventVersion")).isEqualTo(g.getLong("lastEventVersion"));

        // shipped goods left the warehouse and the order is all shipped
        JsonObject wh2 = okJson(get("/warehouse-service/product-availability/" + product)).getJsonObject("response")
                .getJsonObject(String.valueOf(product)).getJsonObject("warehouses").getJsonObject("2");
        assertThat(wh2.getLong("onHand")).isEqualTo(8);
        assertThat(wh2.getLong("allocated")).isZero();
        assertThat(okJson(get("/order-service/order/" + orderId)).getJsonArray("response").getJsonObject(0)
                .getString("shippingStatusCode")).isEqualTo("ASS");
    }

    @Test
    void searchByShippedAndWarehouse() throws Exception {
        long o1 = order("g3", 1);
        long o2 = order("g4", 1);
        long g1 = postGon(o1, firstRowId(o1), 1);
        postGon(o2, firstRowId(o2), 1);
        send(HttpMethod.POST, "/warehouse-service/goods-note/goods-out/" + g1 + "/event", new JsonObject()
                .put("events", new JsonArray().add(new JsonObject().put("eventCode", "SHW"))));
        JsonObject shipped = okJson(get("/warehouse-service/goods-note/goods-out-search?shipped=true&warehouseId=2"))
                .getJsonObject("response");
        assertThat(shipped.getJsonArray("results")).hasSize(1);
        assertThat(shipped.getJsonArray("results").getJsonArray(0).getLong(0)).isEqualTo(g1);
        assertThat(okJson(get("/warehouse-service/goods-note/goods-out-search?shipped=false&createdOn=2000-01-01T00:00:00Z/"))
                .getJsonObject("response").getJsonArray("results")).hasSize(1);
    }

    @Test
    void automationCreatesOneNotePerWarehouse() throws Exception {
        long other = seedProduct("MUG-2", Map.of("3", 5));
        long p1 = seedProduct("MUG-1", Map.of("2", 10));
        long cust = seedContact("auto@example.com");
        control(HttpMethod.PUT, "/options", new JsonObject().put("autoGoodsOutNotes", true)
                .put("productWarehouses", new JsonObject().put(String.valueOf(other), 3)));
        long orderId = createOrder(salesOrder(cust, "auto", p1, 1, other, 2));
        JsonObject gons = okJson(get("/warehouse-service/order/" + orderId + "/goods-note/goods-out"))
                .getJsonObject("response");
        assertThat(gons.size()).isEqualTo(2);
        assertThat(gons.stream().map(e -> ((JsonObject) e.getValue()).getLong("warehouseId"))).containsExactlyInAnyOrder(2L, 3L);
        assertThat(control(HttpMethod.GET, "/goods-out-notes", null).bodyAsJsonArray()).hasSize(2);
    }
}
