package dev.junction.sandbox.bigcommerce;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
class BigCommerceShipmentsTest {
    private BcSandbox bc;
    private int orderId;
    private int addressId;
    private int mugLine;
    private int posterLine;

    @BeforeEach
    void start(Vertx vertx) {
        bc = new BcSandbox(vertx, 0);
        JsonObject order = bc.seedOrder();
        orderId = order.getInteger("id");
        addressId = order.getJsonArray("shipping_addresses").getJsonObject(0).getInteger("id");
        mugLine = order.getJsonArray("products").getJsonObject(0).getInteger("id");
        posterLine = order.getJsonArray("products").getJsonObject(1).getInteger("id");
    }

    @AfterEach
    void stop() {
        bc.close();
    }

    private HttpResponse<Buffer> ship(Object addressId, int line, int qty) {
        return bc.api(HttpMethod.POST, "/v2/orders/" + orderId + "/shipments", new JsonObject()
                .put("order_address_id", addressId).put("tracking_number", "1Z999").put("shipping_provider", "ups")
                .put("items", new JsonArray().add(new JsonObject().put("order_product_id", line).put("quantity", qty))));
    }

    @Test
    void partialShipmentThenFullShipmentMovesStatusToPartiallyShippedThenShipped() {
        assertThat(bc.get("/v2/orders/" + orderId + "/shipments").statusCode()).isEqualTo(204);

        HttpResponse<Buffer> first = ship(addressId, mugLine, 1);
        assertThat(first.statusCode()).isEqualTo(201);
        JsonObject shipment = first.bodyAsJsonObject();
        assertThat(shipment.getInteger("order_address_id")).isEqualTo(addressId);
        assertThat(shipment.getJsonArray("items").getJsonObject(0).getInteger("quantity")).isEqualTo(1);
        assertThat(shipment.getString("generated_tracking_link")).contains("1Z999");
        JsonObject order = bc.get("/v2/orders/" + orderId).bodyAsJsonObject();
        assertThat(order.getInteger("status_id")).isEqualTo(3);
        assertThat(order.getString("status")).isEqualTo("Partially Shipped");
        assertThat(order.getInteger("items_shipped")).isEqualTo(1);
        assertThat(order.getString("date_shipped")).isEmpty();

        // The address id as a string, as one BigCommerce doc example sends it.
        assertThat(ship(String.valueOf(addressId), mugLine, 1).statusCode()).isEqualTo(201);
        assertThat(bc.get("/v2/orders/" + orderId).bodyAsJsonObject().getInteger("status_id")).isEqualTo(3);
        assertThat(ship(addressId, posterLine, 1).statusCode()).isEqualTo(201);

        order = bc.get("/v2/orders/" + orderId).bodyAsJsonObject();
        assertThat(order.getInteger("status_id")).isEqualTo(2);
        assertThat(order.getString("status")).isEqualTo("Shipped");
        assertThat(order.getInteger("items_shipped")).isEqualTo(3);
        assertThat(order.getString("date_shipped")).isNotEmpty();
        JsonArray products = bc.get("/v2/orders/" + orderId + "/products").bodyAsJsonArray();
        assertThat(products.getJsonObject(0).getInteger("quantity_shipped")).isEqualTo(2);
        assertThat(bc.get("/v2/orders/" + orderId + "/shipments").bodyAsJsonArray()).hasSize(3);
        assertThat(bc.get("/v2/orders/" + orderId + "/shipments/count").bodyAsJsonObject().getInteger("count")).isEqualTo(3);
        assertThat(bc.get("/v2/orders/" + orderId + "/shipping_addresses").bodyAsJsonArray().getJsonObject(0)
                .getInteger("items_shipped")).isEqualTo(3);
    }

    @Test
    void overShippingAndBadRequestsAreRejectedWithV2Errors() {
        HttpResponse<Buffer> over = ship(addressId, mugLine, 3);
        assertThat(over.statusCode()).isEqualTo(400);
        assertThat(over.bodyAsJsonArray().getJsonObject(0).getString("message")).contains("remains to be shipped");
        assertThat(ship(addressId, mugLine, 2).statusCode()).isEqualTo(201);
        assertThat(ship(addressId, mugLine, 1).statusCode()).isEqualTo(400);
        assertThat(ship(999, posterLine, 1).statusCode()).isEqualTo(400);
        assertThat(ship(addressId, 999, 1).statusCode()).isEqualTo(400);
        assertThat(bc.api(HttpMethod.POST, "/v2/orders/" + orderId + "/shipments",
                new JsonObject().put("items", new JsonArray())).statusCode()).isEqualTo(400);
        // Nothing was shipped by the rejected requests.
        assertThat(bc.get("/v2/orders/" + orderId + "/products").bodyAsJsonArray().getJsonObject(1)
                .getInteger("quantity_shipped")).isZero();
    }

    @Test
    void shipmentCanBeReadUpdatedAndDeleted() {
        int id = ship(addressId, mugLine, 1).bodyAsJsonObject().getInteger("id");
        String path = "/v2/orders/" + orderId + "/shipments/" + id;
        assertThat(bc.get(path).bodyAsJsonObject().getString("tracking_number")).isEqualTo("1Z999");
        HttpResponse<Buffer> put = bc.api(HttpMethod.PUT, path, new JsonObject().put("tracking_number", "NEW1"));
        assertThat(put.bodyAsJsonObject().getString("tracking_number")).isEqualTo("NEW1");
        assertThat(bc.api(HttpMethod.DELETE, path, null).statusCode()).isEqualTo(204);
        assertThat(bc.get(path).statusCode()).isEqualTo(404);
        assertThat(bc.get("/v2/orders/" + orderId + "/products").bodyAsJsonArray().getJsonObject(0)
                .getInteger("quantity_shipped")).isZero();
        // Deleting a shipment does not move the order out of its shipped status.
        assertThat(bc.get("/v2/orders/" + orderId).bodyAsJsonObject().getInteger("status_id")).isEqualTo(3);
    }
}
