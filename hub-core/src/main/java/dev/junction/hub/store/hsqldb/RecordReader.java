package dev.junction.hub.store.hsqldb;

import dev.junction.hub.store.Attempt;
import dev.junction.hub.store.RecordQuery;
import dev.junction.hub.store.SyncRecord;
import dev.junction.hub.store.SyncStatus;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads sync records, their attempts and counts: the admin API's and the engine's look-ups. */
final class RecordReader {

    /** Ids per IN (...) list: long lists are split rather than sent as one statement of thousands. */
    private static final int IN_CHUNK = 500;

    private static final String SELECT = "SELECT r.*, p.payload FROM sync_record r"
            + " JOIN sync_payload p ON p.record_id = r.id ";

    Optional<SyncRecord> record(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + "WHERE r.id = ?")) {
            ps.setLong(1, id);
            List<SyncRecord> found = list(ps);
            return found.stream().findFirst();
        }
    }

    /** The records with these ids, in the order of {@code ids}. */
    List<SyncRecord> records(Connection c, List<Long> ids) throws SQLException {
        Map<Long, SyncRecord> byId = new HashMap<>();
        for (int from = 0; from < ids.size(); from += IN_CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
            try (PreparedStatement ps = c.prepareStatement(SELECT + "WHERE r.id IN (" + placeholders(chunk) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setLong(i + 1, chunk.get(i));
                }
                for (SyncRecord r : list(ps)) {
                    byId.put(r.id(), r);
                }
            }
        }
        List<SyncRecord> out = new ArrayList<>(ids.size());
        for (Long id : ids) {
            SyncRecord r = byId.get(id);
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * A page of records matching the query, newest first. The ORDER BY names the columns of the index that
     * fits the filter (PK, sync_record_flow_ix or sync_record_status_ix) and USING INDEX makes HSQLDB walk
     * it backwards and stop after the page, instead of sorting every matching row first.
     */
    List<SyncRecord> records(Connection c, RecordQuery q) throws SQLException {
        Filter f = Filter.of(q);
        String order = q.flowId() == null ? "r.id DESC"
                : q.status() == null ? "r.flow_id DESC, r.id DESC"
                : "r.flow_id DESC, r.status DESC, r.id DESC";
        String sql = "SELECT r.id FROM sync_record r " + f.where() + " ORDER BY " + order
                + " LIMIT ? OFFSET ? USING INDEX";
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int next = f.bind(ps);
            ps.setInt(next++, q.limit() <= 0 ? Integer.MAX_VALUE : q.limit());
            ps.setInt(next, Math.max(0, q.offset()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return records(c, ids);
    }

    long count(Connection c, RecordQuery q) throws SQLException {
        Filter f = Filter.of(q);
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM sync_record r " + f.where())) {
            f.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    List<SyncRecord> bySource(Connection c, String flowId, String sourceId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                SELECT + "WHERE r.flow_id = ? AND r.source_id = ? ORDER BY r.id DESC")) {
            ps.setString(1, flowId);
            ps.setString(2, sourceId);
            return list(ps);
        }
    }

    long countBySource(Connection c, String flowId, String sourceId) throws SQLException {
        // (flow_id, source_id) is the prefix of the unique key, so this reads the index, not the rows
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM sync_record WHERE flow_id = ? AND source_id = ?")) {
            ps.setString(1, flowId);
            ps.setString(2, sourceId);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Every status with its count, zeros included, so a dashboard need not guess missing keys. */
    List<Attempt> attempts(Connection c, long recordId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT * FROM sync_attempt WHERE record_id = ? ORDER BY id")) {
            ps.setLong(1, recordId);
            List<Attempt> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Attempt(rs.getLong("record_id"), rs.getInt("number"),
                            Sql.getInstant(rs, "started_at"), Sql.getInstant(rs, "finished_at"),
                            rs.getString("outcome"), rs.getString("error"), rs.getString("mapping_version")));
                }
            }
            return out;
        }
    }

    private static List<SyncRecord> list(PreparedStatement ps) throws SQLException {
        List<SyncRecord> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(map(rs));
            }
        }
        return out;
    }

    static SyncRecord map(ResultSet rs) throws SQLException {
        return new SyncRecord(rs.getLong("id"), rs.getString("flow_id"), rs.getString("source_connection"),
                rs.getString("source_stream"), rs.getString("source_id"), rs.getString("entity_key"),
                rs.getString("content_key"), rs.getString("search_text"), rs.getString("payload"),
                SyncStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), rs.getString("last_error"),
                rs.getString("remote_id"), rs.getString("message"), Sql.facts(rs.getString("facts")),
                Sql.getInstant(rs, "created_at"), Sql.getInstant(rs, "updated_at"),
                Sql.getInstant(rs, "next_attempt_at"), Sql.getInstant(rs, "synced_at"),
                Sql.getInstant(rs, "source_modified_at"), rs.getInt("claims"));
    }

    /** The WHERE clause of a {@link RecordQuery}, with its parameters in order. */
    private record Filter(String where, List<Object> params) {
        static Filter of(RecordQuery q) {
            List<String> terms = new ArrayList<>();
            List<Object> params = new ArrayList<>();
            if (q.flowId() != null) {
                terms.add("r.flow_id = ?");
                params.add(q.flowId());
            }
            if (q.status() != null) {
                terms.add("r.status = ?");
                params.add(q.status().name());
            }
            if (q.from() != null) {
                terms.add("r.created_at >= ?");
                params.add(q.from());
            }
            if (q.to() != null) {
                terms.add("r.created_at < ?");
                params.add(q.to());
            }
            if (q.text() != null && !q.text().isBlank()) {
                terms.add("(LOWER(r.search_text) LIKE ? ESCAPE '\\' OR LOWER(r.source_id) LIKE ? ESCAPE '\\')");
                String pattern = Sql.containsPattern(q.text().strip());
                params.add(pattern);
                params.add(pattern);
            }
            return new Filter(terms.isEmpty() ? "" : "WHERE " + String.join(" AND ", terms), params);
        }

        /** Binds the parameters; returns the next free parameter index. */
        int bind(PreparedStatement ps) throws SQLException {
            int i = 1;
            for (Object p : params) {
                if (p instanceof java.time.Instant instant) {
                    Sql.setInstant(ps, i++, instant);
                } else {
                    ps.setString(i++, (String) p);
                }
            }
            return i;
        }
    }

    static String placeholders(Collection<?> values) {
        return String.join(", ", java.util.Collections.nCopies(values.size(), "?"));
    }
}
