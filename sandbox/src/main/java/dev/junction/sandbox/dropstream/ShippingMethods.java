package dev.junction.sandbox.dropstream;

import java.util.Map;

/** Warehouse shipping method codes ({@code CARRIER_SERVICE}) and the tracking numbers each carrier uses. */
final class ShippingMethods {
    private static final Map<String, String> CARRIERS = Map.of("UPS", "UPS", "USPS", "USPS", "FEDEX", "FedEx",
            "DHL", "DHL", "ONTRAC", "OnTrac");
    private static final Map<String, String> SERVICES = Map.of("UPS_GROUND", "Ground", "UPS_2DAY", "2nd Day Air",
            "UPS_NEXTDAY", "Next Day Air", "USPS_PRIORITY", "Priority Mail", "USPS_FIRST", "First-Class Package",
            "FEDEX_GROUND", "Ground", "FEDEX_2DAY", "2Day", "DHL_EXPRESS", "Express Worldwide");

    private ShippingMethods() {
    }

    /** {carrier name, service level}; an unknown code keeps its first word as the carrier and itself as service. */
    static String[] carrierAndService(String code) {
        String upper = code == null ? "" : code.toUpperCase();
        String prefix = upper.contains("_") ? upper.substring(0, upper.indexOf('_')) : upper;
        String carrier = CARRIERS.getOrDefault(prefix, prefix.isEmpty() ? "UPS" : prefix);
        String service = SERVICES.getOrDefault(upper, code == null || code.isEmpty() ? "Ground" : code);
        return new String[]{carrier, service};
    }

    static String trackingNumber(String carrier, java.util.function.IntFunction<String> digits) {
        return switch (carrier) {
            case "UPS" -> "1Z" + digits.apply(6) + "03" + digits.apply(8);
            case "USPS" -> "9400" + digits.apply(18);
            case "FedEx" -> digits.apply(12);
            case "DHL" -> digits.apply(10);
            default -> "DS" + digits.apply(12);
        };
    }
}
