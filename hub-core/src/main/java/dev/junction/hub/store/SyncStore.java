package dev.junction.hub.store;

import dev.junction.api.service.IdLink;
import io.vertx.core.Future;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the hub persists, behind one small interface so a server database can replace the embedded
 * HSQLDB. All methods are asynchronous and run their JDBC work off the event loop. Writes that belong
 * together commit in one transaction, as documented per method.
 */
public interface SyncStore {

    // ---- ingest and cursors ----

    /**
     * Inserts the records that are new and, in the same transaction, moves the flow's cursor (if given).
     * A record whose {@code (flowId, sourceId, contentKey)} exists is a duplicate and is not inserted. Ingests
     * arriving together may share the transaction; the future completes only once it has committed.
     *
     * @return the ids of the inserted records, in input order (duplicates omitted)
     */
    default Future<List<Long>> ingest(List<NewRecord> records, String cursorFlowId, Cursor cursor) {
        return ingest(records, cursorFlowId, cursor, 0, null, null).map(Ingested::ids);
    }

    /**
     * As {@link #ingest(List, String, Cursor)}, and in the same transaction claims up to {@code claimLimit} of
     * the new records under a lease until {@code now + lease}: each is stored IN_PROGRESS at once instead of
     * PENDING, if no other record of its entity is PENDING or IN_PROGRESS (so records of one entity stay in
     * order). This saves a quiet flow the separate claim, with its transaction and hand-off, per record.
     */
    Future<Ingested> ingest(List<NewRecord> records, String cursorFlowId, Cursor cursor, int claimLimit, Instant now,
                            Duration lease);

    Future<Optional<Cursor>> cursor(String flowId);

    // ---- work queue ----

    /**
     * Claims up to {@code limit} PENDING records of a flow that are due ({@code nextAttemptAt <= now}),
     * setting them IN_PROGRESS under a lease until {@code now + lease}. Per entity key only the oldest
     * pending record is eligible, and none while another record of the same entity is IN_PROGRESS, so
     * records of one entity are processed in order.
     */
    default Future<List<SyncRecord>> claim(String flowId, int limit, Instant now, Duration lease) {
        return claimNext(flowId, limit, now, lease).map(Claimed::records);
    }

    /** As {@link #claim}, also saying whether the flow's queue was then empty (see {@link Claimed#queueEmpty()}). */
    Future<Claimed> claimNext(String flowId, int limit, Instant now, Duration lease);

    /**
     * Commits the end of an attempt: record state, attempt row and links, in one transaction (which may also
     * hold other completions: the future completes once it has committed). A completion that cannot be written
     * fails alone; the others are still committed.
     */
    Future<Void> complete(Completion completion);

    /**
     * Returns IN_PROGRESS records whose lease ended before {@code now} to PENDING (due at once).
     * On start the hub calls it with a far-future instant so every lease of the dead process is released.
     *
     * @return how many were released
     */
    Future<Integer> releaseExpiredLeases(Instant now);

    /** The soonest {@code nextAttemptAt} of a flow's PENDING records, for scheduling the next claim. */
    Future<Optional<Instant>> nextDue(String flowId);

    /**
     * Makes a record PENDING and due now (admin "retry"); any status but IN_PROGRESS.
     *
     * @return false if no such record, or it is in progress
     */
    Future<Boolean> retry(long recordId, Instant now);

    // ---- reading records ----

    Future<Optional<SyncRecord>> record(long id);

    Future<List<SyncRecord>> records(RecordQuery query);

    Future<Long> count(RecordQuery query);

    Future<List<Attempt>> attempts(long recordId);

    /** Count of records per status for one flow. */
    Future<Map<SyncStatus, Long>> statusCounts(String flowId);

    /** The records with this source id in a flow, newest first (manual import, sync-log look-ups). */
    Future<List<SyncRecord>> recordsBySource(String flowId, String sourceId);

    /** How many records of a flow have this source id (any state); cheap: reads the unique key's index only. */
    Future<Long> countBySource(String flowId, String sourceId);

    // ---- links ----

    Future<Optional<String>> findLink(String entity, String fromConnection, String id, String toConnection);

    Future<Void> putLink(IdLink link);

    // ---- mapping tables ----

    Future<Optional<MappingTable>> mappingTable(String name);

    Future<List<MappingTable>> mappingTables();

    Future<Void> putMappingTable(MappingTable table);

    // ---- connections and their state (secrets encrypted at rest) ----

    Future<List<StoredConnection>> connections();

    Future<Optional<StoredConnection>> connection(String id);

    Future<Void> putConnection(StoredConnection connection);

    Future<Boolean> deleteConnection(String id);

    Future<Optional<String>> connectionState(String connectionId, String key);

    Future<Void> putConnectionState(String connectionId, String key, String value);

    Future<Void> removeConnectionState(String connectionId, String key);

    // ---- flow control ----

    Future<Boolean> isPaused(String flowId);

    Future<Void> setPaused(String flowId, boolean paused);

    Future<Void> close();
}
