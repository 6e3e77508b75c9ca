package dev.junction.plugin.bigcommerce.client;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** BigCommerce v2 dates: RFC-2822 in responses; ISO-8601 (with offset) accepted in filters. */
public final class BcDates {

    private static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private BcDates() {
    }

    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";
    private static final String DAYS = "MonTueWedThuFriSatSun";

    /** Parses RFC-2822 ("Tue, 05 Mar 2019 21:40:11 +0000") or ISO-8601; null for blank input. */
    public static Instant parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        Instant fast = rfc1123(v);
        if (fast != null) {
            return fast;
        }
        try {
            return OffsetDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return OffsetDateTime.parse(v).toInstant();
        }
    }

    /**
     * BigCommerce's own shape, {@code "Tue, 05 Mar 2019 21:40:11 +0000"}, read by hand: every listed order's
     * {@code date_modified} is parsed, and {@code DateTimeFormatter.RFC_1123_DATE_TIME} was 6% of the hub's CPU
     * while sweeps listed hundreds of orders a second. Null for anything else (another shape, a day name that
     * does not match the date, an out-of-range field), which the formatter then reads as before.
     */
    static Instant rfc1123(String v) {
        if (v.length() != 31 || v.charAt(3) != ',' || v.charAt(4) != ' ' || v.charAt(7) != ' ' || v.charAt(11) != ' '
                || v.charAt(16) != ' ' || v.charAt(19) != ':' || v.charAt(22) != ':' || v.charAt(25) != ' ') {
            return null;
        }
        int day = digits(v, 5, 2);
        int month = name(MONTHS, v, 8);
        int year = digits(v, 12, 4);
        int hour = digits(v, 17, 2);
        int minute = digits(v, 20, 2);
        int second = digits(v, 23, 2);
        char sign = v.charAt(26);
        int offHours = digits(v, 27, 2);
        int offMinutes = digits(v, 29, 2);
        if (day < 1 || month < 1 || year < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
                || second > 59 || (sign != '+' && sign != '-') || offHours < 0 || offMinutes < 0 || offMinutes > 59
                || offHours * 60 + offMinutes > 18 * 60
                || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        java.time.LocalDate date = java.time.LocalDate.of(year, month, day);
        if (name(DAYS, v, 0) != date.getDayOfWeek().getValue()) {
            return null;
        }
        int offset = (sign == '-' ? -1 : 1) * (offHours * 3600 + offMinutes * 60);
        return Instant.ofEpochSecond(date.toEpochDay() * 86_400 + hour * 3600 + minute * 60 + second - offset);
    }

    /** The 1-based position of the three letters at {@code at} in {@code names}, or -1. */
    private static int name(String names, String v, int at) {
        for (int i = 0; i + 3 <= names.length(); i += 3) {
            if (names.regionMatches(i, v, at, 3)) {
                return i / 3 + 1;
            }
        }
        return -1;
    }

    /** The ASCII digits at {@code at}, or -1 if any is not one. */
    private static int digits(String v, int at, int count) {
        int n = 0;
        for (int i = at; i < at + count; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** A filter value at whole seconds, the precision BigCommerce stores. */
    public static String filter(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC).format(ISO_SECONDS);
    }
}
