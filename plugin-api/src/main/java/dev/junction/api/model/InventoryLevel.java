package dev.junction.api.model;

import java.math.BigDecimal;
import java.time.Instant;

/** Stock of one SKU in one warehouse as the warehouse system reports it. */
public record InventoryLevel(String sku, String warehouse, BigDecimal onHand, BigDecimal available, Instant asOf) {
}
