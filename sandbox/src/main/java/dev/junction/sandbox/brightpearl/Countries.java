package dev.junction.sandbox.brightpearl;

import java.util.Locale;
import java.util.MissingResourceException;

/** ISO country code helpers: Brightpearl postal addresses take 3-letter codes, orders print both. */
final class Countries {
    private Countries() {
    }

    static String iso3(String code) {
        if (code == null || code.length() != 2) {
            return code == null ? "" : code;
        }
        try {
            return new Locale("", code.toUpperCase(Locale.ROOT)).getISO3Country();
        } catch (MissingResourceException e) {
            return "";
        }
    }

    static String iso2(String code) {
        if (code == null || code.length() != 3) {
            return code;
        }
        for (String c : Locale.getISOCountries()) {
            if (iso3(c).equalsIgnoreCase(code)) {
                return c;
            }
        }
        return code;
    }
}
