package dev.junction.sandbox.bigcommerce;

import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** BigCommerce v2 wire formats: money as 4-decimal strings, dates as RFC-2822. */
final class Formats {
    /** Always two-digit day, as BigCommerce prints it ("Tue, 05 Mar 2019 21:40:11 +0000"). */
    private static final DateTimeFormatter RFC_2822_OUT =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ENGLISH);

    private Formats() {
    }

    static String money(BigDecimal value) {
        return value.setScale(4, RoundingMode.HALF_UP).toPlainString();
    }

    static String rate(BigDecimal value) {
        return value.setScale(10, RoundingMode.HALF_UP).toPlainString();
    }

    /** Reads a money field sent as string or number (one spec example uses plain numbers). */
    static BigDecimal decimal(JsonObject json, String field, BigDecimal fallback) {
        Object v = json == null ? null : json.getValue(field);
        if (v == null || (v instanceof String s && s.isBlank())) return fallback;
        try {
            return new BigDecimal(v.toString());
        } catch (NumberFormatException e) {
            throw new BadInput(field + " must be a decimal number, got '" + v + "'");
        }
    }

    static String rfc2822(Instant instant) {
        return RFC_2822_OUT.format(instant.atOffset(ZoneOffset.UTC));
    }

    /**
     * Parses a date filter or date field: RFC-2822 (as BigCommerce prints), ISO-8601 date-time with offset,
     * ISO-8601 date-time without offset (taken as UTC) or a plain ISO date, as the v2 filters accept.
     */
    static Instant parseDate(String text) {
        String s = text.trim();
        try {
            return OffsetDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the ISO forms next
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException ignored) {
            // next
        }
        try {
            return java.time.LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // next
        }
        try {
            return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new BadInput("'" + text + "' is not a valid RFC-2822 or ISO-8601 date");
        }
    }

    /** A client mistake the route answers with 400 (v2) or 422 (v3). */
    static final class BadInput extends RuntimeException {
        BadInput(String message) {
            super(message, null, false, false);
        }
    }
}
