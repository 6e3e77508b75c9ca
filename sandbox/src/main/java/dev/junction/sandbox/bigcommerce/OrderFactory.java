package dev.junction.sandbox.bigcommerce;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a stored order from a BigCommerce-shaped order body ({@code POST /v2/orders} or the control API).
 * Whatever the body states (prices, totals, discounts, currency, dates) is kept as given, so tests can
 * reproduce real orders exactly; whatever it leaves out is derived the way BigCommerce derives it:
 * <ul>
 * <li>line totals = unit price x quantity (before discounts); {@code discounted_total_inc_tax} subtracts the
 * line's {@code applied_discounts};</li>
 * <li>{@code discount_amount} = applied discounts without a coupon code (manual discounts, promotions);
 * {@code coupon_discount} = sum of the coupons' {@code discount}. A shipping discount is a coupon of type 3
 * (shipping_discount) or 4 (free_shipping): it lowers the total, not the lines;</li>
 * <li>total = subtotal + shipping + wrapping + handling - discount_amount - coupon_discount.</li>
 * </ul>
 */
final class OrderFactory {
    private static final BigDecimal ZERO = BigDecimal.ZERO;

    private final BcStore store;

    OrderFactory(BcStore store) {
        this.store = store;
    }

    /**
     * A map with room for an order's or a line's 60-80 fields: grown from the default 16 it was rehashed three
     * times per object, a tenth of the generator's time in benchmarks (its final size is the same).
     */
    private static java.util.Map<String, Object> sized() {
        return new java.util.LinkedHashMap<>(128);
    }

    BcOrder create(JsonObject in, int defaultStatus, String orderSource) {
        JsonObject billing = in.getJsonObject("billing_address");
        if (billing == null) throw new Formats.BadInput("The field 'billing_address' is required");
        JsonArray productsIn = in.getJsonArray("products");
        if (productsIn == null || productsIn.isEmpty()) throw new Formats.BadInput("The field 'products' is required");
        int statusId = in.getInteger("status_id", defaultStatus);
        if (!OrderStatuses.exists(statusId)) throw new Formats.BadInput("status_id " + statusId + " is not a valid status");

        int orderId = store.orderIds.getAndIncrement();
        Instant now = store.now();
        Instant created = in.containsKey("date_created") ? Formats.parseDate(in.getString("date_created")) : now;
        Instant modified = in.containsKey("date_modified") ? Formats.parseDate(in.getString("date_modified")) : created;

        List<JsonObject> lines = new ArrayList<>();
        for (int i = 0; i < productsIn.size(); i++) lines.add(line(orderId, productsIn.getJsonObject(i)));
        boolean physical = lines.stream().anyMatch(l -> "physical".equals(l.getString("type")));

        JsonArray addressesIn = in.getJsonArray("shipping_addresses", new JsonArray());
        if (addressesIn.isEmpty() && physical) addressesIn = new JsonArray().add(billing.copy());
        List<JsonObject> addresses = new ArrayList<>();
        BigDecimal shipEx = Formats.decimal(in, "shipping_cost_ex_tax", null);
        BigDecimal shipInc = Formats.decimal(in, "shipping_cost_inc_tax", null);
        if (shipEx == null) shipEx = shipInc == null ? ZERO : shipInc;
        if (shipInc == null) shipInc = shipEx;
        for (int i = 0; i < addressesIn.size(); i++) {
            // The order's shipping cost sits on its first address, as for single-address checkouts.
            addresses.add(address(orderId, addressesIn.getJsonObject(i), i == 0 ? shipEx : ZERO, i == 0 ? shipInc : ZERO,
                    in.getString("shipping_method", "Flat Rate")));
        }
        int firstAddress = addresses.isEmpty() ? 0 : addresses.get(0).getInteger("id");
        for (JsonObject l : lines) {
            if ("physical".equals(l.getString("type"))) l.put("order_address_id", firstAddress);
        }
        for (JsonObject a : addresses) {
            int items = lines.stream().filter(l -> l.getInteger("order_address_id") == a.getInteger("id").intValue())
                    .mapToInt(l -> l.getInteger("quantity")).sum();
            a.put("items_total", items);
        }

        List<JsonObject> coupons = new ArrayList<>();
        JsonArray couponsIn = in.getJsonArray("coupons", new JsonArray());
        for (int i = 0; i < couponsIn.size(); i++) coupons.add(coupon(orderId, couponsIn.getJsonObject(i)));

        JsonObject f = totals(in, lines, coupons, shipEx, shipInc);
        f.put("id", orderId).put("customer_id", in.getInteger("customer_id", 0))
                .put("date_shipped", "").put("status_id", statusId).put("status", OrderStatuses.name(statusId))
                .put("custom_status", OrderStatuses.name(statusId))
                .put("items_total", lines.stream().mapToInt(l -> l.getInteger("quantity")).sum())
                .put("items_shipped", 0)
                .put("payment_method", in.getString("payment_method", "Manual"))
                .put("payment_provider_id", in.getValue("payment_provider_id", ""))
                .put("payment_status", in.getString("payment_status", statusId == 0 || statusId == 1 ? "" : "captured"))
                .put("refunded_amount", "0.0000").put("order_is_digital", !physical)
                .put("ip_address", in.getString("ip_address", "")).put("ip_address_v6", "")
                .put("geoip_country", in.getString("geoip_country", "")).put("geoip_country_iso2", in.getString("geoip_country_iso2", ""))
                .put("staff_notes", in.getString("staff_notes", "")).put("customer_message", in.getString("customer_message", ""))
                .put("shipping_address_count", addresses.size()).put("is_deleted", false)
                .put("ebay_order_id", "0").put("cart_id", in.getString("cart_id", ""))
                .put("billing_address", billingAddress(billing))
                .put("is_email_opt_in", in.getBoolean("is_email_opt_in", false))
                .put("order_source", in.getString("order_source", orderSource))
                .put("channel_id", in.getInteger("channel_id", 1))
                .put("external_source", in.getString("external_source"))
                .put("external_id", in.getString("external_id"))
                .put("external_merchant_id", in.getString("external_merchant_id"))
                .put("external_order_id", in.getString("external_order_id", ""))
                .put("tax_provider_id", in.getString("tax_provider_id", ""))
                .put("customer_locale", in.getString("customer_locale", "en"))
                .put("is_tax_inclusive_pricing", in.getBoolean("is_tax_inclusive_pricing", false));
        currency(in, f);
        return new BcOrder(orderId, f, lines, addresses, coupons, created, modified);
    }

