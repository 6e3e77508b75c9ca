package dev.junction.sandbox.brightpearl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.util.Map;

/** Renders an {@link Order} in the classic {@code /order} shape and the flat {@code /sales-order} shape. */
final class OrderJson {
    private static final Map<String, Integer> SHIPPING_IDS = Map.of("NST", 1, "SNS", 2, "SPS", 3, "ASS", 4);
    private static final Map<String, Integer> STOCK_IDS = Map.of("SON", 1, "SOP", 2, "SOA", 3, "NON", 4);

    private final BpState state;

    OrderJson(BpState state) {
        this.state = state;
    }

    static int shippingStatusId(Order o) {
        return SHIPPING_IDS.getOrDefault(o.shippingStatusCode, 1);
    }

    static int stockStatusId(Order o) {
        return STOCK_IDS.getOrDefault(o.stockStatusCode, 1);
    }

    /** {@code GET /order-service/order/{id}}: keyed rows, parties, totals; no externalRef (as in the live API). */
    JsonObject classic(Order o, boolean customFields) {
        synchronized (o) {
            String cur = o.currency;
            BigDecimal net = o.totalNet();
            BigDecimal tax = o.totalTax();
            JsonObject rows = new JsonObject();
            for (Order.Row r : o.rows.values()) {
                BigDecimal qty = r.quantity == null ? BigDecimal.ONE : r.quantity;
                BigDecimal unit = qty.signum() == 0 ? BigDecimal.ZERO
                        : r.net.divide(qty, 4, java.math.RoundingMode.HALF_UP);
                JsonObject row = new JsonObject().put("orderRowSequence", String.valueOf(r.sequence * 10))
                        .put("productId", r.productId == null ? 0 : r.productId).put("productName", r.name)
                        .put("productSku", r.sku).put("quantity", new JsonObject().put("magnitude", BpHttp.money(qty, 4)))
                        .put("itemCost", money(cur, BigDecimal.ZERO, 4)).put("productPrice", money(cur, unit, 4))
                        .put("discountPercentage", "0.00")
                        .put("rowValue", new JsonObject().put("taxRate", taxRate(r)).put("taxCode", r.taxCode)
                                .put("taxCalculator", "brightpearl").put("rowNet", money(cur, r.net, 4))
                                .put("rowTax", money(cur, r.tax, 2)).put("taxClassId", 2))
                        .put("nominalCode", r.nominalCode)
                        .put("composition", new JsonObject().put("bundleParent", false).put("bundleChild", false)
                                .put("parentOrderRowId", 0))
                        .put("clonedFromId", 0);
                rows.put(String.valueOf(r.id), row);
            }
            JsonObject json = new JsonObject().put("id", o.id).put("parentOrderId", 0)
                    .put("orderTypeCode", o.orderTypeCode).put("reference", o.reference == null ? "" : o.reference)
                    .put("version", o.version).put("state", new JsonObject().put("tax", "NOT_INVOICED"))
                    .put("orderStatus", new JsonObject().put("orderStatusId", o.statusId)
                            .put("name", state.statusName(o.statusId)))
                    .put("orderPaymentStatus", "UNPAID").put("stockStatusCode", o.stockStatusCode)
                    .put("allocationStatusCode", o.allocationStatusCode).put("shippingStatusCode", o.shippingStatusCode)
                    .put("placedOn", state.date(o.placedOn)).put("createdOn", state.date(o.createdOn))
                    .put("updatedOn", state.date(o.updatedOn)).put("createdById", 4)
                    .put("priceListId", o.priceListId).put("priceModeCode", o.priceModeCode)
                    .put("delivery", new JsonObject().put("deliveryDate", state.date(o.deliveryDate))
                            .put("shippingMethodId", o.shippingMethodId))
                    .put("invoices", new JsonArray().add(new JsonObject().put("invoiceReference", "")
                            .put("taxDate", state.date(o.taxDate))))
                    .put("currency", new JsonObject().put("accountingCurrencyCode", state.options.currency())
                            .put("orderCurrencyCode", cur).put("exchangeRate", BpHttp.money(o.exchangeRate, 6))
                            .put("fixedExchangeRate", false))
                    .put("totalValue", new JsonObject().put("net", BpHttp.money(net, 2))
                            .put("taxAmount", BpHttp.money(tax, 2)).put("baseNet", BpHttp.money(net, 2))
                            .put("baseTaxAmount", BpHttp.money(tax, 2)).put("baseTotal", BpHttp.money(net.add(tax), 2))
                            .put("total", BpHttp.money(net.add(tax), 2)))
                    .put("assignment", new JsonObject().put("current", new JsonObject()
                            .put("staffOwnerContactId", o.staffOwnerId).put("projectId", o.projectId)
                            .put("channelId", o.channelId).put("leadSourceId", o.leadSourceId).put("teamId", o.teamId)))
                    .put("parties", new JsonObject()
                            .put("customer", party(o.customerAddress).put("contactId", o.customerId))
                            .put("delivery", party(o.deliveryAddress))
                            .put("billing", party(o.billingAddress).put("contactId", o.billingContactId)))
                    .put("orderRows", rows).put("warehouseId", o.warehouseId)
                    .put("acknowledged", 0).put("costPriceListId", 1).put("historicalOrder", false)
                    .put("orderWeighting", 100).put("isDropship", false);
            if (customFields) {
                json.put("customFields", o.customFields.copy());
            }
            return json;
        }
    }

