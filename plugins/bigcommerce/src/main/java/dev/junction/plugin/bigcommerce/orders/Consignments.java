package dev.junction.plugin.bigcommerce.orders;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An order's products and shipping addresses read from the {@code consignments} that
 * {@code include=consignments.line_items&consignment_structure=object} embeds in {@code GET /v2/orders} and
 * {@code GET /v2/orders/{id}} ({@code orderConsignment_Get} in the official v2 spec), in the shapes
 * {@code /products} and {@code /shipping_addresses} answer, so the mapper and stored payloads do not change.
 *
 * <p>The spec says the include puts "the response returned from the request to the
 * {@code /orders/{order_id}/products} endpoint in consignments": every product sits in the line items of
 * exactly one consignment (shipping, pickup, download or gift-certificate email), as the same object,
 * {@code order_address_id} included. A shipping consignment carries the address fields of a
 * {@code /shipping_addresses} entry ({@code shippingConsignment_Get}: id, names, street, city, state, zip,
 * country, phone, email, form fields, shipping method, items, costs, zone).
 *
 * <p>Each reading is checked against the order's own counts and answers empty when it does not add up (line
 * items given as links, a consignment type this code does not know, quantities short of {@code items_total},
 * fewer shipping consignments than {@code shipping_address_count}): the caller then asks the sub-resource,
 * so an unexpected answer costs a call, never a line or an address.
 */
final class Consignments {

    /** Money fields {@code /shipping_addresses} gives as 4-decimal strings and consignments as numbers. */
    private static final List<String> ADDRESS_MONEY = List.of("base_cost", "cost_ex_tax", "cost_inc_tax", "cost_tax",
            "base_handling_cost", "handling_cost_ex_tax", "handling_cost_inc_tax", "handling_cost_tax");

    private Consignments() {
    }

    /** The order's {@code consignments} object, absent when the answer did not embed it (or embedded a link). */
    static Optional<JsonObject> of(JsonObject order) {
        if (order.getValue("consignments") instanceof JsonObject c
                && (c.containsKey("shipping") || c.containsKey("pickups") || c.containsKey("downloads") || c.containsKey("email"))) {
            return Optional.of(c);
        }
        return Optional.empty();
    }

    /**
     * Every line item of every consignment (shipping, pickups, downloads, gift-certificate emails), each product
     * once, in id order as {@code /products} lists them; empty if they cannot be trusted to be all of them.
     */
    static Optional<JsonArray> products(JsonObject order, JsonObject consignments) {
        for (String key : consignments.fieldNames()) {
            if (!List.of("shipping", "pickups", "downloads", "email").contains(key)) {
                return Optional.empty();
            }
        }
        List<Object> groups = new ArrayList<>();
        addAll(groups, consignments.getValue("shipping"));
        addAll(groups, consignments.getValue("pickups"));
        addAll(groups, consignments.getValue("downloads"));
        if (consignments.getValue("email") instanceof JsonObject email) {
            for (String key : email.fieldNames()) {
                if (!key.equals("gift_certificates")) {
                    return Optional.empty();
                }
            }
            addAll(groups, email.getValue("gift_certificates"));
        } else if (consignments.getValue("email") != null) {
            return Optional.empty();
        }
        Map<Long, JsonObject> byId = new LinkedHashMap<>();
        for (Object group : groups) {
            if (!(group instanceof JsonObject g)) {
                return Optional.empty();
            }
            // The spec's schemas make line_items an array; its examples for downloads and gift certificates show
            // a single object, so both are read.
            Object items = g.getValue("line_items");
            List<Object> list = new ArrayList<>();
            if (items instanceof JsonArray a) {
                a.forEach(list::add);
            } else if (items != null) {
                list.add(items);
            }
            for (Object item : list) {
                Long id = item instanceof JsonObject p ? id(p) : null;
                if (id == null || !((JsonObject) item).containsKey("quantity")) {
                    // A link ({url, resource}) or something else that is not the /products object.
                    return Optional.empty();
                }
                byId.putIfAbsent(id, (JsonObject) item);
            }
        }
        List<JsonObject> products = new ArrayList<>(byId.values());
        products.sort(Comparator.comparing(Consignments::id));
        if (order.getValue("items_total") instanceof Number total) {
            BigDecimal sum = BigDecimal.ZERO;
            for (JsonObject p : products) {
                BigDecimal quantity = decimal(p.getValue("quantity"));
                if (quantity == null) {
                    return Optional.empty();
                }
                sum = sum.add(quantity);
            }
            if (sum.compareTo(new BigDecimal(total.toString())) != 0) {
                return Optional.empty();
            }
        }
        // Not copied: the consignments are dropped from the payload once read, so each line item ends up in
        // exactly one place (the products list).
        JsonArray out = new JsonArray();
        products.forEach(out::add);
        return Optional.of(out);
    }

    /**
     * The shipping consignments as {@code /shipping_addresses} entries (without their line items, with the
     * order id, money as 4-decimal strings), in id order; empty if there are fewer or more of them than the
     * order's {@code shipping_address_count}.
     */
    static Optional<JsonArray> shippingAddresses(JsonObject order, JsonObject consignments) {
        Object shipping = consignments.getValue("shipping");
        List<JsonObject> addresses = new ArrayList<>();
        if (shipping instanceof JsonArray a) {
            for (Object o : a) {
                if (!(o instanceof JsonObject c) || id(c) == null) {
                    return Optional.empty();
                }
                JsonObject address = c.copy();
                address.remove("line_items");
                address.put("order_id", order.getValue("id"));
                for (String f : ADDRESS_MONEY) {
                    if (address.getValue(f) instanceof Number n) {
                        address.put(f, new BigDecimal(n.toString()).setScale(4, RoundingMode.HALF_UP).toPlainString());
                    }
                }
                addresses.add(address);
            }
        } else if (shipping != null) {
            return Optional.empty();
        }
        Object count = order.getValue("shipping_address_count");
        if (count instanceof Number n && n.intValue() != addresses.size()) {
            return Optional.empty();
        }
        addresses.sort(Comparator.comparing(Consignments::id));
        JsonArray out = new JsonArray();
        addresses.forEach(out::add);
        return Optional.of(out);
    }

    private static void addAll(List<Object> into, Object consignments) {
        if (consignments instanceof JsonArray a) {
            a.forEach(into::add);
        } else if (consignments != null) {
            into.add(consignments);
        }
    }

    private static Long id(JsonObject o) {
        Object id = o.getValue("id");
        if (id instanceof Number n) {
            return n.longValue();
        }
        try {
            return id == null ? null : Long.parseLong(String.valueOf(id).trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static BigDecimal decimal(Object v) {
        try {
            return v == null ? null : new BigDecimal(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
