package dev.junction.hub.store.hsqldb;

import dev.junction.api.service.IdLink;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * Id links, one row per direction. Putting a link replaces the older link of the same
 * (entity, fromConnection, id, toConnection) in both directions, and drops the old reverse row, so a
 * re-created remote entity is not still reachable under its dead id.
 */
final class LinkDao {
    private static final Logger LOG = LoggerFactory.getLogger(LinkDao.class);
    private final LinkKeys keys = new LinkKeys();

    private static final String UPSERT = """
            MERGE INTO id_link l
            USING (VALUES (CAST(? AS VARCHAR(100)), CAST(? AS VARCHAR(200)), CAST(? AS VARCHAR(500)),
                           CAST(? AS VARCHAR(200)), CAST(? AS VARCHAR(500)), CAST(? AS TIMESTAMP(9) WITH TIME ZONE)))
                  AS n (entity, from_connection, from_id, to_connection, to_id, updated_at)
            ON l.entity = n.entity AND l.from_connection = n.from_connection AND l.from_id = n.from_id
               AND l.to_connection = n.to_connection
            WHEN MATCHED THEN UPDATE SET to_id = n.to_id, updated_at = n.updated_at
            WHEN NOT MATCHED THEN INSERT (entity, from_connection, from_id, to_connection, to_id, updated_at)
                 VALUES (n.entity, n.from_connection, n.from_id, n.to_connection, n.to_id, n.updated_at)
            """;

    /*
     * A key never written before: a plain insert. Every order's completion writes a new link both ways; as MERGEs
     * (a one-row VALUES table joined against id_link) those writes were a fifth of the store thread's samples at
     * 788 orders/s, as inserts 8% (a third of the samples in the same window).
     */
    private static final String INSERT = """
            INSERT INTO id_link (entity, from_connection, from_id, to_connection, to_id, updated_at)
            VALUES (?, ?, ?, ?, ?, ?)
            """;

    /** False only for a link that certainly does not exist, answered without the database (see {@link LinkKeys}). */
    boolean mayExist(String entity, String fromConnection, String id, String toConnection) {
        return keys.mayExist(entity, fromConnection, id, toConnection);
    }

    /**
     * Reads every key in the table into {@link LinkKeys}, in the background (once, at open); until it has, every
     * link may exist and look-ups read the table as before.
     */
    Future<Void> loadKeys(Jdbc jdbc, String store) {
        return jdbc.<Void>tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT entity, from_connection, from_id, to_connection FROM id_link");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
                }
            }
            keys.markComplete();
            return null;
        }).onFailure(e -> LOG.warn("store {}: could not read the id-link keys; every link look-up reads the table", store, e));
    }

    Optional<String> find(Connection c, String entity, String fromConnection, String id, String toConnection)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT to_id FROM id_link
                WHERE entity = ? AND from_connection = ? AND from_id = ? AND to_connection = ?
                """)) {
            ps.setString(1, entity);
            ps.setString(2, fromConnection);
            ps.setString(3, id);
            ps.setString(4, toConnection);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** Writes the link both ways in the caller's transaction. */
    void put(Connection c, IdLink link, Instant now) throws SQLException {
        putDirection(c, link.entity(), link.leftConnection(), link.leftId(), link.rightConnection(), link.rightId(), now);
        putDirection(c, link.entity(), link.rightConnection(), link.rightId(), link.leftConnection(), link.leftId(), now);
    }

    private void putDirection(Connection c, String entity, String fromConn, String fromId, String toConn, String toId,
                              Instant now) throws SQLException {
        // a key never written before has no previous link to look for (the key is noted before the row exists)
        boolean known = keys.mayExist(entity, fromConn, fromId, toConn);
        keys.add(entity, fromConn, fromId, toConn);
        Optional<String> previous = known ? find(c, entity, fromConn, fromId, toConn) : Optional.empty();
        if (previous.isPresent() && !previous.get().equals(toId)) {
            // fromId used to point at another id: that id's reverse row pointing back here is now stale.
            try (PreparedStatement ps = c.prepareStatement("""
                    DELETE FROM id_link
                    WHERE entity = ? AND from_connection = ? AND from_id = ? AND to_connection = ? AND to_id = ?
                    """)) {
                ps.setString(1, entity);
                ps.setString(2, toConn);
                ps.setString(3, previous.get());
                ps.setString(4, fromConn);
                ps.setString(5, fromId);
                ps.executeUpdate();
            }
        }
        // Should another transaction have written the same new key first, the insert's unique violation makes
        // Jdbc run this transaction again, and by then the key is known: the second run upserts.
        write(c, known ? UPSERT : INSERT, entity, fromConn, fromId, toConn, toId, now);
    }

    private static void write(Connection c, String sql, String entity, String fromConn, String fromId, String toConn,
                              String toId, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, entity);
            ps.setString(2, fromConn);
            ps.setString(3, fromId);
            ps.setString(4, toConn);
            ps.setString(5, toId);
            Sql.setInstant(ps, 6, now);
            ps.executeUpdate();
        }
    }
}
