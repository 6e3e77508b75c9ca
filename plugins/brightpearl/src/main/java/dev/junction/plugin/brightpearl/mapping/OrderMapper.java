package dev.junction.plugin.brightpearl.mapping;

import dev.junction.api.error.PermanentException;
import dev.junction.api.mapping.MappingContext;
import dev.junction.api.mapping.MappingHandler;
import dev.junction.api.model.LineType;
import dev.junction.api.model.Money;
import dev.junction.api.model.Order;
import dev.junction.api.model.OrderLine;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A Brightpearl sales order (the {@code orders} payload) as a canonical {@link Order}. Pure. */
public final class OrderMapper implements MappingHandler<JsonObject, Order> {

    @Override
    public Order map(JsonObject payload, MappingContext context) {
        JsonObject o = Payloads.order(payload);
        String id = BpJson.id(o.getValue("id"));
        if (id == null) {
            throw new PermanentException("Brightpearl order payload has no id");
        }
        JsonObject currencyObj = o.getJsonObject("currency", new JsonObject());
        String currency = BpJson.text(currencyObj, "orderCurrencyCode");
        if (currency == null) {
            currency = BpJson.text(currencyObj, "accountingCurrencyCode");
        }
        if (currency == null) {
            throw new PermanentException("Brightpearl order " + id + " has no currency");
        }
        JsonObject parties = o.getJsonObject("parties", new JsonObject());
        List<OrderLine> lines = new ArrayList<>();
        String shippingNominal = context.options().getString("shippingNominalCode");
        for (Map.Entry<String, JsonObject> e : Payloads.rows(o)) {
            JsonObject row = e.getValue();
            JsonObject value = row.getJsonObject("rowValue", new JsonObject());
            boolean product = BpJson.longId(row.getValue("productId")) != null;
            String nominal = BpJson.text(row, "nominalCode");
            LineType type = product ? LineType.PRODUCT
                    : shippingNominal != null && shippingNominal.equals(nominal) ? LineType.SHIPPING : LineType.MISC;
            BigDecimal qty = BpJson.decimalOr(row.getJsonObject("quantity", new JsonObject()).getValue("magnitude"), BigDecimal.ONE);
            lines.add(new OrderLine(e.getKey(), type, product ? BpJson.text(row, "productSku") : null,
                    BpJson.text(row, "productName"), qty, Money.of(BpJson.money(value, "rowNet"), currency),
                    Money.of(BpJson.money(value, "rowTax"), currency), List.of(), nominal));
        }
        JsonObject total = o.getJsonObject("totalValue", new JsonObject());
        BigDecimal totalAmount = BpJson.decimal(total.getValue("total"));
        Order draft = new Order(id, BpJson.text(o, "reference"), BpJson.instant(o.getValue("placedOn")),
                BpJson.text(o.getJsonObject("orderStatus", new JsonObject()), "name"), currency,
                BpJson.decimalOr(currencyObj.getValue("exchangeRate"), BigDecimal.ONE),
                BpJson.party(parties.getJsonObject("customer")), BpJson.party(parties.getJsonObject("billing")),
                BpJson.party(parties.getJsonObject("delivery")), lines, null,
                payload.getString(Payloads.SHIPPING_METHOD_NAME), null, null,
                Payloads.customFieldText(o.getJsonObject("customFields"), context.options().getString("giftMessageField")),
                customFields(o.getJsonObject("customFields")));
        return withTotal(draft, totalAmount == null ? draft.linesTotal() : Money.of(totalAmount, currency));
    }

    private static Order withTotal(Order o, Money total) {
        return new Order(o.sourceId(), o.reference(), o.placedAt(), o.status(), o.currency(), o.exchangeRate(),
                o.customer(), o.billing(), o.delivery(), o.lines(), total, o.shippingMethod(), o.customerMessage(),
                o.staffNotes(), o.giftMessage(), o.customFields());
    }

    private static Map<String, String> customFields(JsonObject fields) {
        Map<String, String> out = new LinkedHashMap<>();
        if (fields != null) {
            for (String code : fields.fieldNames()) {
                String v = Payloads.customFieldText(fields, code);
                if (v != null) {
                    out.put(code, v);
                }
            }
        }
        return out;
    }
}
