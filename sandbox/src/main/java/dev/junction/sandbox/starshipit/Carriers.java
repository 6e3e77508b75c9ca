package dev.junction.sandbox.starshipit;

import java.util.Map;

/** Starshipit carrier codes, their display names, default services, and tracking number formats. */
final class Carriers {
    static final String DEFAULT = "AusPost";

    private static final Map<String, String> NAMES = Map.of("AusPost", "Australia Post", "NZPost", "NZ Post",
            "CourierPost", "CourierPost", "DHL", "DHL Express", "UPS", "UPS", "PlainLabel", "Plain Label");
    private static final Map<String, String> SERVICES = Map.of("AusPost", "7B05", "NZPost", "CPOLTPDL",
            "CourierPost", "CPOLP", "DHL", "P", "UPS", "11", "PlainLabel", "PL");

    private Carriers() {
    }

    static String name(String code) {
        return code == null ? null : NAMES.getOrDefault(code, code);
    }

    static String defaultService(String code) {
        return SERVICES.getOrDefault(code, "STD");
    }

    /** A plausible tracking number for the carrier; {@code digits} supplies seeded random digits. */
    static String trackingNumber(String code, java.util.function.IntFunction<String> digits) {
        return switch (code) {
            case "AusPost" -> "QQQ" + digits.apply(17);
            case "NZPost", "CourierPost" -> "CP" + digits.apply(10) + "NZ";
            case "DHL" -> digits.apply(10);
            case "UPS" -> "1Z" + digits.apply(16);
            default -> "SSIT" + digits.apply(12);
        };
    }

    static String trackingUrl(String code, String tracking) {
        return switch (code) {
            case "AusPost" -> "https://auspost.com.au/mypost/track/#/details/" + tracking;
            case "NZPost", "CourierPost" -> "https://www.nzpost.co.nz/tools/tracking/item/" + tracking;
            case "DHL" -> "https://www.dhl.com/en/express/tracking.html?AWB=" + tracking;
            case "UPS" -> "https://www.ups.com/track?tracknum=" + tracking;
            default -> "https://app.starshipit.com/track/" + tracking;
        };
    }
}
