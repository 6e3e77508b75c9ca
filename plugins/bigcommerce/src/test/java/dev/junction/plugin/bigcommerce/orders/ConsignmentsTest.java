package dev.junction.plugin.bigcommerce.orders;

import dev.junction.plugin.bigcommerce.testing.TestOrders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Products and shipping addresses read back from embedded consignments, and when that reading is refused. */
class ConsignmentsTest {

    private static JsonObject product(int id, int addressId, String type, int quantity) {
        return TestOrders.product(id, "SKU-" + id, "Item " + id, quantity, "1.0000", "1.0000", "1.0000", "1.0000", "0.0000")
                .put("order_address_id", addressId).put("type", type);
    }

    private static JsonObject shipping(int id, String street, JsonObject... items) {
        return TestOrders.address("Trish", "Smith", "", street, "Dallas", "Texas", "75201", "US", "trish@example.com", "555")
                .put("id", id).put("form_fields", new JsonArray()).put("shipping_method", "UPS Ground")
                .put("line_items", new JsonArray(java.util.List.of((Object[]) items)))
                .put("items_total", 1).put("items_shipped", 0).put("base_cost", 5.1).put("cost_ex_tax", 5.1)
                .put("cost_inc_tax", 6.2).put("cost_tax", 1.1).put("cost_tax_class_id", 2).put("base_handling_cost", 0)
                .put("handling_cost_ex_tax", 0).put("handling_cost_inc_tax", 0).put("handling_cost_tax", 0)
                .put("handling_cost_tax_class_id", 2).put("shipping_zone_id", 1).put("shipping_zone_name", "US")
                .put("shipping_quotes", new JsonObject().put("resource", "/orders/218/consignments/shipping/" + id + "/shipping_quotes"));
    }

    /** Two addresses (items listed out of id order), a pickup, a download (object form) and a gift certificate. */
    private static JsonObject order() {
        JsonObject consignments = new JsonObject()
                .put("pickups", new JsonArray().add(new JsonObject().put("id", 99).put("line_items",
                        new JsonArray().add(product(14, 0, "physical", 1)))))
                .put("shipping", new JsonArray()
                        .add(shipping(52, "2 Elm St", product(13, 52, "physical", 3)))
                        .add(shipping(51, "1 Oak Ave", product(12, 51, "physical", 1), product(10, 51, "physical", 2))))
                .put("downloads", new JsonArray().add(new JsonObject().put("recipient_email", "a@b.c")
                        .put("line_items", product(11, 0, "digital", 1))))
                .put("email", new JsonObject().put("gift_certificates", new JsonArray().add(new JsonObject()
                        .put("recipient_email", "friend@b.c").put("line_items", new JsonArray().add(product(15, 0, "giftcertificate", 1))))));
        return new JsonObject().put("id", 218).put("items_total", 9).put("shipping_address_count", 2)
                .put("consignments", consignments);
    }

    @Test
    void everyLineItemOfEveryConsignmentIsAProductOnceInIdOrderAsProductsListsThem() {
        JsonObject order = order();
        JsonArray products = Consignments.products(order, Consignments.of(order).orElseThrow()).orElseThrow();

        assertThat(products.stream().map(p -> ((JsonObject) p).getInteger("id"))).containsExactly(10, 11, 12, 13, 14, 15);
        assertThat(products.getJsonObject(0)).isEqualTo(product(10, 51, "physical", 2));
        assertThat(products.getJsonObject(3).getInteger("order_address_id")).isEqualTo(52);
        assertThat(products.getJsonObject(1).getString("type")).isEqualTo("digital");
        assertThat(products.getJsonObject(5).getString("type")).isEqualTo("giftcertificate");
    }

    @Test
    void shippingConsignmentsBecomeShippingAddressesInIdOrderWithMoneyAsStrings() {
        JsonObject order = order();
        JsonArray addresses = Consignments.shippingAddresses(order, Consignments.of(order).orElseThrow()).orElseThrow();

        assertThat(addresses).hasSize(2);
        JsonObject first = addresses.getJsonObject(0);
        assertThat(first.getInteger("id")).isEqualTo(51);
        assertThat(first.getInteger("order_id")).isEqualTo(218);
        assertThat(first.getString("street_1")).isEqualTo("1 Oak Ave");
        assertThat(first.getString("shipping_method")).isEqualTo("UPS Ground");
        assertThat(first.getString("cost_inc_tax")).isEqualTo("6.2000");
        assertThat(first.getString("handling_cost_tax")).isEqualTo("0.0000");
        assertThat(first.containsKey("line_items")).isFalse();
        assertThat(addresses.getJsonObject(1).getInteger("id")).isEqualTo(52);
    }

    @Test
    void aReadingThatDoesNotAddUpIsRefusedSoTheSubResourceIsAsked() {
        JsonObject shortOfItems = order().put("items_total", 10);
        assertThat(Consignments.products(shortOfItems, Consignments.of(shortOfItems).orElseThrow())).isEmpty();

        JsonObject fewerAddresses = order().put("shipping_address_count", 3);
        assertThat(Consignments.shippingAddresses(fewerAddresses, Consignments.of(fewerAddresses).orElseThrow())).isEmpty();

        JsonObject links = order();
        links.getJsonObject("consignments").getJsonArray("shipping").getJsonObject(0).put("line_items", new JsonArray()
                .add(new JsonObject().put("url", "https://x/v2/orders/218/products/13").put("resource", "/orders/218/products/13")));
        assertThat(Consignments.products(links, Consignments.of(links).orElseThrow())).isEmpty();

        JsonObject unknownKind = order();
        unknownKind.getJsonObject("consignments").put("drones", new JsonArray());
        assertThat(Consignments.products(unknownKind, Consignments.of(unknownKind).orElseThrow())).isEmpty();

        JsonObject linked = order().put("consignments", new JsonObject().put("url", "https://x/v2/orders/218/consignments")
                .put("resource", "/orders/218/consignments"));
        assertThat(Consignments.of(linked)).isEmpty();
        assertThat(Consignments.of(new JsonObject().put("id", 1))).isEmpty();
    }
}
