package dev.junction.hub.store.hsqldb;

import dev.junction.api.service.IdLink;
import dev.junction.hub.secrets.SecretCipher;
import dev.junction.hub.secrets.WrongSecretKeyException;
import dev.junction.hub.store.Cursor;
import dev.junction.hub.store.StoredConnection;
import dev.junction.hub.store.SyncStatus;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.junction.hub.store.hsqldb.StoreFixture.T0;
import static dev.junction.hub.store.hsqldb.StoreFixture.await;
import static dev.junction.hub.store.hsqldb.StoreFixture.rec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The file database: what must hold across a close and a reopen. */
class HsqldbStoreFileTest {

    @TempDir
    Path dataDir;
    Vertx vertx;
    SecretCipher cipher;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        cipher = SecretCipher.load(Map.of(), dataDir);
    }

    @AfterEach
    void stop() {
        await(vertx.close());
    }

    /** The database file opened directly, as HSQLDB's own tools would; the store must be closed. */
    private Connection raw() throws java.sql.SQLException {
        return DriverManager.getConnection("jdbc:hsqldb:file:" + dataDir.resolve("junction") + ";shutdown=true", "SA", "");
    }

    private List<Integer> appliedVersions() throws Exception {
        // The store is closed here, so the file is free to open directly.
        try (Connection c = raw();
             ResultSet rs = c.createStatement().executeQuery("SELECT version FROM schema_version ORDER BY version")) {
            List<Integer> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getInt(1));
            }
            return out;
        }
    }

    private String property(String name) throws Exception {
        try (Connection c = raw();
             ResultSet rs = c.createStatement().executeQuery("SELECT property_value FROM information_schema.system_properties"
                     + " WHERE property_name = '" + name + "'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Test
    void aDatabaseLeftWithOtherCacheAndLogSizesGetsTheStoresOnTheNextOpen() throws Exception {
        await(await(HsqldbSyncStore.open(vertx, dataDir, cipher)).close());
        // as a store before the thirteenth session left it: checkpoints every 100 MB of log, and before the
        // fourteenth: 50,000 cached rows
        try (Connection c = raw()) {
            c.createStatement().execute("SET FILES LOG SIZE 100");
            c.createStatement().execute("SET FILES CACHE ROWS 50000");
        }
        assertThat(property("hsqldb.log_size")).isEqualTo("100");
        assertThat(property("hsqldb.cache_rows")).isEqualTo("50000");

        await(await(HsqldbSyncStore.open(vertx, dataDir, cipher)).close());

        assertThat(property("hsqldb.log_size")).isEqualTo(String.valueOf(StoreOpening.LOG_MB)).isEqualTo("20");
        assertThat(property("hsqldb.cache_rows")).isEqualTo(String.valueOf(StoreOpening.CACHE_ROWS)).isEqualTo("20000");
    }

    @Test
    void dataSurvivesCloseAndReopen() {
        HsqldbSyncStore store = await(HsqldbSyncStore.open(vertx, dataDir, cipher));
        long id = await(store.ingest(List.of(rec("f1", "218", "v1")), "f1", new Cursor(T0, Set.of("218")))).get(0);
        await(store.putLink(new IdLink("order", "bc", "218", "bp", "1044")));
        await(store.putConnection(new StoredConnection("bp", "brightpearl",
                new JsonObject().put("apiToken", "secret-1"), Set.of("apiToken"))));
        // The file store runs on the system clock: claim at a time by which the record is surely due.
        Instant later = Instant.now().plusSeconds(60);
        assertThat(await(store.claim("f1", 1, later, Duration.ofMinutes(5)))).hasSize(1);
        await(store.close());

        SecretCipher sameKeyFromFile = SecretCipher.load(Map.of(), dataDir);
        HsqldbSyncStore reopened = await(HsqldbSyncStore.open(vertx, dataDir, sameKeyFromFile));
        try {
            assertThat(await(reopened.record(id)).orElseThrow().status()).isEqualTo(SyncStatus.IN_PROGRESS);
            assertThat(await(reopened.cursor("f1"))).contains(new Cursor(T0, Set.of("218")));
            assertThat(await(reopened.findLink("order", "bp", "1044", "bc"))).contains("218");
            assertThat(await(reopened.connection("bp")).orElseThrow().config().getString("apiToken"))
                    .isEqualTo("secret-1");
            // The duplicate is still recognised after a restart: dedupe is in the data, not in memory.
            assertThat(await(reopened.ingest(List.of(rec("f1", "218", "v1")), null, null))).isEmpty();
            assertThat(await(reopened.releaseExpiredLeases(later.plus(Duration.ofDays(36500))))).isEqualTo(1);
        } finally {
            await(reopened.close());
        }
    }

    @Test
    void migrationsRunOnceAndReopeningDoesNotReapplyThem() throws Exception {
        await(await(HsqldbSyncStore.open(vertx, dataDir, cipher)).close());
        List<Integer> first = appliedVersions();
        await(await(HsqldbSyncStore.open(vertx, dataDir, cipher)).close());

        assertThat(first).isEqualTo(List.of(1, 2, 3)).hasSize(new Migrator().migrations().size());
        assertThat(appliedVersions()).isEqualTo(first);
    }

    @Test
    void aDifferentKeyIsRefusedWithAClearMessage() {
        await(await(HsqldbSyncStore.open(vertx, dataDir, cipher)).close());

        assertThatThrownBy(() -> await(HsqldbSyncStore.open(vertx, dataDir, SecretCipher.ephemeral())))
                .isInstanceOf(WrongSecretKeyException.class)
                .hasMessage("cannot decrypt connection secrets: the key in JUNCTION_SECRET_KEY / secret.key "
                        + "is not the one they were encrypted with");

        // The refused open left the database usable with the right key.
        await(await(HsqldbSyncStore.open(vertx, dataDir, cipher)).close());
    }

    @Test
    void aDatabaseFromANewerHubIsRefused() throws Exception {
        await(await(HsqldbSyncStore.open(vertx, dataDir, cipher)).close());
        try (Connection c = raw()) {
            c.createStatement().execute("INSERT INTO schema_version VALUES (99, 'from the future', CURRENT_TIMESTAMP)");
        }

        assertThatThrownBy(() -> await(HsqldbSyncStore.open(vertx, dataDir, cipher)))
                .hasMessageContaining("schema version 99").hasMessageContaining("newer Junction");
    }

    @Test
    void aClosedStoreRefusesWorkClearly() {
        HsqldbSyncStore store = await(HsqldbSyncStore.open(vertx, dataDir, cipher));
        await(store.close());
        await(store.close());

        assertThatThrownBy(() -> await(store.isPaused("f1"))).hasMessageContaining("closed");
    }
}
