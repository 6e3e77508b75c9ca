package dev.junction.plugin.shiphero.orders;

import dev.junction.api.error.PermanentException;
import dev.junction.api.model.Address;
import dev.junction.api.model.Fulfilment;
import dev.junction.api.model.FulfilmentLine;
import dev.junction.api.model.Party;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;


/**
 * A goods-out note as ShipHero's {@code CreateOrderInput}. Pure. One ShipHero order per note:
 * {@code partner_order_id} is the hub's idempotency key (found again after a crash), {@code order_number} the
 * Brightpearl order reference, each line's {@code partner_line_item_id} is {@code <note id>-<order row id>}
 * (stable across re-sends), and tags {@code fulfilment:<note id>} and {@code brightpearl-order:<id>} carry
 * the ids a shipment reports back.
 */
public final class OrderInput {
    public static final String ORDER_TAG = "brightpearl-order:";
    public static final String FULFILMENT_TAG = "fulfilment:";

    private OrderInput() {
    }

    public static JsonObject build(Fulfilment f, String partnerOrderId, String warehouseId, ShippingLine shipping, String shopName) {
        String what = "goods-out note " + f.id() + (f.orderReference() == null ? "" : " of order " + f.orderReference());
        JsonObject address = address(f.delivery(), f.customerEmail(), what);
        JsonArray lines = new JsonArray();
        for (FulfilmentLine l : f.lines()) {
            if (l.quantity() == null || l.quantity().signum() <= 0) {
                continue;
            }
            if (l.sku() == null || l.sku().isBlank()) {
                throw new PermanentException(what + ": row " + l.orderLineId() + " (" + (l.name() == null ? "no name" : l.name())
                        + ") has no SKU; ShipHero ships by SKU, so give the product a SKU in Brightpearl");
            }
            int qty;
            try {
                qty = l.quantity().intValueExact();
            } catch (ArithmeticException e) {
                throw new PermanentException(what + ": row " + l.orderLineId() + " asks for " + l.quantity().toPlainString()
                        + " of " + l.sku() + "; ShipHero ships whole units");
            }
            String price = l.unitValue() == null ? "0.00" : l.unitValue().amount().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
            lines.add(new JsonObject().put("sku", l.sku().trim()).put("partner_line_item_id", lineId(f.id(), l.orderLineId()))
                    .put("quantity", qty).put("price", price).put("customs_value", price)
                    .put("product_name", l.name() == null ? l.sku() : l.name()).put("warehouse_id", warehouseId));
        }
        if (lines.isEmpty()) {
            throw new PermanentException(what + " has no lines with a quantity to ship");
        }
        JsonObject data = new JsonObject()
                .put("order_number", f.orderReference() != null ? f.orderReference() : f.orderId())
                .put("partner_order_id", partnerOrderId)
                .put("shop_name", shopName)
                .put("fulfillment_status", "pending")
                .put("shipping_address", address)
                .put("billing_address", address.copy())
                .put("line_items", lines)
                .put("tags", new JsonArray().add("junction").add(FULFILMENT_TAG + f.id()).add(ORDER_TAG + f.orderId()));
        if (f.createdAt() != null) {
            data.put("order_date", f.createdAt().toString());
        }
        if (f.orderTotal() != null) {
            data.put("total_price", f.orderTotal().amount().toPlainString()).put("currency", f.orderTotal().currency());
        }
        if (f.customerEmail() != null) {
            data.put("email", f.customerEmail());
        }
        if (shipping != null) {
            data.put("shipping_lines", shipping.toJson());
        }
        return data;
    }

    public static String lineId(String fulfilmentId, String orderLineId) {
        return fulfilmentId + "-" + orderLineId;
    }

    private static JsonObject address(Party p, String email, String what) {
        Address a = p == null ? null : p.address();
        if (a == null || a.line1() == null || a.countryIso2() == null) {
            throw new PermanentException(what + " has no complete delivery address (street and country are needed); "
                    + "fix the delivery address on the Brightpearl order");
        }
        String first = p.firstName();
        String last = p.lastName();
        if ((first == null || first.isBlank()) && (last == null || last.isBlank())) {
            first = p.company();
        }
        JsonObject j = new JsonObject().put("first_name", first).put("last_name", last).put("company", p.company())
                .put("address1", a.line1()).put("address2", a.line2()).put("city", a.city()).put("state", a.region())
                .put("zip", a.postalCode()).put("country", a.countryIso2()).put("country_code", a.countryIso2())
                .put("phone", p.phone()).put("email", p.email() != null ? p.email() : email);
        j.getMap().values().removeIf(v -> v == null);
        return j;
    }

}
