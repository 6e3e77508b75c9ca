package dev.junction.hub.store.hsqldb;

import dev.junction.hub.secrets.SecretCipher;
import dev.junction.hub.secrets.WrongSecretKeyException;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Opening the database: its settings, the schema migrations and the check that the secret key is the right one. */
final class StoreOpening {
    /** Row cache (see {@link HsqldbSyncStore} for why these sizes), and the log size that triggers a checkpoint. */
    static final int CACHE_KB = 16384, CACHE_ROWS = 20000, LOG_MB = 20;
    private static final String KEY_CHECK = "secret_key_check";
    private static final String KEY_CHECK_CLEAR = "junction";
    private static final Logger LOG = LoggerFactory.getLogger(HsqldbSyncStore.class);

    private StoreOpening() {
    }

    /** Opens the connections, prepares and migrates the database, checks the key. Blocking: on a worker thread. */
    static Jdbc open(Vertx vertx, String executorName, String url, int poolSize, SecretCipher cipher) throws Exception {
        Jdbc jdbc = Jdbc.open(vertx, executorName, url, poolSize);
        try {
            List<Integer> applied = jdbc.inTransaction(c -> {
                prepare(c, url);
                List<Integer> versions = new Migrator().migrate(c);
                checkKey(c, cipher);
                return versions;
            });
            if (!applied.isEmpty()) {
                LOG.info("store {}: applied schema migrations {}", describe(url), applied);
            }
            return jdbc;
        } catch (Exception e) {
            try {
                jdbc.closeNow();
            } catch (Exception closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /** The URL without its settings, for logs. */
    static String describe(String url) {
        int semicolon = url.indexOf(';');
        return semicolon < 0 ? url : url.substring(0, semicolon);
    }

    /* Settings HSQLDB keeps in the database; set again on open so an older file gets them too. */
    private static void prepare(Connection c, String url) throws SQLException {
        try (Statement s = c.createStatement()) {
            if (empty(c)) {
                // Strings compare as Java compares them: 'A1' and 'A1 ' are two ids, not one. HSQLDB's default
                // pads the shorter of two strings with spaces on every comparison, a copy that was 3% of the
                // hub's CPU under load, in index walks of the queue. Only on a new database: the setting applies
                // to existing columns at once, and their indexes were built with the other order.
                s.execute("SET DATABASE COLLATION SQL_TEXT NO PAD");
            }
            s.execute("SET DATABASE TRANSACTION CONTROL MVCC");
            if (url.startsWith("jdbc:hsqldb:file:")) {
                s.execute("SET FILES WRITE DELAY FALSE");
                s.execute("SET FILES CACHE SIZE " + CACHE_KB);
                s.execute("SET FILES CACHE ROWS " + CACHE_ROWS);
                s.execute("SET FILES LOG SIZE " + LOG_MB);
            }
        }
        c.commit();
    }

    /** Whether the database holds no table of ours yet (created by this open). */
    private static boolean empty(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'")) {
            rs.next();
            return rs.getLong(1) == 0;
        }
    }

    /* The first open seals a known value; every later open must be able to open it. */
    private static void checkKey(Connection c, SecretCipher cipher) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT meta_value FROM store_meta WHERE meta_key = ?")) {
            ps.setString(1, KEY_CHECK);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    if (!KEY_CHECK_CLEAR.equals(cipher.decrypt(rs.getString(1)))) {
                        throw new WrongSecretKeyException();
                    }
                    return;
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO store_meta (meta_key, meta_value) VALUES (?, ?)")) {
            ps.setString(1, KEY_CHECK);
            ps.setString(2, cipher.encrypt(KEY_CHECK_CLEAR));
            ps.executeUpdate();
        }
    }
}
