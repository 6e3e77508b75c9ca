package dev.junction.api.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A sales order in canonical form.
 *
 * @param sourceId        the id in the system it came from
 * @param reference       the number a person quotes (store order number; Brightpearl customer reference)
 * @param status          the source's status name; status maps translate it
 * @param currency        order currency
 * @param exchangeRate    order currency units per base currency unit as the source supplied it
 * @param customer        the buyer (email is the match key in the back office)
 * @param billing         invoice party
 * @param delivery        delivery party
 * @param shippingMethod  the source's shipping method name
 * @param customerMessage the customer's checkout comment
 * @param staffNotes      internal notes
 * @param giftMessage     gift wrapping message
 * @param customFields    further values to place in configured custom fields
 */
public record Order(String sourceId, String reference, Instant placedAt, String status, String currency,
                    BigDecimal exchangeRate, Party customer, Party billing, Party delivery, List<OrderLine> lines,
                    Money total, String shippingMethod, String customerMessage, String staffNotes,
                    String giftMessage, Map<String, String> customFields) {
    public Order {
        lines = lines == null ? List.of() : List.copyOf(lines);
        customFields = customFields == null ? Map.of() : Map.copyOf(customFields);
    }

    /** Sum of line gross amounts; equals {@link #total()} for a well-formed order. */
    public Money linesTotal() {
        Money sum = Money.zero(currency);
        for (OrderLine l : lines) {
            sum = sum.plus(l.gross());
        }
        return sum;
    }
}
