package dev.junction.hub.store.hsqldb;

import dev.junction.api.service.IdLink;
import dev.junction.hub.store.Attempt;
import dev.junction.hub.store.Completion;
import dev.junction.hub.store.SyncStatus;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The work queue: claims under a lease, completions, lease release, retry. */
final class QueueDao {

    /*
     * A flow's PENDING records that are their entity's oldest PENDING one, with no record of the entity
     * IN_PROGRESS, soonest first. The ORDER BY follows sync_record_queue_ix column for column, so HSQLDB
     * walks that index and stops after LIMIT eligible rows instead of sorting the whole queue; each
     * NOT EXISTS is a probe of sync_record_entity_ix.
     */
    private static final String ELIGIBLE = """
            SELECT r.id, r.next_attempt_at FROM sync_record r
            WHERE r.flow_id = ? AND r.status = 'PENDING' %s
              AND NOT EXISTS (SELECT 1 FROM sync_record busy
                              WHERE busy.flow_id = r.flow_id AND busy.entity_key = r.entity_key
                                AND busy.status = 'IN_PROGRESS')
              AND NOT EXISTS (SELECT 1 FROM sync_record older
                              WHERE older.flow_id = r.flow_id AND older.entity_key = r.entity_key
                                AND older.status = 'PENDING' AND older.id < r.id)
            ORDER BY r.flow_id, r.status, r.next_attempt_at, r.id
            LIMIT ?
            """;
    private static final String CANDIDATES = ELIGIBLE.formatted("AND r.next_attempt_at <= ?");
    private static final String NEXT_ELIGIBLE = ELIGIBLE.formatted("");

    /* The guard: only a row still PENDING is taken, so a record can never be claimed twice. */
    private static final String TAKE = """
            UPDATE sync_record SET status = 'IN_PROGRESS', lease_until = ?, updated_at = ?, claims = claims + 1
            WHERE id = ? AND status = 'PENDING'
            """;

    private static final String COMPLETE = """
            UPDATE sync_record
            SET status = ?, attempts = attempts + ?, last_error = ?, remote_id = COALESCE(?, remote_id),
                message = ?, facts = COALESCE(?, facts), synced_at = COALESCE(?, synced_at),
                next_attempt_at = COALESCE(?, next_attempt_at), lease_until = NULL, updated_at = ?
            WHERE id = ? AND status = 'IN_PROGRESS'
            """;

    private static final String[] FLOW_ID = {"FLOW_ID"};

    private static final String INSERT_ATTEMPT = """
            INSERT INTO sync_attempt (record_id, number, started_at, finished_at, outcome, error, mapping_version)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """;

    private final LinkDao links;
    private final StatusCounts counts;

    QueueDao(LinkDao links, StatusCounts counts) {
        this.links = links;
        this.counts = counts;
    }

