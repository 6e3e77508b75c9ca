package dev.junction.api.source;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.Optional;

/**
 * Reads one stream of a connection. The hub owns cursors, overlap and dedupe: a source only answers
 * "what changed in this window" and "give me this one record", and never needs local state.
 */
public interface SourceHandler {

    /** One page of records modified in {@code [since, until)}, oldest first where the remote allows. */
    Future<SourcePage> poll(PollRequest request);

    /**
     * The current state of one record (manual import, and hydrating thin webhook events). An absent
     * result means the remote has no such record; {@code options} are the flow's source options.
     */
    Future<Optional<SourceRecord>> fetch(String id, JsonObject options);
}
