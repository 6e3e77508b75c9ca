package dev.junction.plugin.dropstream.orders;

import dev.junction.api.error.PermanentException;
import dev.junction.api.model.Address;
import dev.junction.api.model.Fulfilment;
import dev.junction.api.model.FulfilmentLine;
import dev.junction.api.model.Party;
import dev.junction.plugin.dropstream.files.Csv;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A {@link Fulfilment} as a DSFX order file: one {@code "PH"} row of 22 fields (layout v2) and one {@code "PD"}
 * row per line, named {@code ord_<ORDERID>_<YYMMDDHHMMSS>.csv}. Pure.
 *
 * <p>{@code order_number} is the hub's idempotency key ({@code <connection>:<source id>}), so the file, the
 * DropStream order ({@code external_id}) and every shipment file name it; a shipment finds its fulfilment
 * again from the part after the last {@code :}. {@code customer_reference} carries the Brightpearl order id
 * (DropStream shows it as {@code external_display_id}). PD line numbers are the Brightpearl order-row ids when
 * every line has a numeric one, so shipped lines name their rows; otherwise 1, 2, 3...
 *
 * @param base     the file name without extension, e.g. {@code ord_bp-main-5012_250131140500}
 * @param content  the CSV text
 * @param aliases  SKUs replaced through the alias table, as {@code ours→theirs}
 */
public record OrderFile(String base, String orderNumber, String content, List<String> aliases) {
    public static final int MAX_ORDER_NUMBER = 64;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyMMddHHmmss").withZone(ZoneOffset.UTC);

    public String fileName() {
        return base + ".csv";
    }

    /** The ORDERID part of the file names for {@code orderNumber}. */
    public static String fileId(String orderNumber) {
        return orderNumber.replaceAll("[^A-Za-z0-9._-]", "-");
    }

    public static OrderFile build(Fulfilment f, String orderNumber, String shippingMethod, UnaryOperator<String> skuAlias,
                                  Instant now) {
        String what = "goods-out note " + f.id() + (f.orderReference() == null ? "" : " of order " + f.orderReference());
        if (orderNumber.length() > MAX_ORDER_NUMBER) {
            throw new PermanentException(what + ": order number '" + orderNumber + "' is longer than DropStream's "
                    + MAX_ORDER_NUMBER + " characters; use a shorter connection id");
        }
        Party p = f.delivery();
        Address a = p == null ? null : p.address();
        String name = p == null ? "" : p.fullName().isEmpty() ? blank(p.company()) : p.fullName();
        String fix = "; fix the delivery address on the Brightpearl order";
        require(name, what + " has no delivery name" + fix);
        require(a == null ? "" : a.line1(), what + " has no delivery street" + fix);
        require(a.city(), what + " has no delivery city" + fix);
        require(a.postalCode(), what + " has no delivery postcode" + fix);
        String country = blank(a.countryIso2()).trim().toUpperCase(Locale.ROOT);
        if (!country.matches("[A-Z]{2}")) {
            throw new PermanentException(what + ": delivery country '" + country + "' is not a 2-letter ISO code" + fix);
        }
        Instant ordered = (f.createdAt() == null ? now : f.createdAt()).truncatedTo(ChronoUnit.SECONDS);
        String email = p.email() != null && !p.email().isBlank() ? p.email() : blank(f.customerEmail());
        StringBuilder csv = new StringBuilder(Csv.row(Arrays.asList("PH", orderNumber, ordered.toString(), name,
                blank(p.company()), a.line1().trim(), blank(a.line2()), a.city().trim(), blank(a.region()), a.postalCode().trim(),
                country, blank(p.phone()), email, shippingMethod, "", "", "",
                f.orderTotal() == null ? "" : f.orderTotal().currency(), blank(f.orderId()), "", "", "")));
        List<String> aliases = new ArrayList<>();
        List<FulfilmentLine> lines = f.lines().stream().filter(l -> l.quantity() != null && l.quantity().signum() > 0).toList();
        if (lines.isEmpty()) {
            throw new PermanentException(what + " has no lines with a quantity to ship");
        }
        boolean rowIds = rowIdsUsable(lines);
        int n = 0;
        for (FulfilmentLine l : lines) {
            n++;
            if (l.sku() == null || l.sku().isBlank()) {
                throw new PermanentException(what + ": row " + l.orderLineId() + " (" + (l.name() == null ? "no name" : l.name())
                        + ") has no SKU; the warehouse picks by SKU, so give the product a SKU in Brightpearl");
            }
            int qty;
            try {
                qty = l.quantity().intValueExact();
            } catch (ArithmeticException e) {
                throw new PermanentException(what + ": row " + l.orderLineId() + " asks for " + l.quantity().toPlainString()
                        + " of " + l.sku() + "; the warehouse ships whole units");
            }
            String ours = l.sku().trim();
            String theirs = skuAlias.apply(ours);
            if (!theirs.equals(ours)) {
                aliases.add(ours + "→" + theirs);
            }
            BigDecimal price = l.unitValue() == null ? BigDecimal.ZERO : l.unitValue().amount();
            csv.append(Csv.row(List.of("PD", orderNumber, rowIds ? l.orderLineId().trim() : String.valueOf(n), theirs,
                    String.valueOf(qty), price.setScale(2, RoundingMode.HALF_UP).toPlainString())));
        }
        String base = "ord_" + fileId(orderNumber) + "_" + STAMP.format(now);
        return new OrderFile(base, orderNumber, csv.toString(), List.copyOf(aliases));
    }

    private static boolean rowIdsUsable(List<FulfilmentLine> lines) {
        Set<String> seen = new HashSet<>();
        for (FulfilmentLine l : lines) {
            String id = l.orderLineId() == null ? "" : l.orderLineId().trim();
            if (!id.matches("[1-9][0-9]{0,8}") || !seen.add(id)) {
                return false;
            }
        }
        return true;
    }

    private static void require(String value, String message) {
        if (value == null || value.isBlank()) {
            throw new PermanentException(message);
        }
    }

    private static String blank(String s) {
        return s == null ? "" : s.trim();
    }
}
