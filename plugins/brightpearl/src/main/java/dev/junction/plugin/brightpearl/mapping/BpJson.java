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
        Instant fast = offsetDateTime(s);
        if (fast != null) {
            return fast;
        }
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

    /** Days from 0000-01-01 to 1970-01-01, as in {@code LocalDate.toEpochDay}. */
    private static final long DAYS_0000_TO_1970 = 719_528L;
    /** Scales a fraction of n digits to nanoseconds: {@code NANO_SCALE[n]}. */
    private static final int[] NANO_SCALE = {0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

    /**
     * {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|±HH:MM)}, the shape of every date Brightpearl sends, read by hand; null
     * for any other shape or an out-of-range field, which {@link #instant} then leaves to the JDK parsers. The search
     * index reads one such date per row many times a second, and {@code OffsetDateTime.parse} (a general formatter,
     * a {@code TemporalAccessor} map per call) was most of the hub's Brightpearl CPU. Accepts exactly what
     * {@code OffsetDateTime.parse} accepts within this shape (strict ranges, leap years), with the same result.
     */
    static Instant offsetDateTime(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        // a negative value is a non-digit; hour 24 and second 60 are left to the fallbacks, whose answers differ
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > monthLength(year, month) || hour < 0 || hour > 23
                || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && i - start < 9 && isDigit(s.charAt(i))) {
                nanos = nanos * 10 + (s.charAt(i) - '0');
                i++;
            }
            if (i == start) {
                return null;
            }
            nanos *= NANO_SCALE[i - start];
        }
        if (i >= n) {
            return null;
        }
        char sign = s.charAt(i);
        int offsetSeconds;
        if (sign == 'Z') {
            if (i + 1 != n) {
                return null;
            }
            offsetSeconds = 0;
        } else if (sign == '+' || sign == '-') {
            if (i + 6 != n || s.charAt(i + 3) != ':') {
                return null;
            }
            int oh = digits(s, i + 1, 2);
            int om = digits(s, i + 4, 2);
            // ZoneOffset's range is ±18:00
            if (oh < 0 || om < 0 || om > 59 || oh > 18 || (oh == 18 && om > 0)) {
                return null;
            }
            offsetSeconds = (oh * 3600 + om * 60) * (sign == '-' ? -1 : 1);
        } else {
            return null;
        }
        long seconds = epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
        return Instant.ofEpochSecond(seconds, nanos);
    }

    /** The {@code count} ASCII digits at {@code from} as a number; -1 if any is not a digit. */
    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean leap(int year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    private static int monthLength(int year, int month) {
        return switch (month) {
            case 2 -> leap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** {@code LocalDate.of(year, month, day).toEpochDay()} for a valid date with year 0 to 9999. */
    private static long epochDay(int year, int month, int day) {
        long total = 365L * year + (year + 3) / 4 - (year + 99) / 100 + (year + 399) / 400;
        total += (367 * month - 362) / 12;
        total += day - 1;
        if (month > 2) {
            total--;
            if (!leap(year)) {
                total--;
            }
        }
        return total - DAYS_0000_TO_1970;
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
        // ids arrive as JSON numbers: skip the text round trip (the search index reads one per row); same answer
        if (v instanceof Integer i) {
            return i == 0 ? null : Long.valueOf(i);
        }
        if (v instanceof Long l) {
            return l == 0 ? null : l;
        }
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
