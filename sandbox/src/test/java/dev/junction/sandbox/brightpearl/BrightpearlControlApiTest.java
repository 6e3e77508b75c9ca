package dev.junction.sandbox.brightpearl;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BrightpearlControlApiTest extends BrightpearlTestSupport {

    @Test
    void seededOrdersHonourPerRowWarehousesForAutomation() throws Exception {
        long a = seedProduct("CTL-A", Map.of("2", 5));
        long b = seedProduct("CTL-B", Map.of("3", 5));
        long customer = seedContact("ctl@example.com");
        control(HttpMethod.PUT, "/options", new JsonObject().put("autoGoodsOutNotes", true));
        JsonObject order = salesOrder(customer, "ctl", a, 1, b, 1);
        order.getJsonArray("rows").getJsonObject(1).put("warehouseId", 3);
        var seeded = control(HttpMethod.POST, "/orders", order);
        assertThat(seeded.statusCode()).as(seeded.bodyAsString()).isEqualTo(200);
        long orderId = seeded.bodyAsJsonObject().getLong("id");

        JsonArray gons = control(HttpMethod.GET, "/goods-out-notes", null).bodyAsJsonArray();
        assertThat(gons.stream().map(g -> ((JsonObject) g).getLong("warehouseId"))).containsExactly(2L, 3L);
        assertThat(gons.stream().map(g -> ((JsonObject) g).getLong("orderId"))).containsOnly(orderId);

        JsonArray orders = control(HttpMethod.GET, "/orders", null).bodyAsJsonArray();
        assertThat(orders).hasSize(1);
        assertThat(orders.getJsonObject(0).getJsonArray("rows")).hasSize(2);

        // an order with goods-out notes cannot be cancelled
        var cancel = send(HttpMethod.PUT, "/order-service/order/" + orderId + "/status",
                new JsonObject().put("orderStatusId", 6));
        assertThat(cancel.statusCode()).isEqualTo(400);
        assertThat(cancel.bodyAsString()).contains("goods-out notes");
    }

    @Test
    void theOrdersSummaryViewCarriesOnlyWhatACounterNeeds() throws Exception {
        long product = seedProduct("CTL-S", Map.of("2", 5));
        long customer = seedContact("summary@example.com");
        JsonObject order = salesOrder(customer, "sum", product, 1).put("externalRef", "store:77");
        assertThat(control(HttpMethod.POST, "/orders", order).statusCode()).isEqualTo(200);

        JsonObject full = control(HttpMethod.GET, "/orders", null).bodyAsJsonArray().getJsonObject(0);
        JsonObject summary = control(HttpMethod.GET, "/orders?view=summary", null).bodyAsJsonArray().getJsonObject(0);

        assertThat(summary.fieldNames()).containsExactlyInAnyOrder("id", "ref", "externalRef", "createdOn");
        for (String field : summary.fieldNames()) {
            assertThat(summary.getValue(field)).as(field).isEqualTo(full.getValue(field)).isNotNull();
        }
    }

    @Test
    void referenceDataCanBeSeededAndStatsCountRoutes() throws Exception {
        control(HttpMethod.POST, "/warehouses", new JsonObject().put("id", 7).put("name", "West"));
        control(HttpMethod.POST, "/order-statuses", new JsonObject().put("name", "Awaiting stock"));
        assertThat(okJson(get("/warehouse-service/warehouse/7")).getJsonArray("response").getJsonObject(0)
                .getString("name")).isEqualTo("West");
        JsonArray statuses = okJson(get("/order-service/order-status")).getJsonArray("response");
        assertThat(statuses.stream().map(s -> ((JsonObject) s).getString("name"))).contains("Awaiting stock");
        get("/order-service/order/1-3");
        JsonObject routes = control(HttpMethod.GET, "/stats", null).bodyAsJsonObject().getJsonObject("routes");
        assertThat(routes.getLong("GET /warehouse-service/warehouse/{id}")).isEqualTo(1);
        assertThat(routes.getLong("GET /order-service/order/{id}")).isEqualTo(1);
        assertThat(routes.getLong("GET /order-service/order-status")).isEqualTo(1);
    }

    @Test
    void optionsExposeCredentials() throws Exception {
        JsonObject o = control(HttpMethod.GET, "/options", null).bodyAsJsonObject();
        assertThat(o.getString("appRef")).isEqualTo("junction-sandbox");
        assertThat(o.getString("accountCode")).isEqualTo(opts.accountCode());
        assertThat(o.getBoolean("autoGoodsOutNotes")).isFalse();
    }

    @Test
    void oneOrderCanBeReadWithoutARequestBody() throws Exception {
        long customer = seedContact("one@example.com");
        long product = seedProduct("ONE-1", Map.of("2", 5));
        long orderId = createOrder(salesOrder(customer, "one-1", product, 2));
        okJson(send(HttpMethod.POST, "/order-service/order/" + orderId + "/note",
                new JsonObject().put("text", "Packed with care").put("isPublic", false)));

        var r = control(HttpMethod.GET, "/orders/" + orderId, null);
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
        JsonObject o = r.bodyAsJsonObject();
        assertThat(o.getLong("id")).isEqualTo(orderId);
        assertThat(o.getJsonArray("rows")).hasSize(1);
        assertThat(o.getJsonArray("notes").stream().map(n -> ((JsonObject) n).getString("text")))
                .contains("Packed with care");

        var missing = control(HttpMethod.GET, "/orders/999999", null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.bodyAsJsonObject().getString("error")).contains("999999");
    }
}
