package dev.junction.plugin.brightpearl.mapping;

import dev.junction.api.error.PermanentException;
import dev.junction.api.mapping.MappingContext;
import dev.junction.api.mapping.MappingHandler;
import dev.junction.api.model.Fulfilment;
import dev.junction.api.model.FulfilmentLine;
import dev.junction.api.model.Money;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A goods-out note payload, or (order mode, for destinations that ship whole orders such as Starshipit) an
 * order payload, as a canonical {@link Fulfilment}. HS code and country of origin come from the products'
 * custom fields, {@code PCF_HSCODE} and {@code PCF_COUNTRYO} unless options {@code hsCodeField} and
 * {@code countryOfOriginField} name others. Pure.
 */
public final class FulfilmentMapper {
    private FulfilmentMapper() {
    }

    public static MappingHandler<JsonObject, Fulfilment> goodsOutNote() {
        return FulfilmentMapper::fromGoodsOutNote;
    }

    public static MappingHandler<JsonObject, Fulfilment> orderMode() {
        return FulfilmentMapper::fromOrder;
    }

    static Fulfilment fromGoodsOutNote(JsonObject payload, MappingContext ctx) {
        JsonObject gon = payload.getJsonObject(Payloads.GON);
        String gonId = BpJson.text(payload, Payloads.GON_ID);
        if (gon == null || gonId == null) {
            throw new PermanentException("goods-out note payload lacks 'goodsOutNote' or 'goodsOutNoteId'");
        }
        JsonObject order = payload.getJsonObject(Payloads.ORDER, new JsonObject());
        JsonObject orderRows = order.getJsonObject("orderRows", new JsonObject());
        String currency = currency(order);
        List<FulfilmentLine> lines = new ArrayList<>();
        JsonObject gonRows = gon.getJsonObject("orderRows", new JsonObject());
        for (String rowId : gonRows.fieldNames()) {
            Object allocations = gonRows.getValue(rowId);
            BigDecimal qty = BigDecimal.ZERO;
            Object productId = null;
            for (Object a : allocations instanceof JsonArray arr ? arr : new JsonArray().add(allocations)) {
                JsonObject alloc = (JsonObject) a;
                qty = qty.add(BpJson.decimalOr(alloc.getValue("quantity"), BigDecimal.ZERO));
                productId = productId == null ? alloc.getValue("productId") : productId;
            }
            JsonObject row = orderRows.getJsonObject(rowId, new JsonObject());
            lines.add(line(rowId, row, productId != null ? productId : row.getValue("productId"), qty, payload, currency, ctx));
        }
        return new Fulfilment(gonId, BpJson.id(gon.getValue("orderId")), BpJson.text(order, "reference"),
                BpJson.id(gon.getValue("warehouseId")), shippingMethod(payload, gon.getJsonObject("shipping", new JsonObject())
                .getValue("shippingMethodId")), BpJson.party(parties(order).getJsonObject("delivery")), lines,
                BpJson.instant(gon.getValue("createdOn")), total(order, currency), customerEmail(order));
    }

    static Fulfilment fromOrder(JsonObject payload, MappingContext ctx) {
        JsonObject order = Payloads.order(payload);
        String id = BpJson.id(order.getValue("id"));
        if (id == null) {
            throw new PermanentException("Brightpearl order payload has no id");
        }
        String currency = currency(order);
        List<FulfilmentLine> lines = new ArrayList<>();
        for (Map.Entry<String, JsonObject> e : Payloads.rows(order)) {
            JsonObject row = e.getValue();
            // free-text rows (shipping, misc) are not stock and cannot be shipped
            if (BpJson.longId(row.getValue("productId")) == null) {
                continue;
            }
            BigDecimal qty = BpJson.decimalOr(row.getJsonObject("quantity", new JsonObject()).getValue("magnitude"), BigDecimal.ONE);
            lines.add(line(e.getKey(), row, row.getValue("productId"), qty, payload, currency, ctx));
        }
        return new Fulfilment(id, id, BpJson.text(order, "reference"), BpJson.id(order.getValue("warehouseId")),
                shippingMethod(payload, order.getJsonObject("delivery", new JsonObject()).getValue("shippingMethodId")),
                BpJson.party(parties(order).getJsonObject("delivery")), lines, BpJson.instant(order.getValue("createdOn")),
                total(order, currency), customerEmail(order));
    }

    private static FulfilmentLine line(String rowId, JsonObject row, Object productId, BigDecimal qty, JsonObject payload,
                                       String currency, MappingContext ctx) {
        JsonObject cf = Payloads.customFields(payload, BpJson.id(productId));
        String hs = Payloads.customFieldText(cf, ctx.options().getString("hsCodeField", "PCF_HSCODE"));
        String origin = Payloads.customFieldText(cf, ctx.options().getString("countryOfOriginField", "PCF_COUNTRYO"));
        Money unit = null;
        if (currency != null && row.containsKey("rowValue")) {
            BigDecimal rowQty = BpJson.decimalOr(row.getJsonObject("quantity", new JsonObject()).getValue("magnitude"), BigDecimal.ONE);
            BigDecimal net = BpJson.money(row.getJsonObject("rowValue"), "rowNet");
            unit = Money.of(rowQty.signum() == 0 ? net : net.divide(rowQty, 4, RoundingMode.HALF_UP), currency);
        }
        return new FulfilmentLine(rowId, BpJson.text(row, "productSku"), BpJson.text(row, "productName"), qty, unit,
                null, hs, origin == null ? null : BpJson.iso2(origin));
    }

    /** The method's name when the payload carries it (shipping-method tables map names), else its id. */
    private static String shippingMethod(JsonObject payload, Object methodId) {
        String name = BpJson.text(payload, Payloads.SHIPPING_METHOD_NAME);
        return name != null ? name : BpJson.id(methodId);
    }

    private static JsonObject parties(JsonObject order) {
        return order.getJsonObject("parties", new JsonObject());
    }

    private static String customerEmail(JsonObject order) {
        return BpJson.text(parties(order).getJsonObject("customer", new JsonObject()), "email");
    }

    static String currency(JsonObject order) {
        JsonObject c = order.getJsonObject("currency", new JsonObject());
        String code = BpJson.text(c, "orderCurrencyCode");
        return code != null ? code : BpJson.text(c, "accountingCurrencyCode");
    }

    private static Money total(JsonObject order, String currency) {
        BigDecimal t = BpJson.decimal(order.getJsonObject("totalValue", new JsonObject()).getValue("total"));
        return t == null || currency == null ? null : Money.of(t, currency);
    }
}
