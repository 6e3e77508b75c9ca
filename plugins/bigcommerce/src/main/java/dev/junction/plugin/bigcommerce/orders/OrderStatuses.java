package dev.junction.plugin.bigcommerce.orders;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** BigCommerce's fixed order status ids (0-14) and their system names. */
public final class OrderStatuses {

    public static final int SHIPPED = 2;
    public static final int PARTIALLY_SHIPPED = 3;

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(0, "Incomplete"), Map.entry(1, "Pending"), Map.entry(2, "Shipped"),
            Map.entry(3, "Partially Shipped"), Map.entry(4, "Refunded"), Map.entry(5, "Cancelled"),
            Map.entry(6, "Declined"), Map.entry(7, "Awaiting Payment"), Map.entry(8, "Awaiting Pickup"),
            Map.entry(9, "Awaiting Shipment"), Map.entry(10, "Completed"), Map.entry(11, "Awaiting Fulfillment"),
            Map.entry(12, "Manual Verification Required"), Map.entry(13, "Disputed"), Map.entry(14, "Partially Refunded"));

    private OrderStatuses() {
    }

    public static Map<Integer, String> all() {
        return NAMES;
    }

    /** The id of a status given as its id ("11") or system name ("Awaiting Fulfillment", any case). */
    public static Optional<Integer> idOf(String idOrName) {
        if (idOrName == null || idOrName.isBlank()) {
            return Optional.empty();
        }
        String v = idOrName.trim();
        if (v.matches("\\d+")) {
            int id = Integer.parseInt(v);
            return NAMES.containsKey(id) ? Optional.of(id) : Optional.empty();
        }
        String wanted = normalise(v);
        return NAMES.entrySet().stream().filter(e -> normalise(e.getValue()).equals(wanted)).map(Map.Entry::getKey).findFirst();
    }

    static String normalise(String name) {
        return name.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", " ");
    }
}
