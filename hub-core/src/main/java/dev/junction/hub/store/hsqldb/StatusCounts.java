package dev.junction.hub.store.hsqldb;

import dev.junction.hub.store.SyncStatus;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * How many records each flow has in each status, kept in memory. Counting with SQL walks every record of the
 * flow (HSQLDB keeps no counts in its indexes): a flow's status polled every 250 ms by a monitor was 15% of the
 * hub's CPU in a 20,000-order capacity run, and the cost grows with the table.
 *
 * <p>A flow is counted with SQL once, on first request, {@linkplain Jdbc#exclusively while no transaction
 * runs}; from then on every committed status change moves its counts ({@link #moved}, applied after commit).
 * Changes of unknown flows or of many rows at once ({@link #recountAll}) drop the counts, to be counted anew.
 * Exact as long as every status change goes through this store, which one hub process owns.
 */
final class StatusCounts {
    private static final SyncStatus[] STATUSES = SyncStatus.values();

    private final Jdbc jdbc;
    private final Map<String, AtomicLongArray> byFlow = new ConcurrentHashMap<>();

    StatusCounts(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** In a transaction: one record of {@code flowId} goes from {@code from} (null: a new record) to {@code to}. */
    void moved(String flowId, SyncStatus from, SyncStatus to) {
        if (from == to) {
            return;
        }
        jdbc.afterCommit(() -> {
            AtomicLongArray counts = byFlow.get(flowId);
            if (counts != null) {
                if (from != null) {
                    counts.decrementAndGet(from.ordinal());
                }
                counts.incrementAndGet(to.ordinal());
            }
        });
    }

    /** In a transaction that changes records without knowing which: every flow is counted anew on request. */
    void recountAll() {
        jdbc.afterCommit(byFlow::clear);
    }

    /** The flow's counts if they are known already (no blocking), else null. */
    Map<SyncStatus, Long> ifCounted(String flowId) {
        AtomicLongArray counts = byFlow.get(flowId);
        return counts == null ? null : asMap(counts);
    }

    /** The flow's counts; blocking (a worker thread): the first request for a flow counts it with SQL. */
    Map<SyncStatus, Long> of(String flowId) throws SQLException, InterruptedException {
        AtomicLongArray counts = byFlow.get(flowId);
        if (counts == null) {
            counts = jdbc.exclusively(c -> {
                AtomicLongArray current = byFlow.get(flowId); // counted meanwhile by another request
                if (current == null) {
                    current = count(c, flowId);
                    byFlow.put(flowId, current);
                }
                return current;
            });
        }
        return asMap(counts);
    }

    private static Map<SyncStatus, Long> asMap(AtomicLongArray counts) {
        Map<SyncStatus, Long> out = new EnumMap<>(SyncStatus.class);
        for (SyncStatus s : STATUSES) {
            out.put(s, counts.get(s.ordinal()));
        }
        return out;
    }

    private static AtomicLongArray count(Connection c, String flowId) throws SQLException {
        AtomicLongArray counts = new AtomicLongArray(STATUSES.length);
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT status, COUNT(*) FROM sync_record WHERE flow_id = ? GROUP BY status")) {
            ps.setString(1, flowId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.set(SyncStatus.valueOf(rs.getString(1)).ordinal(), rs.getLong(2));
                }
            }
        }
        return counts;
    }
}
