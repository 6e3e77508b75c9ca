package dev.junction.plugin.bigcommerce.mapping;

import dev.junction.api.error.PermanentException;
import dev.junction.api.mapping.MappingContext;
import dev.junction.api.mapping.MappingHandler;
import dev.junction.api.model.Money;
import dev.junction.api.model.Order;
import dev.junction.api.model.OrderLine;
import dev.junction.api.model.Party;
import dev.junction.plugin.bigcommerce.client.BcDates;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * BigCommerce v2 order (with its {@code products}, {@code shipping_addresses} and {@code coupons} embedded
 * by the source) to the canonical {@link Order}. Pure: everything comes from the payload and the flow's
 * options.
 *
 * <p>Options: {@code primaryAddress} = {@code delivery} (default) or {@code billing}: which address becomes
 * the customer's (Brightpearl's "primary") address.
 */
public final class OrderMapper implements MappingHandler<JsonObject, Order> {

    public static final String PRIMARY_ADDRESS = "primaryAddress";

    @Override
    public Order map(JsonObject order, MappingContext context) {
        Object id = order.getValue("id");
        if (id == null) {
            throw new PermanentException("BigCommerce order has no 'id'; cannot map it");
        }
        String currency = currency(order);
        List<OrderLine> lines = new OrderLinesBuilder(order, currency).build();

        Party billing = PartyMapper.party(order.getJsonObject("billing_address"));
        List<JsonObject> shippingAddresses = OrderLinesBuilder.objects(order, "shipping_addresses");
        Party delivery = shippingAddresses.isEmpty() ? billing : PartyMapper.party(shippingAddresses.get(0));
        String primary = context.options().getString(PRIMARY_ADDRESS, "delivery").trim().toLowerCase(Locale.ROOT);
        if (!primary.equals("delivery") && !primary.equals("billing")) {
            throw new PermanentException("Flow option 'primaryAddress' must be 'delivery' or 'billing', got '" + primary + "'");
        }
        Party customer = PartyMapper.customer(primary.equals("billing") ? billing : delivery, billing);
        if (customer == null || customer.email() == null) {
            throw new PermanentException("BigCommerce order " + id + " has no billing email; the back office "
                    + "matches customers by email. Add the email to the order's billing address in BigCommerce.");
        }
        String shippingMethod = shippingAddresses.isEmpty() ? null : PartyMapper.text(shippingAddresses.get(0), "shipping_method");

        return new Order(String.valueOf(id), String.valueOf(id), BcDates.parse(order.getString("date_created")),
                PartyMapper.text(order, "status"), currency, exchangeRate(order), customer, billing, delivery, lines,
                Money.of(Amounts.tidy(Amounts.of(order, "total_inc_tax")), currency), shippingMethod,
                PartyMapper.text(order, "customer_message"), PartyMapper.text(order, "staff_notes"),
                giftMessage(order), customFields(order));
    }

    /** The order currency, {@code currency_code}. */
    static String currency(JsonObject order) {
        String code = PartyMapper.text(order, "currency_code");
        if (code == null) {
            code = PartyMapper.text(order, "default_currency_code");
        }
        if (code == null) {
            throw new PermanentException("BigCommerce order " + order.getValue("id") + " has no currency_code");
        }
        return code.toUpperCase(Locale.ROOT);
    }

    /** Order-currency units per store-default unit, as BigCommerce supplied it. */
    static BigDecimal exchangeRate(JsonObject order) {
        BigDecimal rate = Amounts.of(order, "currency_exchange_rate");
        return rate.signum() == 0 ? BigDecimal.ONE : rate.stripTrailingZeros();
    }

    private static String giftMessage(JsonObject order) {
        StringBuilder sb = new StringBuilder();
        for (JsonObject p : OrderLinesBuilder.objects(order, "products")) {
            String message = PartyMapper.text(p, "wrapping_message");
            if (message != null && sb.indexOf(message) < 0) {
                if (sb.length() > 0) {
                    sb.append('\n');
                }
                sb.append(message);
            }
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    private static Map<String, String> customFields(JsonObject order) {
        Map<String, String> fields = new LinkedHashMap<>();
        put(fields, "paymentMethod", PartyMapper.text(order, "payment_method"));
        put(fields, "channelId", PartyMapper.text(order, "channel_id"));
        put(fields, "customerId", PartyMapper.text(order, "customer_id"));
        BigDecimal giftCertificates = Amounts.of(order, "gift_certificate_amount");
        if (giftCertificates.signum() != 0) {
            fields.put("giftCertificatePaid", Amounts.tidy(giftCertificates).toPlainString());
        }
        BigDecimal storeCredit = Amounts.of(order, "store_credit_amount");
        if (storeCredit.signum() != 0) {
            fields.put("storeCreditPaid", Amounts.tidy(storeCredit).toPlainString());
        }
        return fields;
    }

    private static void put(Map<String, String> fields, String key, String value) {
        if (value != null) {
            fields.put(key, value);
        }
    }
}
