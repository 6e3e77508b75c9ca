package dev.junction.hub.flow;

import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CronScheduleTest {
    private static ZonedDateTime at(String iso) {
        return ZonedDateTime.parse(iso).withZoneSameInstant(ZoneOffset.UTC);
    }

    @Test
    void nightlyAtThreeFiresAtTheNextThreeOClock() {
        CronSchedule c = CronSchedule.parse("0 3 * * *");
        assertThat(c.next(at("2026-11-22T01:10:00Z"))).isEqualTo(at("2026-11-22T03:00:00Z"));
        assertThat(c.next(at("2026-11-22T03:00:00Z"))).as("strictly after").isEqualTo(at("2026-11-23T03:00:00Z"));
    }

    @Test
    void stepsListsRangesAndWeekdays() {
        assertThat(CronSchedule.parse("*/15 * * * *").next(at("2026-11-22T10:07:30Z"))).isEqualTo(at("2026-11-22T10:15:00Z"));
        assertThat(CronSchedule.parse("0 9,17 * * *").next(at("2026-11-22T09:00:00Z"))).isEqualTo(at("2026-11-22T17:00:00Z"));
        // 2026-11-22 is a Sunday; next weekday 08:30 is Monday the 23rd
        assertThat(CronSchedule.parse("30 8 * * 1-5").next(at("2026-11-22T09:00:00Z"))).isEqualTo(at("2026-11-23T08:30:00Z"));
        assertThat(CronSchedule.parse("0 0 1 * *").next(at("2026-11-22T09:00:00Z"))).isEqualTo(at("2026-12-01T00:00:00Z"));
        assertThat(CronSchedule.parse("0 12 * * 7").next(at("2026-11-22T13:00:00Z"))).as("7 is Sunday").isEqualTo(at("2026-11-29T12:00:00Z"));
    }

    @Test
    void badExpressionsSayWhatIsWrong() {
        assertThatThrownBy(() -> CronSchedule.parse("0 3 * *")).hasMessageContaining("5 fields");
        assertThatThrownBy(() -> CronSchedule.parse("0 25 * * *")).hasMessageContaining("hour 25 is outside 0-23");
        assertThatThrownBy(() -> CronSchedule.parse("x 3 * * *")).hasMessageContaining("minute 'x' is not a number");
    }
}
