package dev.junction.plugin.bigcommerce.mapping;

import dev.junction.api.model.LineOption;
import dev.junction.api.model.LineType;
import dev.junction.api.model.Money;
import dev.junction.api.model.OrderLine;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the canonical lines of one BigCommerce order: products with their share of the order's
 * discounts, coupon markers, shipping (less any shipping discount), handling, gift wrapping and, only if
 * BigCommerce's own figures do not add up, a reconciliation line, so that the lines always sum to
 * {@code total_inc_tax}.
 *
 * <p>Product totals ({@code total_inc_tax}) are before discounts and discounts come off what the customer
 * pays, so a product line is {@code gross = total_inc_tax - its discount} with BigCommerce's
 * {@code total_tax} as the tax and {@code net = gross - tax}: the item price and tax as the store charged
 * them.
 */
final class OrderLinesBuilder {

    private static final int SHIPPING_DISCOUNT = 3;
    private static final int FREE_SHIPPING = 4;

    private final JsonObject order;
    private final String currency;
    private final boolean taxInclusive;
    private final List<OrderLine> lines = new ArrayList<>();

    OrderLinesBuilder(JsonObject order, String currency) {
        this.order = order;
        this.currency = currency;
        this.taxInclusive = Boolean.TRUE.equals(order.getValue("is_tax_inclusive_pricing"));
    }

    List<OrderLine> build() {
        List<JsonObject> products = objects(order, "products");
        List<JsonObject> coupons = objects(order, "coupons");
        BigDecimal shippingGross = Amounts.of(order, "shipping_cost_inc_tax");
        BigDecimal shippingDiscount = shippingDiscount(coupons).min(shippingGross.max(BigDecimal.ZERO));
        BigDecimal productDiscount = orderDiscount(coupons).subtract(shippingDiscount).max(BigDecimal.ZERO);

        List<BigDecimal> discounts = productDiscounts(products, productDiscount);
        for (int i = 0; i < products.size(); i++) {
            lines.add(productLine(products.get(i), discounts.get(i)));
        }
        for (JsonObject coupon : coupons) {
            lines.add(couponLine(coupon));
        }
        addShipping(shippingDiscount);
        addHandling();
        addGiftWrap(products);
        addReconciliation();
        return lines;
    }

    /**
     * All of the order's discounts, shipping included. BigCommerce reports manual discounts and promotions
     * in {@code discount_amount} and coupons in {@code coupon_discount}; whether the first already includes
     * the second is not documented, so the reading that reproduces the order's own total wins.
     */
    private BigDecimal orderDiscount(List<JsonObject> coupons) {
        BigDecimal discount = Amounts.of(order, "discount_amount");
        BigDecimal coupon = Amounts.of(order, "coupon_discount");
        if (coupon.signum() == 0) {
            for (JsonObject c : coupons) {
                coupon = coupon.add(Amounts.of(c, "discount"));
            }
        }
        BigDecimal implied = Amounts.of(order, "subtotal_inc_tax").add(Amounts.of(order, "shipping_cost_inc_tax"))
                .add(Amounts.of(order, "wrapping_cost_inc_tax")).add(Amounts.of(order, "handling_cost_inc_tax"))
                .subtract(Amounts.of(order, "total_inc_tax"));
        BigDecimal separate = discount.add(coupon);
        if (implied.compareTo(discount) == 0 && separate.compareTo(implied) != 0) {
            return discount;
        }
        return separate;
    }