    /** What a caller counting orders needs: id, ref, externalRef and createdOn. */
    JsonObject summary(Order o) {
        synchronized (o) {
            return new JsonObject().put("id", o.id).put("ref", o.reference).put("externalRef", o.externalRef)
                    .put("createdOn", state.date(o.createdOn));
        }
    }

    /** {@code GET /order-service/sales-order/{id}}: the flat shape it was posted in, plus ids and totals. */
    JsonObject flat(Order o) {
        synchronized (o) {
            BigDecimal net = o.totalNet();
            BigDecimal tax = o.totalTax();
            JsonArray rows = new JsonArray();
            for (Order.Row r : o.rows.values()) {
                JsonObject row = new JsonObject().put("id", r.id).put("productId", r.productId).put("sku", r.sku)
                        .put("name", r.name).put("quantity", BpHttp.money(r.quantity, 4)).put("taxCode", r.taxCode)
                        .put("net", BpHttp.money(r.net, 4)).put("tax", BpHttp.money(r.tax, 4))
                        .put("nominalCode", r.nominalCode).put("externalRef", r.externalRef);
                if (r.warehouseId != null) {
                    row.put("warehouseId", r.warehouseId);
                }
                rows.add(row);
            }
            return new JsonObject().put("id", o.id)
                    .put("customer", new JsonObject().put("id", o.customerId).put("address", o.customerAddress.copy()))
                    .put("billing", new JsonObject().put("contactId", o.billingContactId)
                            .put("address", o.billingAddress.copy()))
                    .put("ref", o.reference).put("externalRef", o.externalRef)
                    .put("installedIntegrationInstanceId", o.installedIntegrationInstanceId)
                    .put("placedOn", state.date(o.placedOn)).put("taxDate", state.date(o.taxDate))
                    .put("statusId", o.statusId).put("warehouseId", o.warehouseId).put("channelId", o.channelId)
                    .put("leadSourceId", o.leadSourceId).put("staffOwnerId", o.staffOwnerId).put("teamId", o.teamId)
                    .put("projectId", o.projectId).put("priceListId", o.priceListId)
                    .put("priceModeCode", o.priceModeCode)
                    .put("currency", new JsonObject().put("code", o.currency).put("fixedExchangeRate", false)
                            .put("exchangeRate", BpHttp.money(o.exchangeRate, 6)))
                    .put("delivery", new JsonObject().put("date", state.date(o.deliveryDate))
                            .put("address", o.deliveryAddress.copy()).put("shippingMethodId", o.shippingMethodId))
                    .put("rows", rows)
                    .put("total", new JsonObject().put("net", BpHttp.money(net, 2)).put("tax", BpHttp.money(tax, 2))
                            .put("gross", BpHttp.money(net.add(tax), 2)).put("baseNet", BpHttp.money(net, 2))
                            .put("baseTax", BpHttp.money(tax, 2)).put("baseGross", BpHttp.money(net.add(tax), 2)))
                    .put("orderPaymentStatus", "UNPAID").put("stockStatus", o.stockStatusCode)
                    .put("allocationStatus", o.allocationStatusCode).put("shippingStatus", o.shippingStatusCode)
                    .put("createdOn", state.date(o.createdOn)).put("updatedOn", state.date(o.updatedOn))
                    .put("version", o.version);
        }
    }

    private static JsonObject party(JsonObject a) {
        JsonObject p = new JsonObject();
        for (String k : new String[] {"addressFullName", "companyName", "addressLine1", "addressLine2", "addressLine3",
            "addressLine4", "postalCode", "country", "telephone", "mobileTelephone", "fax", "email", "countryIsoCode"}) {
            p.put(k, a.getValue(k, ""));
        }
        String iso = a.getString("countryIsoCode", "");
        p.put("countryIsoCode3", a.getString("countryIsoCode3", Countries.iso3(iso)));
        return p;
    }

    private static JsonObject money(String currency, BigDecimal v, int scale) {
        return new JsonObject().put("currencyCode", currency).put("value", BpHttp.money(v, scale));
    }

    private static String taxRate(Order.Row r) {
        if (r.net == null || r.net.signum() == 0 || r.tax == null) {
            return "0.0000";
        }
        return r.tax.multiply(BigDecimal.valueOf(100)).divide(r.net, 4, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
