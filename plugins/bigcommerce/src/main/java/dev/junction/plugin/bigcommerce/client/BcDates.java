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

    /** Parses RFC-2822 ("Tue, 05 Mar 2019 21:40:11 +0000") or ISO-8601; null for blank input. */
    public static Instant parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            return OffsetDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return OffsetDateTime.parse(v).toInstant();
        }
    }

    /** A filter value at whole seconds, the precision BigCommerce stores. */
    public static String filter(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC).format(ISO_SECONDS);
    }
}
