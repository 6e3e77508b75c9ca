package dev.junction.plugin.brightpearl.mapping;

import dev.junction.api.error.PermanentException;
import dev.junction.api.model.Address;
import dev.junction.api.model.Party;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Reading Brightpearl's wire values: money and quantities as strings, dates with millis and offset. */
public final class BpJson {
    private static final Map<String, String> ISO3_TO_ISO2 = new ConcurrentHashMap<>();

    static {
        for (String iso2 : Locale.getISOCountries()) {
            try {
                ISO3_TO_ISO2.put(new Locale("", iso2).getISO3Country(), iso2);
            } catch (RuntimeException ignored) {
                // a few legacy codes have no alpha-3; nothing to map
            }
        }
    }

    private BpJson() {
    }

    /** A decimal from a string or number; null when absent. */
    public static BigDecimal decimal(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof BigDecimal b) {
            return b;
        }
        String s = v.toString().trim();
        if (s.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw new PermanentException("Brightpearl sent '" + s + "' where a number was expected");
        }
    }

    public static BigDecimal decimalOr(Object v, BigDecimal fallback) {
        BigDecimal d = decimal(v);
        return d == null ? fallback : d;
    }

    /** {@code value} of a {@code {"currencyCode":"USD","value":"9.0909"}} money object. */
    public static BigDecimal money(JsonObject o, String key) {
        JsonObject m = o == null ? null : o.getJsonObject(key);
        return m == null ? BigDecimal.ZERO : decimalOr(m.getValue("value"), BigDecimal.ZERO);
    }

    /** Brightpearl dates ("2020-03-31T15:02:44.000-06:00"), also plain ISO instants and dates. */
    public static Instant instant(Object v) {
        if (v == null || v.toString().isBlank()) {
            return null;
        }
        String s = v.toString().trim();
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e2) {
                try {
                    return LocalDate.parse(s.length() >= 10 ? s.substring(0, 10) : s).atStartOfDay().toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException e3) {
                    return null;
                }
            }
        }
    }

    public static String text(JsonObject o, String key) {
        Object v = o == null ? null : o.getValue(key);
        if (v == null) {
            return null;
        }
        String s = v.toString().trim();
        return s.isEmpty() ? null : s;
    }

    /** An id as text; Brightpearl's 0 means "none". */
    public static String id(Object v) {
        if (v == null) {
            return null;
        }
        String s = v.toString().trim();
        return s.isEmpty() || s.equals("0") ? null : s;
    }

    public static Long longId(Object v) {
        String s = id(v);
        try {
            return s == null ? null : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** An order party ({@code parties.customer|delivery|billing}) as a canonical party. */
    public static Party party(JsonObject p) {
        if (p == null) {
            return null;
        }
        String full = text(p, "addressFullName");
        String first = null;
        String last = null;
        if (full != null) {
            int space = full.lastIndexOf(' ');
            first = space < 0 ? full : full.substring(0, space).trim();
            last = space < 0 ? null : full.substring(space + 1).trim();
        }
        String country = text(p, "countryIsoCode");
        if (country == null && text(p, "countryIsoCode3") != null) {
            country = iso2(text(p, "countryIsoCode3"));
        }
        Address address = new Address(text(p, "addressLine1"), text(p, "addressLine2"), text(p, "addressLine3"),
                text(p, "addressLine4"), text(p, "postalCode"), country == null ? null : iso2(country));
        String phone = text(p, "telephone") != null ? text(p, "telephone") : text(p, "mobileTelephone");
        return new Party(first, last, text(p, "companyName"), text(p, "email"), phone, address);
    }

    /** Alpha-2 from an alpha-2 or alpha-3 code. */
    public static String iso2(String code) {
        if (code == null) {
            return null;
        }
        String c = code.trim().toUpperCase(Locale.ROOT);
        return c.length() == 3 ? ISO3_TO_ISO2.getOrDefault(c, c) : c;
    }

    /** Alpha-3 (what Brightpearl postal addresses take) from an alpha-2 code. */
    public static String iso3(String iso2) {
        if (iso2 == null || iso2.isBlank()) {
            return null;
        }
        String c = iso2.trim().toUpperCase(Locale.ROOT);
        if (c.length() == 3) {
            return c;
        }
        try {
            return new Locale("", c).getISO3Country();
        } catch (RuntimeException e) {
            throw new PermanentException("'" + iso2 + "' is not an ISO country code Brightpearl knows");
        }
    }
}
