package dev.junction.api.source;

import io.vertx.core.json.JsonObject;

import java.time.Instant;

/**
 * A request for one page of records.
 *
 * @param since     return records modified at or after this instant (inclusive: ties are the hub's job)
 * @param until     for a reconcile window, records modified before this instant; null for "up to now"
 * @param pageToken continuation from the previous page of the same poll, null for the first
 * @param pageSize  the most records wanted in one page
 * @param options   the flow's options for this source (e.g. statuses to import, go-live date, warehouses)
 */
public record PollRequest(Instant since, Instant until, String pageToken, int pageSize, JsonObject options) {
    public PollRequest {
        options = options == null ? new JsonObject() : options;
    }
}
