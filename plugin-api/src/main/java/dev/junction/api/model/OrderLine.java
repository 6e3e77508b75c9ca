package dev.junction.api.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * One line of an order. Amounts are row totals as the store charged them (after any spread discount),
 * so that the sum of {@code net + tax} over all lines is the order total.
 *
 * @param lineId      the source's line id (stable, used as the line's external reference)
 * @param sku         product SKU, null for non-product lines
 * @param name        description as shown on the order (coupon lines hold the code here)
 * @param net         row total excluding tax
 * @param tax         row tax
 * @param nominalCode accounting code when known from the source or a mapping, else null
 */
public record OrderLine(String lineId, LineType type, String sku, String name, BigDecimal quantity,
                        Money net, Money tax, List<LineOption> options, String nominalCode) {
    public OrderLine {
        options = options == null ? List.of() : List.copyOf(options);
        quantity = quantity == null ? BigDecimal.ONE : quantity;
    }

    public Money gross() {
        return net.plus(tax);
    }
}
