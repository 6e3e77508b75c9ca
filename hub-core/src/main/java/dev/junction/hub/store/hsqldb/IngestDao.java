package dev.junction.hub.store.hsqldb;

import dev.junction.hub.store.Cursor;
import dev.junction.hub.store.NewRecord;
import dev.junction.hub.store.SyncStatus;
import io.vertx.core.json.JsonArray;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** Ingest (insert-if-absent) and the flow cursors that move with it. */
final class IngestDao {

    /*
     * Insert-if-absent in one statement, so the common duplicate (a repeated webhook) costs no exception.
     * The NOT EXISTS is only an optimisation: what guarantees one row is the unique constraint
     * sync_record_content_uq. A concurrent ingest of the same record waits on the other's uncommitted row
     * and then fails with a unique violation, which ingest() counts as a duplicate.
     */
    private static final String INSERT = """
            INSERT INTO sync_record (flow_id, source_connection, source_stream, source_id, entity_key, content_key,
                                     search_text, status, attempts, created_at, updated_at, next_attempt_at,
                                     source_modified_at, lease_until, claims)
            SELECT ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ? FROM (VALUES (0))
            WHERE NOT EXISTS (SELECT 1 FROM sync_record WHERE flow_id = ? AND source_id = ? AND content_key = ?)
            """;

    /* A new record may start IN_PROGRESS only if no other record of its entity waits or runs (the claim's rule). */
    private static final String ENTITY_BUSY = """
            SELECT 1 FROM sync_record WHERE flow_id = ? AND entity_key = ? AND status IN ('PENDING', 'IN_PROGRESS')
            LIMIT 1
            """;

    private static final String INSERT_PAYLOAD = "INSERT INTO sync_payload (record_id, payload) VALUES (?, ?)";

    private static final String MERGE_CURSOR = """
            MERGE INTO flow_cursor c USING (VALUES (CAST(? AS VARCHAR(200)))) AS n (flow_id) ON c.flow_id = n.flow_id
            WHEN MATCHED THEN UPDATE SET ts = ?, ids = ?, updated_at = ?
            WHEN NOT MATCHED THEN INSERT (flow_id, ts, ids, updated_at) VALUES (n.flow_id, ?, ?, ?)
            """;

    private final StatusCounts counts;

    IngestDao(StatusCounts counts) {
        this.counts = counts;
    }

    /** The new records' ids, and those of them stored IN_PROGRESS (claimed by the ingest). */
    record Inserted(List<Long> ids, List<Long> claimed) {
    }

    /**
     * Inserts the new records and moves the cursor, in the caller's transaction. Up to {@code claimLimit} of them
     * are stored IN_PROGRESS under a lease until {@code leaseUntil} (claimed at once) when their entity has no
     * other record PENDING or IN_PROGRESS; the rest are PENDING. Ingests run one transaction at a time (a
     * {@link GroupCommit}), so no other ingest can add an uncommitted record of the same entity meanwhile, and a
     * concurrent claim only moves a record this check already counts.
     */
    Inserted ingest(Connection c, List<NewRecord> records, String cursorFlowId, Cursor cursor, Instant now,
                    int claimLimit, Instant leaseUntil) throws SQLException {
        List<Long> ids = new ArrayList<>();
        List<Long> claimed = new ArrayList<>();
        try (PreparedStatement insert = c.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS);
             PreparedStatement busy = c.prepareStatement(ENTITY_BUSY);
             PreparedStatement payload = c.prepareStatement(INSERT_PAYLOAD)) {
            for (NewRecord r : records) {
                boolean claim = claimed.size() < claimLimit && leaseUntil != null && !entityBusy(busy, r);
                Long id = insertIfAbsent(insert, r, now, claim ? leaseUntil : null);
                if (id != null) {
                    payload.setLong(1, id);
                    payload.setString(2, r.payload());
                    payload.executeUpdate();
                    ids.add(id);
                    if (claim) {
                        claimed.add(id);
                    }
                    counts.moved(r.flowId(), null, claim ? SyncStatus.IN_PROGRESS : SyncStatus.PENDING);
                }
            }
        }
        if (cursorFlowId != null && cursor != null) {
            putCursor(c, cursorFlowId, cursor, now);
        }
        return new Inserted(ids, claimed);
    }

    private static boolean entityBusy(PreparedStatement ps, NewRecord r) throws SQLException {
        ps.setString(1, r.flowId());
        ps.setString(2, entityKey(r));
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next();
        }
    }

    /** Records of one entity are processed in order; a record without an entity key is its own entity. */
    private static String entityKey(NewRecord r) {
        return r.entityKey() != null ? r.entityKey() : r.sourceId();
    }

    /**
     * @param leaseUntil non-null to store the record IN_PROGRESS (claimed) rather than PENDING
     * @return the new row's id, or null if the record was already there
     */
    private static Long insertIfAbsent(PreparedStatement ps, NewRecord r, Instant now, Instant leaseUntil)
            throws SQLException {
        int i = 1;
        ps.setString(i++, r.flowId());
        ps.setString(i++, r.sourceConnection());
        ps.setString(i++, r.sourceStream());
        ps.setString(i++, r.sourceId());
        ps.setString(i++, entityKey(r));
        ps.setString(i++, r.contentKey());
        ps.setString(i++, Sql.clip(r.searchText(), 2000));
        ps.setString(i++, (leaseUntil != null ? SyncStatus.IN_PROGRESS : SyncStatus.PENDING).name());
        Sql.setInstant(ps, i++, now);
        Sql.setInstant(ps, i++, now);
        Sql.setInstant(ps, i++, now);
        Sql.setInstant(ps, i++, r.sourceModifiedAt());
        Sql.setInstant(ps, i++, leaseUntil);
        ps.setInt(i++, leaseUntil != null ? 1 : 0);
        ps.setString(i++, r.flowId());
        ps.setString(i++, r.sourceId());
        ps.setString(i, r.contentKey());
        try {
            if (ps.executeUpdate() == 0) {
                return null;
            }
        } catch (SQLException e) {
            if (Jdbc.isUniqueViolation(e)) {
                return null; // a concurrent ingest committed the same record first
            }
            throw e;
        }
        try (ResultSet keys = ps.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }

    void putCursor(Connection c, String flowId, Cursor cursor, Instant now) throws SQLException {
        // Sorted so the stored form is stable (easier to read and diff in a support session).
        String ids = new JsonArray(new ArrayList<>(new TreeSet<>(cursor.idsAtTimestamp()))).encode();
        try (PreparedStatement ps = c.prepareStatement(MERGE_CURSOR)) {
            ps.setString(1, flowId);
            Sql.setInstant(ps, 2, cursor.timestamp());
            ps.setString(3, ids);
            Sql.setInstant(ps, 4, now);
            Sql.setInstant(ps, 5, cursor.timestamp());
            ps.setString(6, ids);
            Sql.setInstant(ps, 7, now);
            ps.executeUpdate();
        }
    }

    Optional<Cursor> cursor(Connection c, String flowId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT ts, ids FROM flow_cursor WHERE flow_id = ?")) {
            ps.setString(1, flowId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                JsonArray ids = Sql.array(rs.getString("ids"));
                List<String> list = new ArrayList<>();
                ids.forEach(id -> list.add(String.valueOf(id)));
                return Optional.of(new Cursor(Sql.getInstant(rs, "ts"), new java.util.HashSet<>(list)));
            }
        }
    }
}