    private JsonObject line(int orderId, JsonObject p) {
        Catalog.Variant variant = null;
        Catalog.Product product = null;
        if (p.getInteger("variant_id") != null) variant = store.catalog.variant(p.getInteger("variant_id"));
        if (variant == null && p.getString("sku") != null) variant = store.catalog.variantBySku(p.getString("sku"));
        if (p.getInteger("product_id") != null) {
            product = store.catalog.product(p.getInteger("product_id"));
            if (product == null && !p.containsKey("name")) {
                throw new Formats.BadInput("Product " + p.getInteger("product_id") + " does not exist");
            }
        }
        if (product == null && variant != null) product = store.catalog.product(variant.productId());
        if (variant == null && product != null) variant = product.baseVariant();
        String name = p.getString("name", p.getString("name_customer", product == null ? null : product.name()));
        if (name == null || name.isBlank()) throw new Formats.BadInput("A custom product needs a 'name'");
        BigDecimal catalogPrice = variant == null ? null : variant.price();
        BigDecimal ex = Formats.decimal(p, "price_ex_tax", null);
        BigDecimal inc = Formats.decimal(p, "price_inc_tax", null);
        if (ex == null && inc == null && catalogPrice == null) {
            throw new Formats.BadInput("A custom product needs 'price_ex_tax' or 'price_inc_tax'");
        }
        if (ex == null) ex = inc != null ? inc : catalogPrice;
        if (inc == null) inc = ex;
        int qty = p.getInteger("quantity", 1);
        if (qty < 1) throw new Formats.BadInput("quantity must be at least 1");
        BigDecimal q = BigDecimal.valueOf(qty);
        BigDecimal totalEx = Formats.decimal(p, "total_ex_tax", ex.multiply(q));
        BigDecimal totalInc = Formats.decimal(p, "total_inc_tax", inc.multiply(q));
        JsonArray discounts = new JsonArray();
        BigDecimal discounted = ZERO;
        for (Object o : p.getJsonArray("applied_discounts", new JsonArray())) {
            JsonObject d = (JsonObject) o;
            BigDecimal amount = Formats.decimal(d, "amount", ZERO);
            discounted = discounted.add(amount);
            discounts.add(new JsonObject().put("id", String.valueOf(d.getValue("id", "manual-discount")))
                    .put("amount", Formats.money(amount)).put("name", d.getString("name", "Manual Discount"))
                    .put("code", d.getString("code")).put("target", d.getString("target", "order")));
        }
        int lineId = store.lineIds.getAndIncrement();
        String type = p.getString("type", product == null ? "physical" : product.type());
        if (!List.of("physical", "digital", "giftcertificate").contains(type)) {
            throw new Formats.BadInput("type must be physical, digital or giftcertificate");
        }
        BigDecimal wrapEx = Formats.decimal(p, "wrapping_cost_ex_tax", Formats.decimal(p, "base_wrapping_cost", ZERO));
        BigDecimal wrapInc = Formats.decimal(p, "wrapping_cost_inc_tax", wrapEx);
        return new JsonObject(sized()).put("id", lineId).put("order_id", orderId)
                .put("product_id", product == null ? 0 : product.id())
                .put("variant_id", variant == null ? 0 : variant.id())
                .put("order_address_id", 0).put("name", name).put("name_customer", name).put("name_merchant", name)
                .put("sku", p.getString("sku", variant == null ? "" : variant.sku()))
                .put("upc", p.getString("upc", "")).put("type", type)
                .put("base_price", Formats.money(Formats.decimal(p, "base_price", ex)))
                .put("price_ex_tax", Formats.money(ex)).put("price_inc_tax", Formats.money(inc))
                .put("price_tax", Formats.money(inc.subtract(ex)))
                .put("base_total", Formats.money(Formats.decimal(p, "base_total", totalEx)))
                .put("total_ex_tax", Formats.money(totalEx)).put("total_inc_tax", Formats.money(totalInc))
                .put("total_tax", Formats.money(totalInc.subtract(totalEx)))
                .put("discounted_total_inc_tax", Formats.money(totalInc.subtract(discounted)))
                .put("quantity", qty).put("quantity_shipped", 0).put("quantity_refunded", 0)
                .put("is_refunded", false).put("refund_amount", "0.0000").put("return_id", 0)
                .put("base_cost_price", "0.0000").put("cost_price_inc_tax", "0.0000")
                .put("cost_price_ex_tax", "0.0000").put("cost_price_tax", "0.0000")
                .put("weight", Formats.decimal(p, "weight", product == null ? ZERO : product.weight()).toPlainString())
                .put("width", "0.0000").put("height", "0.0000").put("depth", "0.0000")
                .put("wrapping_id", p.getString("wrapping_name") == null ? 0 : 1)
                .put("wrapping_name", p.getString("wrapping_name", ""))
                .put("base_wrapping_cost", Formats.money(wrapEx))
                .put("wrapping_cost_ex_tax", Formats.money(wrapEx)).put("wrapping_cost_inc_tax", Formats.money(wrapInc))
                .put("wrapping_cost_tax", Formats.money(wrapInc.subtract(wrapEx)))
                .put("wrapping_message", p.getString("wrapping_message", ""))
                .put("event_name", null).put("event_date", null).put("fixed_shipping_cost", "0.0000")
                .put("ebay_item_id", "").put("ebay_transaction_id", "").put("option_set_id", null)
                .put("parent_order_product_id", null).put("is_bundled_product", false)
                .put("bin_picking_number", p.getString("bin_picking_number", "")).put("external_id", null)
                .put("brand", p.getString("brand", ""))
                .put("gift_certificate_id", "giftcertificate".equals(type) ? p.getInteger("gift_certificate_id", lineId) : null)
                .put("applied_discounts", discounts)
                .put("product_options", options(lineId, p.getJsonArray("product_options", new JsonArray())))
                .put("configurable_fields", new JsonArray());
    }

