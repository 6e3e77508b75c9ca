package dev.junction.api.model;

import java.math.BigDecimal;

/**
 * One line of a fulfilment (goods-out note).
 *
 * @param orderLineId     the order line (Brightpearl order-row id) it fulfils
 * @param unitValue       unit price, for customs declarations
 * @param weightKg        unit weight in kilograms, if known
 * @param hsCode          harmonised tariff code, if known
 * @param countryOfOrigin ISO alpha-2 country of origin, if known
 */
public record FulfilmentLine(String orderLineId, String sku, String name, BigDecimal quantity, Money unitValue,
                             BigDecimal weightKg, String hsCode, String countryOfOrigin) {
}
