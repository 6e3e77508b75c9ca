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
 * @param listOnly  true when the hub will keep only each record's id and version from this page and fetch a
 *                  new record in full with {@link SourceHandler#fetch} when it processes it (flows that sync
 *                  each record once). A source may then skip per-record sub-resources: most listed records
 *                  are already stored and would be dropped by the dedupe after costing those calls. The
 *                  record's id, entity key, modification time and version must still be right.
 */
public record PollRequest(Instant since, Instant until, String pageToken, int pageSize, JsonObject options,
                          boolean listOnly) {
    public PollRequest {
        options = options == null ? new JsonObject() : options;
    }

    /** A poll whose records are stored as read ({@code listOnly} false). */
    public PollRequest(Instant since, Instant until, String pageToken, int pageSize, JsonObject options) {
        this(since, until, pageToken, pageSize, options, false);
    }
}