    /**
     * Each product's share: its {@code applied_discounts} (BigCommerce's own split) when the order has them,
     * with anything they do not account for spread by value; otherwise the whole product discount spread
     * by value, largest remainder to the cent.
     */
    private List<BigDecimal> productDiscounts(List<JsonObject> products, BigDecimal total) {
        List<BigDecimal> applied = new ArrayList<>();
        BigDecimal appliedSum = BigDecimal.ZERO;
        for (JsonObject p : products) {
            BigDecimal sum = BigDecimal.ZERO;
            for (JsonObject d : objects(p, "applied_discounts")) {
                sum = sum.add(Amounts.of(d, "amount"));
            }
            applied.add(sum);
            appliedSum = appliedSum.add(sum);
        }
        BigDecimal rest = total.subtract(appliedSum);
        if (rest.signum() <= 0) {
            return applied;
        }
        List<BigDecimal> weights = new ArrayList<>();
        for (JsonObject p : products) {
            // Gift certificates are money, not goods: discounts are not spread onto them.
            weights.add(isGiftCertificate(p) ? BigDecimal.ZERO : productBase(p));
        }
        List<BigDecimal> spread = DiscountSpreader.spread(rest, weights, 2);
        List<BigDecimal> out = new ArrayList<>();
        for (int i = 0; i < products.size(); i++) {
            out.add(applied.get(i).add(spread.get(i)));
        }
        return out;
    }

    private OrderLine productLine(JsonObject p, BigDecimal discount) {
        BigDecimal tax = Amounts.of(p, "total_tax");
        BigDecimal net = Amounts.of(p, "total_inc_tax").subtract(discount).subtract(tax);
        LineType type = isGiftCertificate(p) ? LineType.GIFT_CERTIFICATE : LineType.PRODUCT;
        String sku = PartyMapper.text(p, "sku");
        return new OrderLine(id(p), type, sku, PartyMapper.text(p, "name"), quantity(p), money(net), money(tax),
                options(p), null);
    }

    private OrderLine couponLine(JsonObject c) {
        String code = PartyMapper.text(c, "code");
        String name = "Coupon " + (code == null ? "(no code)" : code);
        return new OrderLine("coupon-" + c.getValue("id"), LineType.COUPON, null, name, BigDecimal.ONE,
                money(BigDecimal.ZERO), money(BigDecimal.ZERO), List.of(), null);
    }

