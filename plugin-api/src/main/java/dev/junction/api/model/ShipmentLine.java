package dev.junction.api.model;

import java.math.BigDecimal;

/** A quantity of one SKU (and, when known, one order line) in a package. */
public record ShipmentLine(String sku, String orderLineId, BigDecimal quantity) {
}