    /** Claims up to {@code limit} records; returns their ids in claim order. Callers serialize per flow. */
    List<Long> claim(Connection c, String flowId, int limit, Instant now, Instant leaseUntil) throws SQLException {
        List<Long> candidates = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(CANDIDATES)) {
            ps.setString(1, flowId);
            Sql.setInstant(ps, 2, now);
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    candidates.add(rs.getLong(1));
                }
            }
        }
        List<Long> claimed = new ArrayList<>(candidates.size());
        try (PreparedStatement ps = c.prepareStatement(TAKE)) {
            for (Long id : candidates) {
                Sql.setInstant(ps, 1, leaseUntil);
                Sql.setInstant(ps, 2, now);
                ps.setLong(3, id);
                if (ps.executeUpdate() == 1) {
                    claimed.add(id);
                    counts.moved(flowId, SyncStatus.PENDING, SyncStatus.IN_PROGRESS);
                }
            }
        }
        return claimed;
    }

    /**
     * Writes the end of an attempt. Only an IN_PROGRESS record can be completed: a completion arriving after
     * its lease was released (the worker was presumed dead) must not overwrite whatever happened since.
     */
    void complete(Connection c, Completion done, Instant now) throws SQLException {
        if (done.status() == SyncStatus.IN_PROGRESS) {
            throw new IllegalArgumentException("a completion cannot leave a record IN_PROGRESS");
        }
        Attempt attempt = done.attempt();
        Instant finished = attempt != null && attempt.finishedAt() != null ? attempt.finishedAt() : now;
        // the updated row's flow (as a generated key) tells the status counts which flow moved
        try (PreparedStatement ps = c.prepareStatement(COMPLETE, FLOW_ID)) {
            int i = 1;
            ps.setString(i++, done.status().name());
            ps.setInt(i++, done.countsAsAttempt() ? 1 : 0);
            ps.setString(i++, Sql.clip(attempt == null ? null : attempt.error(), 8000));
            ps.setString(i++, done.remoteId());
            ps.setString(i++, Sql.clip(done.message(), 8000));
            // An attempt that learned nothing (a failure) keeps the facts of the one before.
            ps.setString(i++, done.facts().isEmpty() ? null : Sql.factsJson(done.facts()));
            Sql.setInstant(ps, i++, done.status() == SyncStatus.SYNCED ? finished : null);
            Sql.setInstant(ps, i++, done.status() == SyncStatus.PENDING
                    ? (done.nextAttemptAt() != null ? done.nextAttemptAt() : now) : null);
            Sql.setInstant(ps, i++, now);
            ps.setLong(i, done.recordId());
            if (ps.executeUpdate() != 1) {
                throw new IllegalStateException("record " + done.recordId()
                        + " is not in progress (unknown, or its lease expired and was released); completion not recorded");
            }
            try (ResultSet flow = ps.getGeneratedKeys()) {
                if (flow.next()) {
                    counts.moved(flow.getString(1), SyncStatus.IN_PROGRESS, done.status());
                } else {
                    counts.recountAll();
                }
            }
        }
        if (attempt != null) {
            try (PreparedStatement ps = c.prepareStatement(INSERT_ATTEMPT)) {
                ps.setLong(1, done.recordId());
                ps.setInt(2, attempt.number());
                Sql.setInstant(ps, 3, attempt.startedAt());
                Sql.setInstant(ps, 4, attempt.finishedAt());
                ps.setString(5, attempt.outcome() != null ? attempt.outcome() : done.status().name());
                ps.setString(6, Sql.clip(attempt.error(), 8000));
                ps.setString(7, attempt.mappingVersion());
                ps.executeUpdate();
            }
        }
        if (done.payload() != null) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE sync_payload SET payload = ? WHERE record_id = ?")) {
                ps.setString(1, done.payload());
                ps.setLong(2, done.recordId());
                ps.executeUpdate();
            }
        }
        for (IdLink link : done.links()) {
            links.put(c, link, now);
        }
    }

    /** Whether the flow has any PENDING record, due or not (a probe of sync_record_queue_ix). */
    boolean anyPending(Connection c, String flowId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM sync_record WHERE flow_id = ? AND status = 'PENDING' LIMIT 1")) {
            ps.setString(1, flowId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /*
     * The released record keeps its next_attempt_at, which was due when it was claimed, so it is due at
     * once even when "now" is the far-future instant used on start.
     */
    int releaseExpired(Connection c, Instant now, Instant wallClock) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE sync_record SET status = 'PENDING', lease_until = NULL, updated_at = ?
                WHERE status = 'IN_PROGRESS' AND lease_until < ?
                """)) {
            Sql.setInstant(ps, 1, wallClock);
            Sql.setInstant(ps, 2, now);
            int released = ps.executeUpdate();
            if (released > 0) {
                counts.recountAll(); // rare (on start): not worth tracking which flows
            }
            return released;
        }
    }

    /*
     * The soonest time a claim can return something, by the same eligibility as the claim: a record queued
     * behind an older one of its entity (waiting for backoff, or in progress) does not count, or the engine
     * would spin on a "due" record it cannot claim. After a completion the answer may change.
     */
    Optional<Instant> nextDue(Connection c, String flowId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(NEXT_ELIGIBLE)) {
            ps.setString(1, flowId);
            ps.setInt(2, 1);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(Sql.getInstant(rs, "next_attempt_at")) : Optional.empty();
            }
        }
    }

    /* The attempts counter is kept: it counts real tries, and the attempt rows remain the history. */
    boolean retry(Connection c, long recordId, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE sync_record SET status = 'PENDING', next_attempt_at = ?, lease_until = NULL, updated_at = ?
                WHERE id = ? AND status <> 'IN_PROGRESS'
                """)) {
            Sql.setInstant(ps, 1, now);
            Sql.setInstant(ps, 2, now);
            ps.setLong(3, recordId);
            boolean retried = ps.executeUpdate() == 1;
            if (retried) {
                counts.recountAll(); // an admin action: the record's former status is not known here
            }
            return retried;
        }
    }
}