    /** Shipping discounts come from shipping-type coupons (shipping discount, free shipping). */
    private static BigDecimal shippingDiscount(List<JsonObject> coupons) {
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonObject c : coupons) {
            Object type = c.getValue("type");
            int t = type instanceof Number n ? n.intValue() : parseInt(type);
            if (t == SHIPPING_DISCOUNT || t == FREE_SHIPPING) {
                sum = sum.add(Amounts.of(c, "discount"));
            }
        }
        return sum;
    }

    private void addShipping(BigDecimal discount) {
        BigDecimal ex = Amounts.of(order, "shipping_cost_ex_tax");
        BigDecimal inc = Amounts.of(order, "shipping_cost_inc_tax");
        BigDecimal tax = Amounts.of(order, "shipping_cost_tax");
        boolean shipsGoods = !objects(order, "shipping_addresses").isEmpty();
        if (inc.signum() == 0 && ex.signum() == 0 && !shipsGoods) {
            return;
        }
        if (discount.signum() > 0 && inc.signum() > 0) {
            // The discount comes off what the customer pays; the tax falls with the charge it is levied on.
            BigDecimal gross = inc.subtract(discount);
            tax = tax.multiply(gross).divide(inc, 2, RoundingMode.HALF_UP);
            ex = gross.subtract(tax);
        }
        String method = shippingMethod();
        String name = method == null ? "Shipping" : "Shipping: " + method;
        lines.add(new OrderLine("shipping", LineType.SHIPPING, null, name, BigDecimal.ONE, money(ex), money(tax), List.of(), null));
    }

    private void addHandling() {
        BigDecimal ex = Amounts.of(order, "handling_cost_ex_tax");
        BigDecimal tax = Amounts.of(order, "handling_cost_tax");
        if (ex.signum() != 0 || tax.signum() != 0) {
            lines.add(new OrderLine("handling", LineType.SHIPPING, null, "Handling", BigDecimal.ONE, money(ex), money(tax), List.of(), null));
        }
    }

    /**
     * One gift-wrap line per wrapped product (the back office records which item needs wrapping), unless
     * the products' wrapping charges do not add up to the order's, in which case one line for the order.
     */
    private void addGiftWrap(List<JsonObject> products) {
        BigDecimal orderEx = Amounts.of(order, "wrapping_cost_ex_tax");
        BigDecimal orderTax = Amounts.of(order, "wrapping_cost_tax");
        List<OrderLine> perProduct = new ArrayList<>();
        BigDecimal sumEx = BigDecimal.ZERO;
        BigDecimal sumTax = BigDecimal.ZERO;
        for (JsonObject p : products) {
            String wrapping = PartyMapper.text(p, "wrapping_name");
            BigDecimal ex = Amounts.of(p, "wrapping_cost_ex_tax");
            BigDecimal tax = Amounts.of(p, "wrapping_cost_tax");
            if (wrapping == null && ex.signum() == 0 && tax.signum() == 0) {
                continue;
            }
            sumEx = sumEx.add(ex);
            sumTax = sumTax.add(tax);
            String name = "Gift wrapping" + (wrapping == null ? "" : ": " + wrapping) + " for " + PartyMapper.text(p, "name");
            perProduct.add(new OrderLine("giftwrap-" + id(p), LineType.GIFT_WRAP, null, name, quantity(p), money(ex), money(tax),
                    List.of(), null));
        }
        if (sumEx.compareTo(orderEx) == 0 && sumTax.compareTo(orderTax) == 0) {
            lines.addAll(perProduct);
        } else {
            lines.add(new OrderLine("giftwrap", LineType.GIFT_WRAP, null, "Gift wrapping", BigDecimal.ONE, money(orderEx),
                    money(orderTax), List.of(), null));
        }
    }

    /** Only when BigCommerce's parts do not add up to its total (e.g. order fees): keeps the total exact. */
    private void addReconciliation() {
        BigDecimal sum = BigDecimal.ZERO;
        for (OrderLine l : lines) {
            sum = sum.add(l.gross().amount());
        }
        BigDecimal diff = Amounts.of(order, "total_inc_tax").subtract(sum);
        if (diff.signum() != 0) {
            lines.add(new OrderLine("reconciliation", LineType.RECONCILIATION, null,
                    "Difference to the BigCommerce order total", BigDecimal.ONE, money(diff), money(BigDecimal.ZERO), List.of(), null));
        }
    }

    private String shippingMethod() {
        List<JsonObject> addresses = objects(order, "shipping_addresses");
        return addresses.isEmpty() ? null : PartyMapper.text(addresses.get(0), "shipping_method");
    }

    private BigDecimal productBase(JsonObject p) {
        return taxInclusive ? Amounts.of(p, "total_inc_tax") : Amounts.of(p, "total_ex_tax");
    }

    private static boolean isGiftCertificate(JsonObject p) {
        return "giftcertificate".equalsIgnoreCase(String.valueOf(p.getValue("type")));
    }

    private static List<LineOption> options(JsonObject p) {
        List<LineOption> options = new ArrayList<>();
        for (JsonObject o : objects(p, "product_options")) {
            String name = firstText(o, "display_name", "name");
            String value = firstText(o, "display_value", "value");
            if (name != null) {
                options.add(new LineOption(name, value));
            }
        }
        for (JsonObject f : objects(p, "configurable_fields")) {
            String name = PartyMapper.text(f, "name");
            if (name != null) {
                options.add(new LineOption(name, PartyMapper.text(f, "value")));
            }
        }
        return options;
    }

    private static String firstText(JsonObject o, String... fields) {
        for (String f : fields) {
            String v = PartyMapper.text(o, f);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static String id(JsonObject p) {
        return String.valueOf(p.getValue("id"));
    }

    private static BigDecimal quantity(JsonObject p) {
        Object q = p.getValue("quantity");
        return q == null ? BigDecimal.ONE : new BigDecimal(String.valueOf(q));
    }

    private Money money(BigDecimal amount) {
        return Money.of(Amounts.tidy(amount), currency);
    }

    private static int parseInt(Object o) {
        try {
            return o == null ? -1 : Integer.parseInt(String.valueOf(o).trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static List<JsonObject> objects(JsonObject o, String field) {
        List<JsonObject> out = new ArrayList<>();
        if (o.getValue(field) instanceof JsonArray array) {
            for (Object item : array) {
                if (item instanceof JsonObject j) {
                    out.add(j);
                }
            }
        }
        return out;
    }
}