    private static JsonArray options(int lineId, JsonArray in) {
        JsonArray out = new JsonArray();
        for (int i = 0; i < in.size(); i++) {
            JsonObject o = in.getJsonObject(i);
            String display = o.getString("display_name", o.getString("name", "Option"));
            String value = String.valueOf(o.getValue("display_value", o.getValue("value", "")));
            out.add(new JsonObject().put("id", o.getInteger("id", i + 1)).put("option_id", o.getInteger("option_id", i + 1))
                    .put("order_product_id", lineId).put("product_option_id", o.getInteger("product_option_id", i + 1))
                    .put("display_name", display).put("display_value", value)
                    .put("value", String.valueOf(o.getValue("value", value)))
                    .put("type", o.getString("type", "Multiple choice")).put("name", o.getString("name", display))
                    .put("display_style", o.getString("display_style", "Dropdown"))
                    .put("display_name_customer", display).put("display_name_merchant", display)
                    .put("display_value_customer", value).put("display_value_merchant", value));
        }
        return out;
    }

    private JsonObject address(int orderId, JsonObject a, BigDecimal costEx, BigDecimal costInc, String method) {
        JsonObject out = baseAddress(a);
        out.put("id", store.addressIds.getAndIncrement()).put("order_id", orderId)
                .put("items_total", 0).put("items_shipped", 0)
                .put("shipping_method", a.getString("shipping_method", method))
                .put("base_cost", Formats.money(costEx)).put("cost_ex_tax", Formats.money(costEx))
                .put("cost_inc_tax", Formats.money(costInc)).put("cost_tax", Formats.money(costInc.subtract(costEx)))
                .put("cost_tax_class_id", 2).put("base_handling_cost", "0.0000").put("handling_cost_ex_tax", "0.0000")
                .put("handling_cost_inc_tax", "0.0000").put("handling_cost_tax", "0.0000")
                .put("handling_cost_tax_class_id", 2).put("shipping_zone_id", 1).put("shipping_zone_name", "Default")
                .put("form_fields", new JsonArray());
        return out;
    }

