package dev.junction.plugin.bigcommerce.mapping;

import dev.junction.api.error.PermanentException;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;

/** BigCommerce v2 money: decimal strings with four places ("62.6793"), sometimes plain numbers. */
final class Amounts {

    private Amounts() {
    }

    static BigDecimal of(JsonObject o, String field) {
        Object v = o.getValue(field);
        if (v == null) {
            return BigDecimal.ZERO;
        }
        String text = String.valueOf(v).trim();
        if (text.isEmpty()) {
            return BigDecimal.ZERO;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new PermanentException("BigCommerce field '" + field + "' is not an amount: '" + text + "'");
        }
    }

    /** Amounts at cents when they are whole cents (most are, written "12.0000"), else at their own precision. */
    static BigDecimal tidy(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() <= 2 ? amount.setScale(2, java.math.RoundingMode.UNNECESSARY) : stripped;
    }
}
