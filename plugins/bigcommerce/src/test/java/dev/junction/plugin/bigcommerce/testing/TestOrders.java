package dev.junction.plugin.bigcommerce.testing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Realistic BigCommerce v2 order payloads as the {@code orders} source embeds them (order + products +
 * shipping_addresses + coupons), money as 4-decimal strings like the real API.
 */
public final class TestOrders {

    private TestOrders() {
    }

    /** US store, 8.25% tax: 2 x T-shirt (40.00 + 3.30 tax), 1 mug (15.00 + 1.24), shipping 10.00 + 0.83. */
    public static JsonObject basic() {
        JsonObject order = new JsonObject()
                .put("id", 218).put("customer_id", 11)
                .put("date_created", "Tue, 05 Mar 2019 21:40:11 +0000")
                .put("date_modified", "Mon, 11 Mar 2019 15:17:25 +0000")
                .put("status_id", 11).put("status", "Awaiting Fulfillment").put("custom_status", "Awaiting Fulfillment")
                .put("subtotal_ex_tax", "55.0000").put("subtotal_inc_tax", "59.5400").put("subtotal_tax", "4.5400")
                .put("base_shipping_cost", "10.0000").put("shipping_cost_ex_tax", "10.0000")
                .put("shipping_cost_inc_tax", "10.8300").put("shipping_cost_tax", "0.8300")
                .put("handling_cost_ex_tax", "0.0000").put("handling_cost_inc_tax", "0.0000").put("handling_cost_tax", "0.0000")
                .put("wrapping_cost_ex_tax", "0.0000").put("wrapping_cost_inc_tax", "0.0000").put("wrapping_cost_tax", "0.0000")
                .put("total_ex_tax", "65.0000").put("total_inc_tax", "70.3700").put("total_tax", "5.3700")
                .put("is_tax_inclusive_pricing", false)
                .put("payment_method", "Credit Card").put("channel_id", 1)
                .put("currency_code", "USD").put("currency_exchange_rate", "1.0000000000").put("default_currency_code", "USD")
                .put("staff_notes", "VIP - pack carefully").put("customer_message", "Please leave at the back door")
                .put("discount_amount", "0.0000").put("coupon_discount", "0.0000")
                .put("gift_certificate_amount", "0.0000").put("store_credit_amount", "0.0000")
                .put("billing_address", address("Jane", "Doe", "Acme Inc", "555 East Street", "Austin", "Texas", "78108",
                        "US", "JaneDoe@Example.com", "1234567890"))
                .put("products", new JsonArray()
                        .add(product(101, "TSHIRT-BLK-M", "Classic T-Shirt", 2, "20.0000", "21.6500", "40.0000", "43.3000", "3.3000")
                                .put("product_options", new JsonArray()
                                        .add(new JsonObject().put("id", 45).put("display_name", "Size").put("display_value", "M")
                                                .put("name", "Apparel sizes").put("value", "69"))
                                        .add(new JsonObject().put("id", 46).put("display_name", "Colour").put("display_value", "Black")
                                                .put("name", "Colors").put("value", "112"))))
                        .add(product(102, "MUG-01", "Enamel Mug", 1, "15.0000", "16.2400", "15.0000", "16.2400", "1.2400")))
                .put("shipping_addresses", new JsonArray().add(address("Trish", "Smith", "", "666 Sussex St", "Dallas",
                        "Texas", "75201", "US", "trish@example.com", "5550100")
                        .put("id", 51).put("shipping_method", "UPS Ground")))
                .put("coupons", new JsonArray());
        return order;
    }

    public static JsonObject product(int id, String sku, String name, int qty, String priceEx, String priceInc,
                                     String totalEx, String totalInc, String totalTax) {
        return new JsonObject().put("id", id).put("order_id", 218).put("product_id", id + 1000).put("order_address_id", 51)
                .put("name", name).put("sku", sku).put("type", "physical").put("quantity", qty).put("quantity_shipped", 0)
                .put("base_price", priceEx).put("price_ex_tax", priceEx).put("price_inc_tax", priceInc)
                .put("total_ex_tax", totalEx).put("total_inc_tax", totalInc).put("total_tax", totalTax)
                .put("wrapping_name", "").put("wrapping_message", "").put("base_wrapping_cost", "0.0000")
                .put("wrapping_cost_ex_tax", "0.0000").put("wrapping_cost_inc_tax", "0.0000").put("wrapping_cost_tax", "0.0000")
                .put("is_bundled_product", false).put("parent_order_product_id", (Object) null)
                .put("applied_discounts", new JsonArray()).put("product_options", new JsonArray());
    }

    public static JsonObject address(String first, String last, String company, String street, String city, String state,
                                     String zip, String iso2, String email, String phone) {
        return new JsonObject().put("first_name", first).put("last_name", last).put("company", company)
                .put("street_1", street).put("street_2", "").put("city", city).put("state", state).put("zip", zip)
                .put("country", "United States").put("country_iso2", iso2).put("email", email).put("phone", phone);
    }

    public static JsonObject coupon(int id, String code, int type, String discount) {
        return new JsonObject().put("id", id).put("coupon_id", id + 100).put("order_id", 218).put("code", code)
                .put("amount", discount).put("type", type).put("discount", Double.parseDouble(discount));
    }
}
