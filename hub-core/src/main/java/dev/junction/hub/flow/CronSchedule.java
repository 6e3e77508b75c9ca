package dev.junction.hub.flow;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;

/**
 * A five-field cron expression (minute hour day-of-month month day-of-week), e.g. {@code 0 3 * * *} for
 * 03:00 daily. Fields take {@code *}, numbers, lists {@code 1,15}, ranges {@code 1-5} and steps
 * {@code *}{@code /15}. Day-of-week 0 and 7 are Sunday. When both day fields are restricted, either
 * matching is enough (classic cron).
 */
public final class CronSchedule {
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet days;
    private final BitSet months;
    private final BitSet weekdays;
    private final boolean daysRestricted;
    private final boolean weekdaysRestricted;
    private final String text;

    private CronSchedule(String text, BitSet minutes, BitSet hours, BitSet days, BitSet months, BitSet weekdays,
                         boolean daysRestricted, boolean weekdaysRestricted) {
        this.text = text;
        this.minutes = minutes;
        this.hours = hours;
        this.days = days;
        this.months = months;
        this.weekdays = weekdays;
        this.daysRestricted = daysRestricted;
        this.weekdaysRestricted = weekdaysRestricted;
    }

    public static CronSchedule parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("a cron expression is required, e.g. '0 3 * * *' for 03:00 daily");
        }
        String[] f = text.trim().split("\\s+");
        if (f.length != 5) {
            throw new IllegalArgumentException("'" + text + "' must have 5 fields (minute hour day month weekday), e.g. '0 3 * * *'");
        }
        BitSet weekdays = field(f[4], 0, 7, "weekday");
        if (weekdays.get(7)) {
            weekdays.set(0);
        }
        return new CronSchedule(text, field(f[0], 0, 59, "minute"), field(f[1], 0, 23, "hour"), field(f[2], 1, 31, "day"),
                field(f[3], 1, 12, "month"), weekdays, !f[2].equals("*"), !f[4].equals("*"));
    }

    /** The first matching minute strictly after {@code after}. */
    public ZonedDateTime next(ZonedDateTime after) {
        ZonedDateTime t = after.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        ZonedDateTime limit = t.plusYears(5);
        while (t.isBefore(limit)) {
            if (!months.get(t.getMonthValue())) {
                t = t.plusMonths(1).withDayOfMonth(1).withHour(0).withMinute(0);
                continue;
            }
            if (!dayMatches(t)) {
                t = t.plusDays(1).withHour(0).withMinute(0);
                continue;
            }
            if (!hours.get(t.getHour())) {
                t = t.plusHours(1).withMinute(0);
                continue;
            }
            if (!minutes.get(t.getMinute())) {
                t = t.plusMinutes(1);
                continue;
            }
            return t;
        }
        throw new IllegalStateException("cron '" + text + "' never matches");
    }

    public ZonedDateTime next(java.time.Instant after, ZoneId zone) {
        return next(after.atZone(zone));
    }

    private boolean dayMatches(ZonedDateTime t) {
        boolean dom = days.get(t.getDayOfMonth());
        boolean dow = weekdays.get(t.getDayOfWeek().getValue() % 7);
        if (daysRestricted && weekdaysRestricted) {
            return dom || dow;
        }
        return dom && dow;
    }

    private static BitSet field(String spec, int min, int max, String name) {
        BitSet bits = new BitSet();
        for (String part : spec.split(",")) {
            int step = 1;
            String range = part;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                step = number(part.substring(slash + 1), 1, max, name);
                range = part.substring(0, slash);
            }
            int lo;
            int hi;
            if (range.equals("*")) {
                lo = min;
                hi = max;
            } else if (range.contains("-")) {
                String[] r = range.split("-", 2);
                lo = number(r[0], min, max, name);
                hi = number(r[1], min, max, name);
                if (hi < lo) {
                    throw new IllegalArgumentException(name + " range '" + range + "' runs backwards");
                }
            } else {
                lo = number(range, min, max, name);
                hi = slash >= 0 ? max : lo;
            }
            for (int v = lo; v <= hi; v += step) {
                bits.set(v);
            }
        }
        return bits;
    }

    private static int number(String s, int min, int max, String name) {
        try {
            int v = Integer.parseInt(s);
            if (v < min || v > max) {
                throw new IllegalArgumentException(name + " " + v + " is outside " + min + "-" + max);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " '" + s + "' is not a number");
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
