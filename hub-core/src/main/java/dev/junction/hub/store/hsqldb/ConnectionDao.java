package dev.junction.hub.store.hsqldb;

import dev.junction.hub.secrets.SecretCipher;
import dev.junction.hub.store.StoredConnection;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Connections, their small state and the flows' paused flags. Secret config fields and every state value
 * are sealed with the {@link SecretCipher} before they reach SQL and opened after they leave it, so the
 * database file never holds a clear secret.
 */
final class ConnectionDao {

    private static final String UPSERT_CONNECTION = """
            MERGE INTO hub_connection t USING (VALUES (CAST(? AS VARCHAR(200)))) AS n (id) ON t.id = n.id
            WHEN MATCHED THEN UPDATE SET connector = ?, config = ?, secret_fields = ?, updated_at = ?
            WHEN NOT MATCHED THEN INSERT (id, connector, config, secret_fields, updated_at) VALUES (n.id, ?, ?, ?, ?)
            """;

    private static final String UPSERT_STATE = """
            MERGE INTO connection_state t
            USING (VALUES (CAST(? AS VARCHAR(200)), CAST(? AS VARCHAR(200)))) AS n (connection_id, state_key)
            ON t.connection_id = n.connection_id AND t.state_key = n.state_key
            WHEN MATCHED THEN UPDATE SET state_value = ?, updated_at = ?
            WHEN NOT MATCHED THEN INSERT (connection_id, state_key, state_value, updated_at)
                                  VALUES (n.connection_id, n.state_key, ?, ?)
            """;

    private static final String UPSERT_PAUSED = """
            MERGE INTO flow_control t USING (VALUES (CAST(? AS VARCHAR(200)))) AS n (flow_id) ON t.flow_id = n.flow_id
            WHEN MATCHED THEN UPDATE SET paused = ?, updated_at = ?
            WHEN NOT MATCHED THEN INSERT (flow_id, paused, updated_at) VALUES (n.flow_id, ?, ?)
            """;

    private final SecretCipher cipher;

    ConnectionDao(SecretCipher cipher) {
        this.cipher = cipher;
    }

    List<StoredConnection> all(Connection c) throws SQLException {
        List<StoredConnection> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM hub_connection ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(map(rs));
            }
        }
        return out;
    }

    Optional<StoredConnection> get(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM hub_connection WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    void put(Connection c, StoredConnection conn, Instant now) throws SQLException {
        Set<String> secretFields = conn.secretFields() == null ? Set.of() : conn.secretFields();
        String config = seal(conn.config() == null ? new JsonObject() : conn.config(), secretFields).encode();
        String fields = new JsonArray(new ArrayList<>(new TreeSet<>(secretFields))).encode();
        try (PreparedStatement ps = c.prepareStatement(UPSERT_CONNECTION)) {
            ps.setString(1, conn.id());
            for (int base : new int[]{2, 6}) {
                ps.setString(base, conn.connector());
                ps.setString(base + 1, config);
                ps.setString(base + 2, fields);
                Sql.setInstant(ps, base + 3, now);
            }
            ps.executeUpdate();
        }
    }

    /** Deletes the connection and its state together. */
    boolean delete(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM connection_state WHERE connection_id = ?")) {
            ps.setString(1, id);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM hub_connection WHERE id = ?")) {
            ps.setString(1, id);
            return ps.executeUpdate() == 1;
        }
    }

    Optional<String> state(Connection c, String connectionId, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT state_value FROM connection_state WHERE connection_id = ? AND state_key = ?")) {
            ps.setString(1, connectionId);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(cipher.decrypt(rs.getString(1))) : Optional.empty();
            }
        }
    }

    void putState(Connection c, String connectionId, String key, String value, Instant now) throws SQLException {
        if (value == null) {
            removeState(c, connectionId, key);
            return;
        }
        String sealed = cipher.encrypt(value);
        try (PreparedStatement ps = c.prepareStatement(UPSERT_STATE)) {
            ps.setString(1, connectionId);
            ps.setString(2, key);
            ps.setString(3, sealed);
            Sql.setInstant(ps, 4, now);
            ps.setString(5, sealed);
            Sql.setInstant(ps, 6, now);
            ps.executeUpdate();
        }
    }

    void removeState(Connection c, String connectionId, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM connection_state WHERE connection_id = ? AND state_key = ?")) {
            ps.setString(1, connectionId);
            ps.setString(2, key);
            ps.executeUpdate();
        }
    }

    boolean isPaused(Connection c, String flowId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT paused FROM flow_control WHERE flow_id = ?")) {
            ps.setString(1, flowId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    void setPaused(Connection c, String flowId, boolean paused, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UPSERT_PAUSED)) {
            ps.setString(1, flowId);
            ps.setBoolean(2, paused);
            Sql.setInstant(ps, 3, now);
            ps.setBoolean(4, paused);
            Sql.setInstant(ps, 5, now);
            ps.executeUpdate();
        }
    }

    /*
     * A secret field's value (string, number or object alike) is sealed as its JSON encoding, so it opens
     * to the same type.
     */
    private JsonObject seal(JsonObject config, Set<String> secretFields) {
        JsonObject out = config.copy();
        for (String field : secretFields) {
            Object value = out.getValue(field);
            if (value != null) {
                out.put(field, cipher.encrypt(Json.encode(value)));
            }
        }
        return out;
    }

    private JsonObject open(JsonObject stored, Set<String> secretFields) {
        for (String field : secretFields) {
            Object value = stored.getValue(field);
            if (value instanceof String s && SecretCipher.isEncrypted(s)) {
                stored.put(field, Json.decodeValue(cipher.decrypt(s)));
            }
        }
        return stored;
    }

    private StoredConnection map(ResultSet rs) throws SQLException {
        Set<String> fields = new LinkedHashSet<>();
        Sql.array(rs.getString("secret_fields")).forEach(f -> fields.add(String.valueOf(f)));
        JsonObject config = open(new JsonObject(rs.getString("config")), fields);
        return new StoredConnection(rs.getString("id"), rs.getString("connector"), config, Set.copyOf(fields));
    }
}
