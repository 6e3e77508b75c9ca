package dev.junction.api.model;

import java.time.Instant;
import java.util.List;

/**
 * A request to ship part or all of an order from one warehouse: Brightpearl's goods-out note, or a whole
 * order when a destination takes orders rather than notes.
 *
 * @param id             the fulfilment's id at the source (GON id, or the order id in order mode)
 * @param orderId        the source order id
 * @param orderReference the number a person quotes
 * @param warehouse      the source warehouse id (mapped by warehouse tables)
 * @param shippingMethod the source shipping method (mapped by shipping-method tables)
 * @param orderTotal     the order's total, shown in sync logs
 */
public record Fulfilment(String id, String orderId, String orderReference, String warehouse, String shippingMethod,
                         Party delivery, List<FulfilmentLine> lines, Instant createdAt, Money orderTotal,
                         String customerEmail) {
    public Fulfilment {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
