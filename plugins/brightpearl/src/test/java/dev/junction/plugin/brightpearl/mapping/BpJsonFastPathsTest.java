package dev.junction.plugin.brightpearl.mapping;

import dev.junction.sandbox.brightpearl.BpHttp;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link BpJson#instant}'s hand-written fast path against the JDK parse it stands in for: the same instant for every
 * value it takes, and every other value left to the former parsers with the former answer. Likewise
 * {@link BpJson#longId}'s shortcut for numbers.
 */
public class BpJsonFastPathsTest {

    /** {@link BpJson#instant} as it was before the fast path: the reference every answer is compared with. */
    public static Instant legacy(Object v) {
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

    /** {@link BpJson#longId} as it was before the shortcut for numbers. */
    public static Long legacyLongId(Object v) {
        String s = BpJson.id(v);
        try {
            return s == null ? null : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Test
    void longIdsReadAsBefore() {
        List<Object> values = List.of(0, 1, -1, 42, Integer.MAX_VALUE, Integer.MIN_VALUE, 0L, 7L, -7L, Long.MAX_VALUE,
                Long.MIN_VALUE, "0", "12", " 12 ", "-3", "x", "", " ", "9223372036854775808", 1.0, 0.0, 3.5,
                new java.math.BigDecimal("5"), java.math.BigInteger.TEN, (short) 4, true);
        for (Object v : values) {
            assertThat(BpJson.longId(v)).as("longId(%s of %s)", v, v.getClass().getSimpleName()).isEqualTo(legacyLongId(v));
        }
        assertThat(BpJson.longId(null)).isNull();
        assertThat(BpJson.longId(0)).isNull();
        assertThat(BpJson.longId(988116)).isEqualTo(988116L);
    }

    private static Instant jdk(String s) {
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The fast path agrees with OffsetDateTime.parse, and instant() with the former code. */
    private static void same(String s) {
        Instant fast = BpJson.offsetDateTime(s);
        if (fast != null) {
            assertThat(fast).as("fast path of '%s'", s).isEqualTo(jdk(s));
        }
        assertThat(BpJson.instant(s)).as("instant('%s')", s).isEqualTo(legacy(s));
    }

    private static void fast(String s) {
        assertThat(BpJson.offsetDateTime(s)).as("fast path takes '%s'", s).isNotNull().isEqualTo(jdk(s));
        same(s);
    }

    private static void notFast(String s) {
        assertThat(BpJson.offsetDateTime(s)).as("fast path leaves '%s'", s).isNull();
        same(s);
    }

    @Test
    void brightpearlShapesTakeTheFastPath() {
        fast("2020-03-31T15:02:44.000-06:00");
        fast("2026-12-03T16:32:23.574Z");
        fast("2026-12-03T16:32:23Z");
        fast("2026-12-03T16:32:23+00:00");
        fast("2026-12-03T16:32:23-00:00");
        fast("2026-12-03T16:32:23.5+05:30");
        fast("2026-12-03T16:32:23.123456789-09:45");
        fast("2024-02-29T23:59:59.999999999+14:00");
        fast("2000-02-29T00:00:00.000Z");
        fast("1970-01-01T00:00:00Z");
        fast("1969-12-31T23:59:59.999-00:01");
        fast("0000-01-01T00:00:00Z");
        fast("0001-03-01T00:00:00+01:00");
        fast("9999-12-31T23:59:59.999999999-18:00");
        fast("2020-01-01T00:00:00+18:00");
        fast("2020-12-31T12:00:00-12:59");
        for (int digits = 1; digits <= 9; digits++) {
            fast("2021-06-15T08:09:10." + "123456789".substring(0, digits) + "+02:00");
            fast("2021-06-15T08:09:10." + "000000007".substring(9 - digits) + "Z");
        }
        // surrounding blanks are trimmed first, as before
        fast("2020-03-31T15:02:44.000-06:00".trim());
        assertThat(BpJson.instant("  2020-03-31T15:02:44.000-06:00\n")).isEqualTo(Instant.parse("2020-03-31T21:02:44Z"));
        assertThat(BpJson.instant("2020-03-31T15:02:44.000-06:00")).isEqualTo(Instant.parse("2020-03-31T21:02:44Z"));
    }

    @Test
    void everythingElseGetsTheFormerAnswer() {
        List<String> others = List.of(
                // out of range: the fallbacks decide (hour 24 and second 60 are next-day / leap second to Instant.parse)
                "2020-13-01T00:00:00Z", "2020-00-01T00:00:00Z", "2020-01-00T00:00:00Z", "2020-01-32T00:00:00Z",
                "2021-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2020-04-31T00:00:00.000-06:00",
                "2020-06-30T24:00:00Z", "2020-06-30T24:00:00.000-06:00", "2020-06-30T24:00:01Z", "2020-06-30T25:00:00Z",
                "2020-06-30T23:60:00Z", "2020-06-30T23:59:60Z", "2020-06-30T23:59:60.000+01:00",
                // offsets
                "2020-06-30T10:00:00+18:01", "2020-06-30T10:00:00-18:30", "2020-06-30T10:00:00+19:00",
                "2020-06-30T10:00:00+05:60", "2020-06-30T10:00:00+0530", "2020-06-30T10:00:00+05",
                "2020-06-30T10:00:00+05:30:15", "2020-06-30T10:00:00+5:30", "2020-06-30T10:00:00z",
                "2020-06-30T10:00:00 Z", "2020-06-30T10:00:00GMT", "2020-06-30T10:00:00+05:30[Europe/Paris]",
                // other shapes
                "2020-06-30t10:00:00Z", "2020-06-30 10:00:00Z", "2020-06-30T10:00Z", "2020-06-30T10:00:00",
                "2020-06-30T10:00:00.Z", "2020-06-30T10:00:00.1234567890Z", "2020-06-30T10:00:00,5Z",
                "2020-06-30T10:00:00.000", "+2020-06-30T10:00:00Z", "-2020-06-30T10:00:00Z", "12020-06-30T10:00:00Z",
                "2020-6-30T10:00:00Z", "2020-06-3T10:00:00Z", "2020-06-30T1:00:00Z", "20200630T100000Z",
                "2020-06-30", "2020-06-30Z", "2020-06-30T", "2020-06-30Tgarbage", "2020-02-30", "2020", "",
                " ", "garbage", "not a date at all, longer than twenty", "2020-06-30T10:00:00Zjunk",
                "2020-06-30T10:00:00+05:30junk", "2O20-06-30T10:00:00Z", "2020-06-30T10:00:00.00x0Z",
                "٢٠٢٠-06-30T10:00:00Z", "2020-06-30T10:00:00+٠٥:00");
        for (String s : others) {
            notFast(s);
        }
        assertThat(BpJson.instant(null)).isNull();
        assertThat(BpJson.instant("garbage")).isNull();
        assertThat(BpJson.instant("2020-06-30")).isEqualTo(Instant.parse("2020-06-30T00:00:00Z"));
        assertThat(BpJson.instant(20200630)).isEqualTo(legacy(20200630));
    }

    @Test
    void whatTheSimulatorSendsTakesTheFastPath() {
        Random random = new Random(42);
        List<ZoneOffset> zones = List.of(ZoneOffset.UTC, ZoneOffset.ofHours(-6), ZoneOffset.ofHoursMinutes(5, 30),
                ZoneOffset.ofHoursMinutes(-9, -30), ZoneOffset.ofHours(14), ZoneOffset.ofHours(-12));
        for (int i = 0; i < 20_000; i++) {
            Instant t = Instant.ofEpochMilli(random.nextLong(-2_000_000_000_000L, 4_000_000_000_000L));
            String s = BpHttp.date(t, zones.get(i % zones.size()));
            assertThat(BpJson.offsetDateTime(s)).as(s).isEqualTo(t);
            assertThat(BpJson.instant(s)).as(s).isEqualTo(t);
        }
    }

    /**
     * Many generated values, near and past every field's range: wherever OffsetDateTime.parse takes a value of the
     * fast path's shape, the fast path takes it with the same instant, and instant() always answers as before.
     */
    @Test
    void generatedValuesAgreeWithTheJdk() {
        Random random = new Random(7);
        int fastTaken = 0;
        for (int i = 0; i < 100_000; i++) {
            StringBuilder b = new StringBuilder();
            boolean shape = true;
            b.append(pad(pick(random, 0, 1, 1583, 1899, 1900, 1970, 2000, 2020, 2024, 2100, 2400, 9999,
                    random.nextInt(10_000)), 4)).append('-');
            b.append(pad(random.nextInt(14), 2)).append('-');
            b.append(pad(random.nextInt(33), 2));
            b.append(random.nextInt(50) == 0 ? 't' : 'T');
            b.append(pad(random.nextInt(26), 2)).append(':');
            b.append(pad(random.nextInt(61), 2)).append(':');
            b.append(pad(random.nextInt(62), 2));
            int fraction = random.nextInt(12) - 1;
            if (fraction >= 0) {
                b.append('.');
                for (int d = 0; d < fraction; d++) {
                    b.append((char) ('0' + random.nextInt(10)));
                }
                shape &= fraction >= 1 && fraction <= 9;
            }
            switch (random.nextInt(8)) {
                case 0 -> b.append('Z');
                case 1 -> {
                    b.append('z');
                    shape = false;
                }
                case 2 -> {
                    b.append(random.nextBoolean() ? '+' : '-').append(pad(random.nextInt(20), 2))
                            .append(pad(random.nextInt(61), 2));
                    shape = false;
                }
                case 3 -> {
                    b.append(random.nextBoolean() ? '+' : '-').append(pad(random.nextInt(20), 2)).append(':')
                            .append(pad(random.nextInt(61), 2)).append(":00");
                    shape = false;
                }
                case 4 -> shape = false;
                default -> b.append(random.nextBoolean() ? '+' : '-').append(pad(random.nextInt(20), 2)).append(':')
                        .append(pad(random.nextInt(61), 2));
            }
            String s = b.toString();
            if (b.charAt(10) != 'T') {
                shape = false;
            }
            Instant fast = BpJson.offsetDateTime(s);
            Instant jdk = jdk(s);
            if (fast != null) {
                fastTaken++;
                assertThat(shape).as("fast path took '%s' of another shape", s).isTrue();
                assertThat(fast).as(s).isEqualTo(jdk);
            } else if (shape) {
                assertThat(jdk).as("fast path left '%s', which OffsetDateTime.parse takes", s).isNull();
            }
            assertThat(BpJson.instant(s)).as(s).isEqualTo(legacy(s));
        }
        assertThat(fastTaken).as("values the fast path took").isGreaterThan(3_000);
    }

    private static int pick(Random random, int... values) {
        return values[random.nextInt(values.length)];
    }

    private static String pad(int v, int width) {
        StringBuilder s = new StringBuilder(Integer.toString(v));
        while (s.length() < width) {
            s.insert(0, '0');
        }
        return s.toString();
    }

    @Test
    void leapYearsFollowTheGregorianRule() {
        List<String> days = new ArrayList<>();
        for (int year : new int[] {0, 4, 100, 400, 1600, 1700, 1900, 1996, 2000, 2023, 2024, 2100, 2400, 9996}) {
            for (int month = 1; month <= 12; month++) {
                for (int day = 27; day <= 32; day++) {
                    days.add(pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + "T12:34:56.789+01:00");
                }
            }
        }
        for (String s : days) {
            same(s);
            assertThat(BpJson.offsetDateTime(s) != null).as(s).isEqualTo(jdk(s) != null);
        }
    }
}
