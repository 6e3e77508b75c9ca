package dev.junction.plugin.bigcommerce.orders;

import dev.junction.plugin.bigcommerce.client.BcDates;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Continuation of one poll over orders sorted by {@code date_modified} ascending. Rather than page numbers
 * alone (which skip an order whenever one earlier in the list is modified mid-poll and moves to the end),
 * each page starts at the last modification time seen, skipping the ids already returned at that second;
 * page numbers are used only to step through more orders than one page holds at a single second.
 *
 * @param from  the {@code min_date_modified} of the next request (null: from the beginning)
 * @param page  the v2 page at {@code from}
 * @param seen  ids already returned whose modification time is {@code from}
 */
public record PollCursor(Instant from, int page, Set<String> seen) {

    public PollCursor {
        seen = Set.copyOf(seen);
    }

    public static PollCursor start(Instant since) {
        return new PollCursor(since == null ? null : since.truncatedTo(java.time.temporal.ChronoUnit.SECONDS), 1, Set.of());
    }

    /** The result of reading one raw page: the orders to hand on and where to continue, if anywhere. */
    public record Step(List<JsonObject> orders, Optional<PollCursor> next) {
    }

    /**
     * @param raw        the page BigCommerce answered for this cursor
     * @param limit      the {@code limit} it was asked with (a shorter page is the last)
     * @param maxRecords the most orders to take from it
     * @param until      exclusive end of the window, or null
     */
    public Step step(List<JsonObject> raw, int limit, int maxRecords, Instant until) {
        List<JsonObject> taken = new ArrayList<>();
        boolean stoppedEarly = false;
        boolean reachedUntil = false;
        for (JsonObject order : raw) {
            Instant modified = modified(order);
            String id = String.valueOf(order.getValue("id"));
            if (modified.equals(from) && seen.contains(id)) {
                continue;
            }
            if (until != null && !modified.isBefore(until)) {
                reachedUntil = true;
                break;
            }
            if (taken.size() == maxRecords) {
                stoppedEarly = true;
                break;
            }
            taken.add(order);
        }
        if (reachedUntil || (!stoppedEarly && raw.size() < limit)) {
            return new Step(taken, Optional.empty());
        }
        if (taken.isEmpty()) {
            // A full page of orders already returned, all at one second: step to the next page there.
            return new Step(taken, Optional.of(new PollCursor(from, page + 1, seen)));
        }
        Instant last = modified(taken.get(taken.size() - 1));
        Set<String> seenNext = new LinkedHashSet<>();
        if (last.equals(from)) {
            seenNext.addAll(seen);
        }
        for (JsonObject o : taken) {
            if (modified(o).equals(last)) {
                seenNext.add(String.valueOf(o.getValue("id")));
            }
        }
        int nextPage = last.equals(from) ? page : 1;
        return new Step(taken, Optional.of(new PollCursor(last, nextPage, seenNext)));
    }

    public static Instant modified(JsonObject order) {
        Instant m = BcDates.parse(order.getString("date_modified"));
        return m != null ? m : BcDates.parse(order.getString("date_created"));
    }

    public String encode() {
        return (from == null ? "" : Long.toString(from.getEpochSecond())) + "|" + page + "|" + String.join(",", seen);
    }

    public static PollCursor decode(String token) {
        String[] parts = token.split("\\|", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a BigCommerce poll token: " + token);
        }
        Instant from = parts[0].isEmpty() ? null : Instant.ofEpochSecond(Long.parseLong(parts[0]));
        Set<String> seen = new LinkedHashSet<>();
        for (String id : parts[2].split(",")) {
            if (!id.isEmpty()) {
                seen.add(id);
            }
        }
        return new PollCursor(from, Integer.parseInt(parts[1]), seen);
    }

    /** The {@code min_date_modified} filter value, if any. */
    public Optional<String> minFilter() {
        return Optional.ofNullable(from).map(BcDates::filter);
    }
}
