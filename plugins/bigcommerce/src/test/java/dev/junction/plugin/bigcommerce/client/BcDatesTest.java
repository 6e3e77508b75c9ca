package dev.junction.plugin.bigcommerce.client;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class BcDatesTest {
    /** BigCommerce's response shape: two-digit day, English names, numeric offset. */
    private static final DateTimeFormatter BC = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss xx", Locale.ENGLISH);

    /** What parse answered before the hand-written path: the formatter, then ISO-8601; an exception as such. */
    private static Object formatterOnly(String value) {
        String v = value.trim();
        try {
            try {
                return OffsetDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                return OffsetDateTime.parse(v).toInstant();
            }
        } catch (DateTimeParseException e) {
            return "unparseable";
        }
    }

    private static Object parse(String v) {
        try {
            return BcDates.parse(v);
        } catch (DateTimeParseException e) {
            return "unparseable";
        }
    }

    @Test
    void bigCommerceShapeIsReadByHandAndAgreesWithTheFormatter() {
        assertThat(BcDates.rfc1123("Tue, 05 Mar 2019 21:40:11 +0000")).isEqualTo(Instant.parse("2019-03-05T21:40:11Z"));
        assertThat(BcDates.rfc1123("Thu, 29 Feb 2024 23:59:59 -0530")).isEqualTo(Instant.parse("2024-03-01T05:29:59Z"));
        Random random = new Random(42);
        ZoneOffset[] offsets = {ZoneOffset.UTC, ZoneOffset.ofHours(-6), ZoneOffset.ofHoursMinutes(5, 30), ZoneOffset.ofHours(14),
                ZoneOffset.ofHoursMinutes(-9, -30), ZoneOffset.ofHours(-18), ZoneOffset.ofHours(18)};
        for (int i = 0; i < 20_000; i++) {
            Instant at = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 253_000_000_000L));
            String v = BC.format(at.atOffset(offsets[i % offsets.length]));
            if (v.length() != 31) continue; // years outside 0000-9999 are not this shape
            assertThat(BcDates.rfc1123(v)).as(v).isEqualTo(at);
            assertThat(BcDates.parse(v)).as(v).isEqualTo(at);
        }
    }

    @Test
    void anythingElseIsLeftToTheFormatterWithTheSameAnswerAsBefore() {
        String[] values = {
                "Mon, 05 Mar 2019 21:40:11 +0000",   // day name does not match the date
                "Fri, 31 Feb 2019 21:40:11 +0000",   // no such day
                "Fri, 29 Feb 2019 21:40:11 +0000",   // not a leap year
                "Tue, 05 Mar 2019 24:00:00 +0000",   // hour 24
                "Tue, 05 Mar 2019 21:60:11 +0000",
                "Tue, 05 Mar 2019 21:40:60 +0000",   // leap second
                "Tue, 05 Mar 2019 21:40:11 +1900",   // offset out of range
                "Tue, 05 Mar 2019 21:40:11 +0560",
                "Tue, 05 Mar 2019 21:40:11 *0000",
                "Tue, 05 Foo 2019 21:40:11 +0000",
                "tue, 05 mar 2019 21:40:11 +0000",   // lower case: the formatter is case-insensitive
                "Tue, 5 Mar 2019 21:40:11 +0000",    // one-digit day
                "Tue, 05 Mar 2019 21:40 +0000",      // no seconds
                "Tue, 05 Mar 2019 21:40:11 GMT",
                "Tue, 05 Mar 2019 21:40:11 -0000",
                "Tue, 05 Mar 2019 2l:40:11 +0000",
                "2019-03-05T21:40:11+00:00",
                "2019-03-05T21:40:11Z",
                "  Tue, 05 Mar 2019 21:40:11 +0000  ",
                "yesterday",
        };
        for (String v : values) {
            assertThat(parse(v)).as(v).isEqualTo(formatterOnly(v));
        }
        assertThat(BcDates.parse(" ")).isNull();
        assertThat(BcDates.parse(null)).isNull();
    }
}
