package dev.junction.api.model;

import java.math.BigDecimal;

/** A catalogue product with the customs data label platforms need. */
public record Product(String sku, String name, Money price, BigDecimal weightKg, String hsCode, String countryOfOrigin) {
}
