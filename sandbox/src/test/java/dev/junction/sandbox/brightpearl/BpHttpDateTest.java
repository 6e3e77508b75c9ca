package dev.junction.sandbox.brightpearl;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written date shape against the formatter it replaced, over random instants and offsets. */
class BpHttpDateTest {
    private static final DateTimeFormatter REFERENCE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx");

    @Test
    void writesWhatTheFormatterWrites() {
        Random r = new Random(7);
        ZoneOffset[] zones = {ZoneOffset.UTC, ZoneOffset.ofHours(1), ZoneOffset.ofHoursMinutes(-3, -30),
                ZoneOffset.ofHoursMinutes(5, 45), ZoneOffset.ofHoursMinutesSeconds(-1, -2, -3), ZoneOffset.MAX, ZoneOffset.MIN};
        for (int i = 0; i < 200_000; i++) {
            // years 0001-9999 and a few either side, millisecond and nanosecond precision
            Instant t = Instant.ofEpochSecond(r.nextLong(-62_135_596_800L, 253_402_300_799L), r.nextInt(1_000_000_000));
            ZoneOffset zone = zones[i % zones.length];
            assertThat(BpHttp.date(t, zone)).as("%s at %s", t, zone).isEqualTo(REFERENCE.format(t.atOffset(zone)));
        }
        Instant farFuture = Instant.parse("+12000-01-01T00:00:00Z");
        assertThat(BpHttp.date(farFuture, ZoneOffset.UTC)).isEqualTo(REFERENCE.format(farFuture.atOffset(ZoneOffset.UTC)));
        assertThat(BpHttp.date(Instant.parse("2026-07-01T10:15:30.123Z"), ZoneOffset.ofHours(1)))
                .isEqualTo("2026-07-01T11:15:30.123+01:00");
        assertThat(BpHttp.date(null, ZoneOffset.UTC)).isNull();
    }
}
