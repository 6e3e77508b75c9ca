package dev.junction.plugin.brightpearl.support;

import dev.junction.api.error.PermanentException;
import dev.junction.api.source.PollRequest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Poll windows as Brightpearl PERIOD filters ({@code from/to}, open-ended {@code from/}) and page tokens. */
public final class Windows {
    private Windows() {
    }

    /** Brightpearl's PERIOD filter includes both ends; the exclusive {@code until} is enforced by {@link #before}. */
    public static String period(Instant from, Instant until) {
        return from + "/" + (until == null ? "" : until.toString());
    }

    public static boolean before(Instant t, Instant until) {
        return until == null || (t != null && t.isBefore(until));
    }

    public static int firstResult(PollRequest req) {
        if (req.pageToken() == null) {
            return 1;
        }
        try {
            return Math.max(1, Integer.parseInt(req.pageToken()));
        } catch (NumberFormatException e) {
            throw new PermanentException("page token '" + req.pageToken() + "' is not a Brightpearl result offset");
        }
    }

    public static int pageSize(PollRequest req) {
        return Math.max(1, Math.min(500, req.pageSize() <= 0 ? 200 : req.pageSize()));
    }

    /** An ISO date-time option such as {@code goLive}; null when absent. */
    public static Instant instantOption(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new PermanentException("option '" + name + "' must be an ISO date-time such as 2026-07-01T00:00:00Z, got '"
                    + value + "'");
        }
    }
}
