package dev.junction.api.model;

import java.time.Instant;
import java.util.List;

/**
 * Goods that left a warehouse.
 *
 * @param id             the shipment's id where it was made (warehouse or label platform)
 * @param fulfilmentId   the back office's fulfilment (GON) id it ships, when known
 * @param orderId        the back office's order id, when known
 * @param orderReference the order number a person quotes
 * @param complete       whether this shipment completes the fulfilment
 */
public record Shipment(String id, String fulfilmentId, String orderId, String orderReference, String warehouse,
                       Instant shippedAt, List<ShipmentPackage> packages, boolean complete) {
    public Shipment {
        packages = packages == null ? List.of() : List.copyOf(packages);
    }
}
