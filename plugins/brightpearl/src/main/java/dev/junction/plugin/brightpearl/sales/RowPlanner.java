package dev.junction.plugin.brightpearl.sales;

import dev.junction.api.mapping.MappingTables;
import dev.junction.api.model.LineOption;
import dev.junction.api.model.LineType;
import dev.junction.api.model.Money;
import dev.junction.api.model.Order;
import dev.junction.api.model.OrderLine;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Plans the rows of a sales order. Brightpearl keeps a unit price to 4 decimals and makes the row total
 * unit price × quantity, so a store row of 100.00 for 300 units becomes 0.3333 × 300 = 99.99. Each row is
 * sent as Brightpearl will compute it, and when the rows no longer add up to the store's total one
 * RECONCILIATION row carries the difference, so the totals agree to the cent. Pure.
 *
 * <p>Tax codes: table {@code tax-codes} keyed by line type (PRODUCT, SHIPPING, ...), else option
 * {@code taxCode} (default T) for taxed rows and {@code exemptTaxCode} (default N) for untaxed ones.
 * Nominal codes: the line's own, else table {@code nominal-codes} keyed by line type.
 */
public final class RowPlanner {
    public static final String RECONCILIATION_NAME = "RECONCILIATION";

    private RowPlanner() {
    }

    /** The unit price Brightpearl will keep for a row: net ÷ quantity to 4 decimals. */
    public static BigDecimal unitPrice(BigDecimal rowNet, BigDecimal quantity) {
        if (quantity.signum() == 0) {
            return rowNet.setScale(4, RoundingMode.HALF_UP);
        }
        return rowNet.divide(quantity, 4, RoundingMode.HALF_UP);
    }

    /** The row net Brightpearl will show: unit price × quantity, to the cent. */
    public static BigDecimal brightpearlRowNet(BigDecimal rowNet, BigDecimal quantity) {
        if (quantity.signum() == 0) {
            return rowNet.setScale(2, RoundingMode.HALF_UP);
        }
        return unitPrice(rowNet, quantity).multiply(quantity).setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * @param productIds Brightpearl product id per SKU for the SKUs that matched; others become free-text rows
     */
    public static List<PlannedRow> plan(Order order, Map<String, Long> productIds, MappingTables tables, JsonObject options) {
        List<PlannedRow> rows = new ArrayList<>();
        BigDecimal sent = BigDecimal.ZERO;
        for (OrderLine line : order.lines()) {
            Long productId = line.type() == LineType.PRODUCT && line.sku() != null ? productIds.get(line.sku()) : null;
            BigDecimal qty = line.quantity();
            BigDecimal net = brightpearlRowNet(line.net().amount(), qty);
            BigDecimal tax = line.tax().amount().setScale(2, RoundingMode.HALF_UP);
            rows.add(new PlannedRow(line.type(), productId, productId == null ? freeTextName(line) : null, qty, net, tax,
                    taxCode(line.type(), tax, tables, options), nominal(line, tables), line.lineId()));
            sent = sent.add(net).add(tax);
        }
        Money target = order.total() != null ? order.total() : order.linesTotal();
        BigDecimal difference = target.amount().setScale(2, RoundingMode.HALF_UP).subtract(sent);
        if (difference.signum() != 0) {
            rows.add(new PlannedRow(LineType.RECONCILIATION, null, RECONCILIATION_NAME, BigDecimal.ONE, difference,
                    BigDecimal.ZERO.setScale(2), taxCode(LineType.RECONCILIATION, BigDecimal.ZERO, tables, options),
                    tables.lookup("nominal-codes", LineType.RECONCILIATION.name()).orElse(null), "reconciliation"));
        }
        return rows;
    }

    /** The store's own wording, with the chosen options, for rows Brightpearl has no product for. */
    static String freeTextName(OrderLine line) {
        String name = line.name() != null ? line.name() : line.sku() != null ? line.sku() : line.type().name();
        if (line.type() == LineType.COUPON && !name.toLowerCase().contains("coupon")) {
            name = "Coupon: " + name;
        }
        if (!line.options().isEmpty()) {
            name += " (" + line.options().stream().map(RowPlanner::option).collect(Collectors.joining(", ")) + ")";
        }
        if (line.type() == LineType.PRODUCT && line.sku() != null && !name.contains(line.sku())) {
            name += " [" + line.sku() + "]";
        }
        return name;
    }

    private static String option(LineOption o) {
        return o.name() + ": " + o.value();
    }

    private static String taxCode(LineType type, BigDecimal tax, MappingTables tables, JsonObject options) {
        return tables.lookup("tax-codes", type.name()).orElseGet(() -> tax.signum() == 0
                ? options.getString("exemptTaxCode", "N") : options.getString("taxCode", "T"));
    }

    private static String nominal(OrderLine line, MappingTables tables) {
        return line.nominalCode() != null ? line.nominalCode()
                : tables.lookup("nominal-codes", line.type().name()).orElse(null);
    }
}