    static JsonObject baseAddress(JsonObject a) {
        JsonObject out = new JsonObject();
        for (String f : List.of("first_name", "last_name", "company", "street_1", "street_2", "city", "state", "zip",
                "country", "country_iso2", "phone", "email")) {
            out.put(f, String.valueOf(a.getValue(f, "")));
        }
        return out;
    }

    private static JsonObject billingAddress(JsonObject a) {
        return baseAddress(a).put("form_fields", new JsonArray());
    }

    private JsonObject coupon(int orderId, JsonObject c) {
        int type = c.getInteger("type", 2);
        if (type < 0 || type > 5) throw new Formats.BadInput("coupon type must be 0-5");
        BigDecimal discount = Formats.decimal(c, "discount", Formats.decimal(c, "amount", ZERO));
        return new JsonObject().put("id", store.couponIds.getAndIncrement()).put("coupon_id", c.getInteger("coupon_id", 1))
                .put("order_id", orderId).put("code", c.getString("code", "")).put("amount", Formats.money(
                        Formats.decimal(c, "amount", discount)))
                .put("type", type).put("discount", discount.doubleValue());
    }

    private static JsonObject totals(JsonObject in, List<JsonObject> lines, List<JsonObject> coupons,
                                     BigDecimal shipEx, BigDecimal shipInc) {
        BigDecimal subEx = ZERO, subInc = ZERO, wrapEx = ZERO, wrapInc = ZERO, manual = ZERO;
        for (JsonObject l : lines) {
            subEx = subEx.add(new BigDecimal(l.getString("total_ex_tax")));
            subInc = subInc.add(new BigDecimal(l.getString("total_inc_tax")));
            wrapEx = wrapEx.add(new BigDecimal(l.getString("wrapping_cost_ex_tax")));
            wrapInc = wrapInc.add(new BigDecimal(l.getString("wrapping_cost_inc_tax")));
            for (Object o : l.getJsonArray("applied_discounts")) {
                JsonObject d = (JsonObject) o;
                if (d.getString("code") == null) manual = manual.add(new BigDecimal(d.getString("amount")));
            }
        }
        BigDecimal couponTotal = coupons.stream().map(c -> BigDecimal.valueOf(c.getDouble("discount")))
                .reduce(ZERO, BigDecimal::add);
        subEx = Formats.decimal(in, "subtotal_ex_tax", subEx);
        subInc = Formats.decimal(in, "subtotal_inc_tax", subInc);
        wrapEx = Formats.decimal(in, "wrapping_cost_ex_tax", wrapEx);
        wrapInc = Formats.decimal(in, "wrapping_cost_inc_tax", wrapInc);
        BigDecimal handEx = Formats.decimal(in, "handling_cost_ex_tax", ZERO);
        BigDecimal handInc = Formats.decimal(in, "handling_cost_inc_tax", handEx);
        BigDecimal discount = Formats.decimal(in, "discount_amount", manual);
        BigDecimal couponDiscount = Formats.decimal(in, "coupon_discount", couponTotal);
        BigDecimal tax = subInc.subtract(subEx).add(shipInc.subtract(shipEx)).add(wrapInc.subtract(wrapEx))
                .add(handInc.subtract(handEx));
        BigDecimal totalInc = Formats.decimal(in, "total_inc_tax",
                subInc.add(shipInc).add(wrapInc).add(handInc).subtract(discount).subtract(couponDiscount));
        BigDecimal totalEx = Formats.decimal(in, "total_ex_tax", totalInc.subtract(tax));
        return new JsonObject(sized())
                .put("subtotal_ex_tax", Formats.money(subEx)).put("subtotal_inc_tax", Formats.money(subInc))
                .put("subtotal_tax", Formats.money(subInc.subtract(subEx)))
                .put("base_shipping_cost", Formats.money(Formats.decimal(in, "base_shipping_cost", shipEx)))
                .put("shipping_cost_ex_tax", Formats.money(shipEx)).put("shipping_cost_inc_tax", Formats.money(shipInc))
                .put("shipping_cost_tax", Formats.money(shipInc.subtract(shipEx))).put("shipping_cost_tax_class_id", 2)
                .put("base_handling_cost", Formats.money(handEx)).put("handling_cost_ex_tax", Formats.money(handEx))
                .put("handling_cost_inc_tax", Formats.money(handInc)).put("handling_cost_tax", Formats.money(handInc.subtract(handEx)))
                .put("handling_cost_tax_class_id", 2)
                .put("base_wrapping_cost", Formats.money(wrapEx)).put("wrapping_cost_ex_tax", Formats.money(wrapEx))
                .put("wrapping_cost_inc_tax", Formats.money(wrapInc)).put("wrapping_cost_tax", Formats.money(wrapInc.subtract(wrapEx)))
                .put("wrapping_cost_tax_class_id", 3)
                .put("total_ex_tax", Formats.money(totalEx)).put("total_inc_tax", Formats.money(totalInc))
                .put("total_tax", Formats.money(totalInc.subtract(totalEx)))
                .put("discount_amount", Formats.money(discount)).put("coupon_discount", Formats.money(couponDiscount))
                .put("store_credit_amount", Formats.money(Formats.decimal(in, "store_credit_amount", ZERO)))
                .put("gift_certificate_amount", Formats.money(Formats.decimal(in, "gift_certificate_amount", ZERO)));
    }

    private static void currency(JsonObject in, JsonObject f) {
        String def = in.getString("default_currency_code", "USD");
        String code = in.getString("currency_code", def);
        f.put("currency_id", in.getInteger("currency_id", code.equals(def) ? 1 : 2)).put("currency_code", code)
                .put("currency_exchange_rate", Formats.rate(Formats.decimal(in, "currency_exchange_rate", BigDecimal.ONE)))
                .put("default_currency_id", 1).put("default_currency_code", def)
                .put("store_default_currency_code", in.getString("store_default_currency_code", def))
                .put("store_default_to_transactional_exchange_rate", Formats.rate(Formats.decimal(in,
                        "store_default_to_transactional_exchange_rate", Formats.decimal(in, "currency_exchange_rate", BigDecimal.ONE))));
    }
}
